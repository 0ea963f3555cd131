// Run after each build by scripts/post-build (Trunk's post-build hook): writes finder-assets.js (and
// console/assets.js for the clinic's console, below), a module naming
// this build's hashed files (the full module's wasm-bindgen glue and WebAssembly, the
// stylesheet) relative to itself. www/finder-api.js imports it, so a page using the
// JavaScript API needs no build step of its own. The full module (everything, the JavaScript
// API's exports included) is the one scripts/modules wrote, `treatment-finder-full-<hash>`;
// the stylesheet is read from the index.html Trunk just wrote.

import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
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

const stylesheet = tags('link').find((a) => a.rel === 'stylesheet');
if (!stylesheet?.href) {
  console.error(`finder-assets: ${join(dir, 'index.html')} has no <link rel="stylesheet">`);
  process.exit(1);
}
const full = (await readdir(dir)).filter((name) => /^treatment-finder-full-[0-9a-f]+\.js$/.test(name));
if (full.length !== 1) {
  console.error(`finder-assets: ${dir} holds ${full.length} full modules (treatment-finder-full-<hash>.js from scripts/modules), not one`);
  process.exit(1);
}
const assets = {
  glue: full[0],
  wasm: full[0].replace(/\.js$/, '_bg.wasm'),
  stylesheet: basename(stylesheet.href),
};
await writeFile(
  join(dir, 'finder-assets.js'),
  `// Written by scripts/finder-assets.mjs after each build: this build's hashed file names,\n` +
    `// relative to this file. Imported by finder-api.js.\n` +
    `export default ${JSON.stringify(assets, null, 2)};\n`,
);

// The clinic console's module (scripts/modules, `treatment-finder-console-<hash>`), named for
// www/console/ in console/assets.js, relative to that folder.
const consoleModule = (await readdir(dir)).filter((name) => /^treatment-finder-console-[0-9a-f]+\.js$/.test(name));
if (consoleModule.length !== 1) {
  console.error(`finder-assets: ${dir} holds ${consoleModule.length} console modules (treatment-finder-console-<hash>.js from scripts/modules), not one`);
  process.exit(1);
}
await mkdir(join(dir, 'console'), { recursive: true });
await writeFile(
  join(dir, 'console', 'assets.js'),
  `// Written by scripts/finder-assets.mjs after each build: the console module's hashed files,\n` +
    `// relative to this file. Imported by console.js and sweep-worker.js.\n` +
    `export default ${JSON.stringify({ glue: `../${consoleModule[0]}`, wasm: `../${consoleModule[0].replace(/\.js$/, '_bg.wasm')}` }, null, 2)};\n`,
);
