// Run after each build by scripts/post-build (Trunk's post-build hook): writes finder-assets.js, a module naming
// this build's hashed files (the wasm-bindgen glue, the WebAssembly module, the stylesheet)
// relative to itself. www/finder-api.js imports it, so a page using the JavaScript API needs
// no build step of its own. The names are read from the index.html Trunk just wrote: the
// start tag of Trunk.toml's `pattern_script` and the stylesheet link.

import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('finder-assets: TRUNK_STAGING_DIR is not set (this script is a Trunk post_build hook)');
  process.exit(1);
}
const html = await readFile(join(dir, 'index.html'), 'utf8');

/** The attributes of each tag named `name` in `html`, as objects. */
function tags(name) {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))].map(([, attrs]) =>
    Object.fromEntries([...attrs.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k.toLowerCase(), v])),
  );
}

const start = tags('script').find((a) => a.id === 'tf-start');
const stylesheet = tags('link').find((a) => a.rel === 'stylesheet');
const missing = [
  !start?.['data-glue'] && 'the start tag <script id="tf-start" data-glue=…> (Trunk.toml pattern_script)',
  !start?.['data-wasm'] && 'its data-wasm attribute',
  !stylesheet?.href && 'a <link rel="stylesheet">',
].filter(Boolean);
if (missing.length) {
  console.error(`finder-assets: ${join(dir, 'index.html')} has no ${missing.join(', ')}`);
  process.exit(1);
}
const assets = {
  glue: basename(start['data-glue']),
  wasm: basename(start['data-wasm']),
  stylesheet: basename(stylesheet.href),
};
await writeFile(
  join(dir, 'finder-assets.js'),
  `// Written by scripts/finder-assets.mjs after each build: this build's hashed file names,\n` +
    `// relative to this file. Imported by finder-api.js.\n` +
    `export default ${JSON.stringify(assets, null, 2)};\n`,
);
