// Release builds only (run by scripts/post-build, a Trunk post_build hook): minifies the
// JavaScript and CSS the finder ships, in Trunk's staging folder, with esbuild (npm, pinned
// in package.json). Sources in www/ stay as they are written; only what is served shrinks.
//
// Trunk has already written `integrity` (SRI) hashes for the files it links from index.html
// (the stylesheet, the wasm-bindgen glue): they are recomputed for the files changed here,
// or the browser would refuse them. The hashed file names stay as Trunk made them, from the
// sources: they change whenever a source does.
//
// index.html loses its comments (notes for whoever reads www/index.html).

import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify: TRUNK_STAGING_DIR is not set (run by scripts/post-build after a Trunk build)');
  process.exit(1);
}

// What the finder's pages and the JavaScript API load, and how each is read: a module's top
// level is its own (esbuild may rename it); a classic script's is the page's (kept). The demo
// pages' scripts are examples to read, and stay as written.
const SHIPPED = [
  { pattern: /^treatment-finder-[0-9a-f]+\.js$/, loader: 'js', format: 'esm' }, // wasm-bindgen's glue
  // The later modules' glue (scripts/modules): the rules reader, the full module and the console's.
  { pattern: /^treatment-finder-(reader|full|console)-[0-9a-f]+\.js$/, loader: 'js', format: 'esm' },
  { pattern: /^(start|finder-api)\.js$/, loader: 'js', format: 'esm' },
  { pattern: /^(embed|first)\.js$/, loader: 'js' },
  { pattern: /^styles-[0-9a-f]+\.css$/, loader: 'css' },
  // wasm-bindgen's snippets: JavaScript modules the Rust code imports (src/web/crash.js).
  { pattern: /^snippets\/.+\.js$/, loader: 'js', format: 'esm' },
];

// Every file under the staging folder, by its path from there (`snippets/…/crash.js`).
const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(dir.length).replace(/^\/+/, ''));

const changed = new Map(); // file name → its new bytes
for (const name of names) {
  const kind = SHIPPED.find(({ pattern }) => pattern.test(name));
  if (!kind) continue;
  const path = join(dir, name);
  // No `target`: the syntax stays as written. The sources hold no licence text to keep.
  const { code } = await transform(await readFile(path, 'utf8'), {
    loader: kind.loader,
    format: kind.format,
    minify: true,
    legalComments: 'none',
  });
  await writeFile(path, code);
  changed.set(name, Buffer.from(code));
}
const missing = SHIPPED.filter(({ pattern }) => ![...changed.keys()].some((name) => pattern.test(name)));
if (missing.length) {
  console.error(`minify: nothing in ${dir} matches ${missing.map(({ pattern }) => pattern).join(', ')}`);
  process.exit(1);
}

const indexPath = join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');
html = html.replace(/<!--[\s\S]*?-->/g, '').replace(/\n\s*\n/g, '\n');
// Each tag that links a changed file with an integrity attribute gets the new file's hash.
html = html.replace(/<link\b[^>]*>/g, (tag) => {
  const href = /\shref="\/?([^"]+)"/.exec(tag)?.[1];
  const bytes = href && changed.get(href);
  if (!bytes || !/\sintegrity="/.test(tag)) return tag;
  const digest = createHash('sha384').update(bytes).digest('base64');
  return tag.replace(/\sintegrity="[^"]*"/, ` integrity="sha384-${digest}"`);
});
await writeFile(indexPath, html);
