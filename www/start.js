// Starts the treatment finder on its own page (index.html) without an inline script, so the
// page runs under `script-src 'self' 'wasm-unsafe-eval'` (docs/embedding.md).
//
// Trunk writes the tag that loads this file (Trunk.toml `pattern_script`) with the names of
// this build's hashed files. A module script has no `document.currentScript`, hence the id.
const tag = document.getElementById('tf-start');
const glue = await import(tag.dataset.glue);
await glue.default({ module_or_path: tag.dataset.wasm });
glue.startApp();
