// The engine, as the console's WebAssembly module (the crate built with the `console`
// feature). The build writes console/assets.js with this build's hashed file names. Used by
// the page and by the sweep's worker, so it touches no DOM.

/** Loads and starts the module; resolves to its exports. */
export async function loadEngine() {
  const { default: assets } = await import('./assets.js');
  const glue = await import(new URL(assets.glue, import.meta.url));
  await glue.default({ module_or_path: new URL(assets.wasm, import.meta.url) });
  return glue;
}

/** The text of a rules object as the console hands it to the engine. */
export function rulesText(rules) {
  return JSON.stringify(rules, null, 2) + '\n';
}
