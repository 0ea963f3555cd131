// Caching headers (docs/embedding.md, "Caching"): the deploy check a clinic runs against its
// published finder (scripts/check-caching.mjs), run here against the end-to-end tests' server,
// which sends the headers the documentation asks of a clinic's server.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCaching, IMMUTABLE, REVALIDATE } from '../../scripts/check-caching.mjs';
import { readFileSync } from 'node:fs';
import { cacheControl, serveDist } from './support.mjs';

let app;
before(async () => {
  app = await serveDist();
});
after(async () => {
  await app?.close();
});

test('deploy check (scripts/check-caching.mjs): the hashed WebAssembly, glue and stylesheet are cached a year as immutable; embed.js, the pages, clinic.json and the other unhashed files are revalidated', async () => {
  const results = await checkCaching(`${app.url}/`);
  const header = (pattern) => {
    const found = results.filter((r) => pattern.test(new URL(r.url).pathname));
    assert.ok(found.length > 0, `the check asked for a file matching ${pattern}: ${results.map((r) => r.url).join(', ')}`);
    return [...new Set(found.map((r) => r.got))];
  };
  // Trunk's hash is a 64-bit number in hex without its leading zeros: one build in 16 has 15
  // digits or fewer (docs/embedding.md, "Caching").
  assert.deepEqual(header(/^\/treatment-finder-[0-9a-f]{12,16}_bg\.wasm$/), [IMMUTABLE], 'the WebAssembly');
  assert.deepEqual(header(/^\/treatment-finder-[0-9a-f]{12,16}\.js$/), [IMMUTABLE], 'its JavaScript glue');
  assert.deepEqual(header(/^\/styles-[0-9a-f]{12,16}\.css$/), [IMMUTABLE], 'the stylesheet');
  assert.deepEqual(header(/^\/embed\.js$/), [REVALIDATE], 'embed.js, which partner pages load by its fixed name');
  assert.deepEqual(header(/^\/(index\.html)?$/), [REVALIDATE], 'the page, which names the hashed files');
  assert.deepEqual(header(/^\/clinic\.json$/), [REVALIDATE], "the clinic's settings, edited without a rebuild");
  // wasm-bindgen names the snippets' folder from the crate, not from what is in it.
  assert.deepEqual(header(/^\/snippets\/.+\.js$/), [REVALIDATE], 'the crash guard snippet');
  assert.deepEqual(
    results.filter((r) => !r.ok).map((r) => `${r.url}: ${r.got}, want ${r.want}`),
    [],
    'every file the deploy check asks for',
  );
});

test('deploy check (scripts/check-caching.mjs): a server that caches embed.js or sends the WebAssembly without immutable fails it', async () => {
  // The tests' server with caching off (`no-store` everywhere), as a server without the
  // documented headers: the check must say so rather than pass.
  const plain = await serveDist({ cache: false });
  try {
    const results = await checkCaching(`${plain.url}/`);
    const failed = results.filter((r) => !r.ok).map((r) => new URL(r.url).pathname);
    assert.ok(failed.includes('/embed.js'), `embed.js fails: ${failed.join(', ')}`);
    assert.ok(failed.some((path) => /_bg\.wasm$/.test(path)), `the WebAssembly fails: ${failed.join(', ')}`);
  } finally {
    await plain.close();
  }
});

// Trunk drops a hash's leading zeros (a build gave `treatment-finder-443acf91f2b51a7_bg.wasm`):
// such a file is still a year's cache, and a name that only ends in a short hex word is not.
test("the caching rule of docs/embedding.md: a Trunk hash of 12 to 16 digits is hashed; the other files' names are not", () => {
  const hashed = [
    '/treatment-finder-443acf91f2b51a7_bg.wasm',
    '/treatment-finder-443acf91f2b51a7.js',
    '/treatment-finder-3a9c3f7c2d6e4b10_bg.wasm',
    '/styles-0ff4a5e0fa90036.css',
    '/treatment-finder-reader-27da53bb84112c8a_bg.wasm',
    '/finder/favicon-880f288977ca316c.svg',
  ];
  const plain = [
    '/embed.js', '/index.html', '/', '/clinic.json', '/start.js', '/first.js', '/finder-api.js', '/finder-assets.js',
    '/treatment-finder.d.ts', '/partner-demo.html', '/console/assets.js', '/console/sweep-worker.js',
    '/snippets/treatment-finder-29033a9782b83770/src/web/crash.js', '/icon-face.svg', '/photo-decade.png',
  ];
  for (const path of hashed) assert.equal(cacheControl(path), IMMUTABLE, path);
  for (const path of plain) assert.equal(cacheControl(path), REVALIDATE, path);
  // The nginx map of docs/embedding.md says the same.
  const docs = readFileSync(new URL('../../docs/embedding.md', import.meta.url), 'utf8');
  const rule = docs.match(/"~(\^\/finder\/.+?)"\s+"public, max-age=31536000, immutable"/);
  assert.ok(rule, 'the nginx map is in docs/embedding.md');
  const nginx = new RegExp(rule[1]);
  const inFolder = (path) => (path.startsWith('/finder/') ? path : `/finder${path}`);
  for (const path of hashed) assert.ok(nginx.test(inFolder(path)), `nginx: ${path}`);
  for (const path of plain) assert.ok(!nginx.test(inFolder(path)), `nginx: ${path}`);
});
