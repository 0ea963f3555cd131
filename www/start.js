// Starts the treatment finder on its own page (index.html) without an inline script, so the
// page runs under `script-src 'self' 'wasm-unsafe-eval'` (docs/embedding.md).
//
// Trunk writes the tag that loads this file (Trunk.toml `pattern_script`) with the names of
// this build's hashed files. A module script has no `document.currentScript`, hence the id.
// If the app cannot start (its files did not arrive, or the browser cannot run them),
// www/first.js is told, and shows the page's message for it in the visitor's language.
const tag = document.getElementById('tf-start');
import(tag.dataset.glue)
  .then((glue) => glue.default({ module_or_path: tag.dataset.wasm }).then(() => glue.startApp()))
  .catch((error) => {
    document.dispatchEvent(new Event('tf-start-failed'));
    throw error;
  });
