// A deploy check a clinic can run against its published finder: does the server send the
// Cache-Control headers of docs/embedding.md ("Caching")?
//
//   node scripts/check-caching.mjs https://clinic.example/finder/
//
// It reads the finder's own page to learn this build's hashed files (the WebAssembly, its
// JavaScript glue, the stylesheet, the icon), then asks for each file with a GET and reads
// the header. Hashed files must be `public, max-age=31536000, immutable`; every file whose
// name stays the same from one build to the next (embed.js, the pages, clinic.json,
// start.js, first.js, finder-api.js, finder-assets.js, the wasm-bindgen snippets) must be
// `no-cache`, or partners' visitors keep an old embed.js or clinic.json after an update.
// Exit code 0 when every file is right, 1 otherwise, with one line per file.
// tests/e2e/caching.test.mjs runs it against the end-to-end tests' server.

import { pathToFileURL } from 'node:url';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The files whose names do not change between builds, relative to the finder's folder. */
const STABLE = ['', 'index.html', 'embed.js', 'clinic.json', 'start.js', 'first.js', 'finder-api.js', 'finder-assets.js'];

/** `name="value"` attributes of every `<tag …>` in `html`. */
function tags(html, tag) {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))].map(([, attrs]) =>
    Object.fromEntries([...attrs.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k.toLowerCase(), v])),
  );
}

/** Cache-Control's directives, lower case, in a stable order (`max-age=…, public` …). */
const directives = (value) =>
  (value ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase().replace(/\s*=\s*/, '='))
    .filter(Boolean)
    .sort()
    .join(', ');

/**
 * Checks the finder published at `base` (its folder's URL). Resolves to a list of
 * `{ url, want, got, ok }`, one per file.
 */
export async function checkCaching(base) {
  const folder = new URL(base.endsWith('/') ? base : `${base}/`);
  const page = await fetch(folder, { redirect: 'error' });
  if (!page.ok) throw new Error(`${folder.href}: status ${page.status}`);
  const html = await page.text();
  const start = tags(html, 'script').find((a) => a.id === 'tf-start');
  if (!start?.['data-wasm'] || !start['data-glue']) {
    throw new Error(`${folder.href}: no <script id="tf-start" data-glue data-wasm> (is this the finder's index.html?)`);
  }
  // The page's module and any later one the start tag names (data-reader-wasm, …).
  const hashed = Object.entries(start)
    .filter(([name, value]) => /^data-(?:[\w-]+-)?(?:wasm|glue)$/.test(name) && value)
    .map(([, value]) => value);
  for (const link of tags(html, 'link')) {
    if ((link.rel === 'stylesheet' || link.rel === 'icon') && link.href) hashed.push(link.href);
  }
  // The snippets the glue imports: their folder looks hashed, but is named from the crate.
  const glue = await (await fetch(new URL(start['data-glue'], folder), { redirect: 'error' })).text();
  const snippets = [...glue.matchAll(/["'](\.\/snippets\/[^"']+\.js)["']/g)].map(([, path]) => path);

  const glueUrl = new URL(start['data-glue'], folder);
  const files = [
    ...hashed.map((path) => ({ url: new URL(path, folder), want: IMMUTABLE })),
    ...STABLE.map((path) => ({ url: new URL(path, folder), want: REVALIDATE })),
    ...snippets.map((path) => ({ url: new URL(path, glueUrl), want: REVALIDATE })),
  ];
  const results = [];
  for (const { url, want } of files) {
    const response = await fetch(url, { redirect: 'error' });
    await response.arrayBuffer();
    const got = response.headers.get('cache-control');
    results.push({ url: url.href, want, got, ok: response.ok && directives(got) === directives(want) });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const base = process.argv[2];
  if (!base) {
    console.error('usage: node scripts/check-caching.mjs https://clinic.example/finder/');
    process.exit(2);
  }
  const results = await checkCaching(base);
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.url}: Cache-Control ${r.got ?? '(none)'}${r.ok ? '' : `, want ${r.want}`}`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}
