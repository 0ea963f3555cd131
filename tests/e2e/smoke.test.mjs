// Smoke test of the release build: it loads, renders, and talks to nothing but its own server.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectConsole, distAndBrowser, recordRequests } from './support.mjs';

const suite = distAndBrowser();

test('the built app renders its heading and makes no request off this machine', async () => {
  const context = await suite.browser.newContext();
  try {
    const requests = await recordRequests(context);
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const log = collectConsole(page);
    const before = suite.server.requests().length;
    const wasm = page.waitForResponse((response) => response.url().endsWith('.wasm'));

    await page.goto(`${suite.server.url}/`);
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

    // index.html preloads clinic.json so it arrives beside the WebAssembly; the app's own fetch
    // must reuse that response, not ask again (and Chromium warns about an unused preload).
    const asked = suite.server.requests().slice(before).map((url) => new URL(url, suite.server.url).pathname);
    assert.equal(asked.filter((p) => p === '/clinic.json').length, 1, `clinic.json asked for once: ${asked.join(' ')}`);
    const repeated = asked.filter((p, i) => asked.indexOf(p) !== i);
    assert.deepEqual(repeated, [], 'files the page asked for twice');
    assert.deepEqual(log.errors(), [], 'console errors while loading');
    const aboutClinicFile = log.messages.filter((m) => m.text.includes('clinic.json')).map((m) => m.text);
    assert.deepEqual(aboutClinicFile, [], 'console messages about clinic.json');
  } finally {
    await context.close();
  }
});
