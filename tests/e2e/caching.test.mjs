// Caching headers (docs/embedding.md, "Caching"): the deploy check a clinic runs against its
// published finder (scripts/check-caching.mjs), run here against the end-to-end tests' server,
// which sends the headers the documentation asks of a clinic's server.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCaching, IMMUTABLE, REVALIDATE } from '../../scripts/check-caching.mjs';
import { serveDist } from './support.mjs';

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
  assert.deepEqual(header(/^\/treatment-finder-[0-9a-f]{16}_bg\.wasm$/), [IMMUTABLE], 'the WebAssembly');
  assert.deepEqual(header(/^\/treatment-finder-[0-9a-f]{16}\.js$/), [IMMUTABLE], 'its JavaScript glue');
  assert.deepEqual(header(/^\/styles-[0-9a-f]{16}\.css$/), [IMMUTABLE], 'the stylesheet');
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
