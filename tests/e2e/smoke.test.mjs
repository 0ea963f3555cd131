// Smoke test of the release build: it loads, renders, and talks to nothing but its own server.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, recordRequests, serveDist } from './support.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the built app renders its heading and makes no request off this machine', async () => {
  const context = await browser.newContext();
  try {
    const requests = await recordRequests(context);
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const wasm = page.waitForResponse((response) => response.url().endsWith('.wasm'));

    await page.goto(`${server.url}/`);
    const heading = page.getByRole('heading', { level: 1, name: 'Treatment finder' });
    await heading.waitFor();
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    const wasmResponse = await wasm;
    assert.equal(wasmResponse.status(), 200);
    assert.equal(wasmResponse.headers()['content-type'], 'application/wasm');

    await page.waitForLoadState('networkidle');
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
    assert.ok(requests.all().length > 0, 'requests were recorded');
    assert.deepEqual(requests.external(), [], 'requests to hosts other than 127.0.0.1');
  } finally {
    await context.close();
  }
});
