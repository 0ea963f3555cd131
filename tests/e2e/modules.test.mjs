// Which WebAssembly a visitor downloads (issue 16, ARCHITECTURE.md): the finder's own page and
// a partner's widget load only the lean first module (the questionnaire, the engine and the
// default rules). The rules reader module comes only when clinic.json names a rules file, and
// the clinic's rules then answer from the first result on; the full module only on pages that
// use the JavaScript API (widget.test.mjs covers those).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DIST,
  RULES,
  appUrl,
  collectConsole,
  completeQuiz,
  engineCase,
  goalLabel,
  launchBrowser,
  newContext,
  openApp,
  serveDist,
  servePages,
  summary,
  summaryText,
  widgetFrame,
} from './support.mjs';

const PLAN = engineCase('issue example');
const CLINIC = JSON.parse(readFileSync(join(DIST, 'clinic.json'), 'utf8'));
// A later module, or any file of the clinic's console (its page, its folder, its module): none
// is for a visitor.
const LATER_MODULE = /\/(treatment-finder-(reader|full|console)-[0-9a-f]+(\.js|_bg\.wasm)|console\.html|console\/.*)$/;
const READER = /\/treatment-finder-reader-[0-9a-f]+(\.js|_bg\.wasm)$/;

// Bytes that only the rules file's reader and lint hold: a lint message, and a field name that
// only serde's reader of the rules (and lint's paths) spell out. The lean module has neither.
const READER_MARKS = ['a safety text must be written in English and in French', 'first_session_after_days'];

let app;
let partner;
let browser;

before(async () => {
  app = await serveDist();
  partner = await servePages({
    '/partner.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Salon</title>
      <script src="${app.url}/embed.js" async></script></head>
      <body><treatment-finder id="finder" lang="en"></treatment-finder></body></html>`,
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await partner?.close();
  await app?.close();
});

/**
 * A fresh context whose every request (page and iframes) is recorded, with the bodies of the
 * WebAssembly and JavaScript the finder's server sent; `clinic` replaces clinic.json and
 * `routes` answers other paths of the finder's origin (`{ 'clinic-rules.json': body }`).
 */
async function withContext(fn, { clinic = null, routes = {} } = {}) {
  const context = await newContext(browser);
  try {
    const requests = [];
    const bodies = [];
    context.on('request', (request) => requests.push(request.url()));
    context.on('response', (response) => {
      const url = response.url();
      if (url.startsWith(app.url) && /\.(wasm|js)$/.test(new URL(url).pathname)) {
        bodies.push(response.body().then((body) => ({ url, body }), () => ({ url, body: Buffer.alloc(0) })));
      }
    });
    if (clinic) {
      await context.route(`${app.url}/clinic.json`, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...CLINIC, ...clinic }) }),
      );
    }
    for (const [path, respond] of Object.entries(routes)) {
      await context.route(`${app.url}/${path}`, typeof respond === 'function' ? respond : (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: respond }),
      );
    }
    // Every text the result's summary ever shows, from its first drawing on.
    await context.addInitScript(() => {
      window.__summaries = [];
      new MutationObserver(() => {
        const text = document.getElementById('result-summary')?.textContent.replace(/\s+/g, ' ').trim();
        if (text && window.__summaries.at(-1) !== text) window.__summaries.push(text);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await fn({ context, requests: () => [...requests], bodies: () => Promise.all(bodies) });
  } finally {
    await context.close();
  }
}

/** The WebAssembly modules and glue the finder's server sent, and what they hold. */
async function downloaded(bodies) {
  const all = await bodies();
  const wasm = all.filter(({ url }) => url.endsWith('.wasm'));
  return {
    wasm: wasm.map(({ url }) => new URL(url).pathname),
    readerMarks: READER_MARKS.filter((mark) => wasm.some(({ body }) => body.includes(mark))),
    apiExports: all.filter(({ url, body }) => url.endsWith('.js') && /\bloadClinic\b/.test(body.toString())).map(({ url }) => new URL(url).pathname),
  };
}

test("the finder's own page downloads only the lean first module: no rules reader, no JavaScript API, through a whole quiz", async () => {
  await withContext(async ({ context, requests, bodies }) => {
    const page = await context.newPage();
    const log = collectConsole(page);
    await openApp(page, appUrl(app.url));
    await completeQuiz(page, PLAN.answers);
    assert.equal(await summary(page), summaryText('both'));
    const got = await downloaded(bodies);
    const start = await page.locator('#tf-start').evaluate((el) => el.dataset.wasm);
    assert.deepEqual(got.wasm, [start], 'one WebAssembly module, the one the start tag names');
    assert.deepEqual(got.readerMarks, [], 'the module holds no rules reader or lint');
    assert.deepEqual(got.apiExports, [], 'no JavaScript API export in the glue');
    assert.deepEqual(requests().filter((url) => LATER_MODULE.test(url)), [], 'a later module was requested');
    assert.deepEqual(log.errors(), [], 'console errors');
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
  });
});

test("a partner's widget downloads only the lean first module, through a whole quiz", async () => {
  await withContext(async ({ context, requests, bodies }) => {
    const page = await context.newPage();
    const log = collectConsole(page);
    await page.goto(`${partner.url}/partner.html`);
    const frame = await widgetFrame(page, '#finder');
    await frame.getByRole('checkbox', { name: goalLabel('hydration'), exact: true }).waitFor();
    await completeQuiz(frame, PLAN.answers);
    assert.equal(await summary(frame), summaryText('both'));
    const got = await downloaded(bodies);
    assert.equal(got.wasm.length, 1, `one WebAssembly module: ${got.wasm}`);
    assert.deepEqual(got.readerMarks, [], 'the module holds no rules reader or lint');
    assert.deepEqual(got.apiExports, [], 'no JavaScript API export in the glue');
    assert.deepEqual(requests().filter((url) => LATER_MODULE.test(url)), [], 'a later module was requested');
    assert.deepEqual(log.errors(), [], 'console errors');
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
  });
});

function editedRules(edit) {
  const rules = structuredClone(RULES);
  edit(rules);
  return JSON.stringify(rules);
}

const CLINIC_SUMMARY = 'Our clinic suggests both treatments for you.';
const CLINIC_GOAL = 'Skin that feels dry or tight';

test("a clinic's own rules file: the rules reader is downloaded, and the questionnaire and the very first result follow the clinic's rules", async () => {
  const body = editedRules((r) => {
    r.messages.summary_both.en = CLINIC_SUMMARY;
    r.goals.find((g) => g.goal === 'hydration').label.en = CLINIC_GOAL;
  });
  await withContext(async ({ context, requests }) => {
    const page = await context.newPage();
    const log = collectConsole(page);
    await openApp(page, appUrl(app.url));
    // The app took over with the clinic's words (the first step drawn at build time has the default ones).
    await page.getByRole('checkbox', { name: CLINIC_GOAL, exact: true }).waitFor();
    const answers = { ...PLAN.answers, goals: PLAN.answers.goals.filter((g) => g !== 'hydration') };
    await page.getByRole('checkbox', { name: CLINIC_GOAL, exact: true }).check();
    await completeQuiz(page, answers);
    assert.equal(await summary(page), CLINIC_SUMMARY);
    assert.deepEqual(await page.evaluate(() => window.__summaries), [CLINIC_SUMMARY], 'the default rules\u2019 result never showed');
    const reader = requests().filter((url) => READER.test(url));
    assert.equal(reader.filter((url) => url.endsWith('.js')).length, 1, `the reader's glue, once: ${reader}`);
    assert.equal(reader.filter((url) => url.endsWith('.wasm')).length, 1, `the reader's WebAssembly, once: ${reader}`);
    assert.ok(!requests().some((url) => /treatment-finder-full-/.test(url)), 'the full module was requested');
    assert.deepEqual(log.errors(), [], 'console errors');
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
  }, { clinic: { rules_url: 'clinic-rules.json' }, routes: { 'clinic-rules.json': body } });
});

test("a clinic's rules file in a partner's widget: the widget's result follows the clinic's rules", async () => {
  const body = editedRules((r) => {
    r.messages.summary_both.en = CLINIC_SUMMARY;
  });
  await withContext(async ({ context, requests }) => {
    const page = await context.newPage();
    const log = collectConsole(page);
    await page.goto(`${partner.url}/partner.html`);
    const frame = await widgetFrame(page, '#finder');
    await frame.getByRole('checkbox', { name: goalLabel('hydration'), exact: true }).waitFor();
    await completeQuiz(frame, PLAN.answers);
    assert.equal(await summary(frame), CLINIC_SUMMARY);
    assert.deepEqual(await frame.evaluate(() => window.__summaries), [CLINIC_SUMMARY], 'the default rules\u2019 result never showed');
    assert.ok(requests().some((url) => READER.test(url)), 'the rules reader was requested');
    assert.deepEqual(log.errors(), [], 'console errors');
  }, { clinic: { rules_url: 'clinic-rules.json' }, routes: { 'clinic-rules.json': body } });
});

test('a bad rules file is refused with the same console message as before, and the built-in rules answer', async () => {
  const body = editedRules((r) => {
    r.treatments.mesotherapy.interval_days.min = 30;
    r.messages.summary_both.en = 'This text must never be shown.';
  });
  await withContext(async ({ context }) => {
    const page = await context.newPage();
    const log = collectConsole(page);
    await openApp(page, appUrl(app.url));
    await completeQuiz(page, PLAN.answers);
    assert.equal(await summary(page), summaryText('both'));
    assert.deepEqual(log.errors(), [
      'treatment finder configuration: rules_url: "broken-rules.json": invalid rules: $.treatments.mesotherapy.interval_days: ' +
        'min 30 is greater than max 28; using the built-in rules',
    ]);
  }, { clinic: { rules_url: 'broken-rules.json' }, routes: { 'broken-rules.json': body } });
});

test('when the rules reader cannot be loaded, the console says so and the built-in rules answer', async () => {
  const body = editedRules((r) => {
    r.messages.summary_both.en = 'This text must never be shown.';
  });
  await withContext(async ({ context, requests }) => {
    await context.route(READER, (route) => route.fulfill({ status: 404, body: 'not found' }));
    const page = await context.newPage();
    const log = collectConsole(page);
    await openApp(page, appUrl(app.url));
    await completeQuiz(page, PLAN.answers);
    assert.equal(await summary(page), summaryText('both'));
    assert.ok(requests().some((url) => READER.test(url)), 'the rules reader was asked for');
    const errors = log.errors().filter((e) => !e.startsWith('Failed to load resource'));
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(
      errors[0],
      /^treatment finder configuration: rules_url: "clinic-rules\.json": could not be read: the rules reader did not load or run \(.+\); using the built-in rules$/,
    );
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
  }, { clinic: { rules_url: 'clinic-rules.json' }, routes: { 'clinic-rules.json': body } });
});
