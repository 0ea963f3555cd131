// The first step shown before the WebAssembly arrives (www/first.js, src/app/first_screen.rs,
// src/web/first_screen.rs).
//
// Each test holds back the WebAssembly (a route that answers only when the test says so), so
// what the page shows and does without it is observed for as long as needed, then lets it
// through and checks that the app carries on from what the visitor did.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  UI,
  appUrl,
  collectConsole,
  cspViolations,
  distAndBrowser,
  goalLabel,
  newContext,
  nextButton,
  servePages,
  waitForStep,
  watchCsp,
  widgetFrame,
} from './support.mjs';

const suite = distAndBrowser();

/**
 * Holds every .wasm request of `context` until `release()` lets it through or `fail()` makes
 * it fail as a lost connection does; `asked` resolves when the first one is made.
 */
async function holdWasm(context) {
  let settle;
  const settled = new Promise((resolve) => {
    settle = resolve;
  });
  let asked;
  const wasAsked = new Promise((resolve) => {
    asked = resolve;
  });
  await context.route('**/*.wasm', async (route) => {
    asked();
    (await settled) === 'fail' ? await route.abort('connectionreset') : await route.continue();
  });
  return { release: () => settle('continue'), fail: () => settle('fail'), asked: wasAsked };
}

/** A goal's checkbox, by its label. */
const goal = (page, id, lang = 'en') => page.getByRole('checkbox', { name: goalLabel(id, lang), exact: true });

/** Resolves when the app has taken over the first screen (it removes it). */
const takenOver = (page) => page.locator('#tf-first').waitFor({ state: 'detached' });

/**
 * Opens a French partner page (another origin) holding one widget, `#w`, with the
 * WebAssembly held (`holdWasm`), and calls `fn({ page, frame, wasm })` once the finder has
 * asked for it. `prepare(context)` runs first, e.g. to add an init script.
 */
async function withHeldWidget(fn, prepare = async () => {}) {
  const partner = await servePages({
    '/partner.html': `<!doctype html><html lang="fr"><body>
      <script src="${suite.server.url}/embed.js" async></script>
      <treatment-finder id="w"></treatment-finder></body></html>`,
  });
  const context = await newContext(suite.browser);
  try {
    await prepare(context);
    const wasm = await holdWasm(context);
    const page = await context.newPage();
    await page.goto(`${partner.url}/partner.html`);
    await wasm.asked;
    await fn({ page, frame: await widgetFrame(page, '#w'), wasm });
  } finally {
    await context.close();
    await partner.close();
  }
}

/**
 * Resolves to true when `#w` says it is ready. Call it while the WebAssembly is held: the
 * app cannot be ready before, so listening then misses nothing.
 */
const readyEvent = (page) =>
  page.evaluate(
    () => new Promise((resolve) => document.getElementById('w').addEventListener('treatment-finder:ready', () => resolve(true))),
  );

/** The height of the iframe's document, and a wait until the partner page gave the iframe it. */
const contentHeight = (frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
const iframeTakes = (page, height) =>
  page.waitForFunction(
    (height) => document.getElementById('w').shadowRoot.querySelector('iframe').getBoundingClientRect().height === height,
    height,
  );

test('before the WebAssembly arrives the first step can be answered, and the app carries on from it', async () => {
  const context = await newContext(suite.browser);
  try {
    await watchCsp(context);
    const wasm = await holdWasm(context);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const log = collectConsole(page);
    await page.goto(appUrl(suite.server.url));
    await wasm.asked;

    // The first step, drawn by the app's own components, while the WebAssembly is held.
    await page.locator('#tf-first').waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), UI.en.title);
    await waitForStep(page, 1);
    assert.equal(await page.locator('input[name=goals]').count(), 9, 'every goal is offered');
    assert.equal(await page.locator('.app').count(), 1, 'one copy of the finder on the page');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const accent = () => page.locator('.app').evaluate((el) => [el.style.getPropertyValue('--accent'), el.style.getPropertyValue('--accent-text')]);
    const firstColours = await accent();

    await goal(page, 'hydration').check();
    await goal(page, 'scars').check();
    // The language switch works too, keeping the boxes ticked.
    await page.getByRole('button', { name: UI.en.switchTo }).click();
    await waitForStep(page, 1, 'fr');
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    assert.equal(await page.title(), UI.fr.title);
    assert.ok(await goal(page, 'hydration', 'fr').isChecked());
    assert.ok(await goal(page, 'scars', 'fr').isChecked());
    await goal(page, 'pores', 'fr').check();
    await page.getByRole('checkbox', { name: UI.fr.remember }).check();
    // "Next" is noted (the form is not sent: the page's policy has form-action 'none').
    await nextButton(page, 'fr').click();
    assert.equal(await page.locator('#tf-first[data-next]').count(), 1);
    assert.equal(await page.locator('.app').count(), 1, 'the app has not started yet');

    wasm.release();
    await takenOver(page);
    // The app pressed "Next" again, in the language the visitor chose.
    await waitForStep(page, 2, 'fr');
    assert.equal(await page.locator('.app').count(), 1);
    // The clinic's colours were already those the app sets (clinic.json).
    assert.deepEqual(firstColours, await accent());
    assert.match(firstColours[0], /^#[0-9a-f]{6}$/);
    await page.getByRole('button', { name: UI.fr.back }).click();
    await waitForStep(page, 1, 'fr');
    const ticked = await page.locator('input[name=goals]:checked').evaluateAll((inputs) => inputs.map((i) => i.value));
    assert.deepEqual(ticked, ['hydration', 'scars', 'pores']);
    assert.ok(await page.getByRole('checkbox', { name: UI.fr.remember }).isChecked());

    assert.deepEqual(errors, [], 'uncaught errors in the page');
    assert.deepEqual(log.errors(), [], 'console errors');
    assert.deepEqual(await cspViolations(page), [], 'Content-Security-Policy violations');
  } finally {
    await context.close();
  }
});

test('keyboard focus stays where it was when the app takes over, and the app then answers the keys', async () => {
  const context = await newContext(suite.browser);
  try {
    const wasm = await holdWasm(context);
    const page = await context.newPage();
    await page.goto(appUrl(suite.server.url));
    await wasm.asked;
    await goal(page, 'texture').focus();
    await page.keyboard.press('Space');
    assert.ok(await goal(page, 'texture').isChecked());

    wasm.release();
    await takenOver(page);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'goal-texture');
    assert.ok(await goal(page, 'texture').isChecked());
    // The app's own behaviour from here: untick, then "Next" with no goal is refused.
    await page.keyboard.press('Space');
    assert.equal(await goal(page, 'texture').isChecked(), false);
    await nextButton(page).click();
    await page.locator('#goals-error').getByText(/.+/).waitFor();
    await waitForStep(page, 1);
  } finally {
    await context.close();
  }
});

test('the first step is in the language the app then uses', async () => {
  const cases = [
    { locale: 'en-CA', query: {}, lang: 'en' },
    { locale: 'fr-CA', query: {}, lang: 'fr' },
    { locale: 'en-CA', query: { lang: 'fr' }, lang: 'fr' },
    { locale: 'fr-CA', query: { lang: 'en' }, lang: 'en' },
    // An unknown language is refused and the browser's is used, as the app does.
    { locale: 'fr-CA', query: { lang: 'de' }, lang: 'fr' },
  ];
  for (const { locale, query, lang } of cases) {
    const context = await newContext(suite.browser, { locale });
    try {
      const wasm = await holdWasm(context);
      const page = await context.newPage();
      await page.goto(appUrl(suite.server.url, query));
      await wasm.asked;
      await page.locator('#tf-first').waitFor();
      const what = `locale ${locale}, query ${JSON.stringify(query)}`;
      assert.equal(await page.locator('#tf-first .app').getAttribute('lang'), lang, `first screen, ${what}`);
      await waitForStep(page, 1, lang);
      wasm.release();
      await takenOver(page);
      assert.equal(await page.locator('.app').getAttribute('lang'), lang, `the app, ${what}`);
      await waitForStep(page, 1, lang);
    } finally {
      await context.close();
    }
  }
});

test('a shared link or saved progress shows no first step: the app opens them at their own step', async () => {
  const context = await newContext(suite.browser);
  try {
    // Saved progress, made by the app itself: remember on, two goals, on to step 2.
    const setup = await context.newPage();
    await setup.goto(appUrl(suite.server.url));
    await takenOver(setup);
    await setup.getByRole('checkbox', { name: UI.en.remember }).check();
    await goal(setup, 'dullness').check();
    await nextButton(setup).click();
    await waitForStep(setup, 2);
    await setup.close();

    const wasm = await holdWasm(context);
    const page = await context.newPage();
    await page.goto(appUrl(suite.server.url));
    await wasm.asked;
    await page.waitForLoadState('domcontentloaded');
    assert.equal(await page.locator('#tf-first, .app').count(), 0, 'nothing drawn before the app, with saved progress');
    wasm.release();
    await waitForStep(page, 2);
    await page.close();

    // A shared link (no saved progress in this new context).
    const other = await newContext(suite.browser);
    try {
      const held = await holdWasm(other);
      const linked = await other.newPage();
      await linked.goto(appUrl(suite.server.url, {}, 'v=1&goals=hydration&age=36&areas=face&downtime=none'));
      await held.asked;
      await linked.waitForLoadState('domcontentloaded');
      assert.equal(await linked.locator('#tf-first, .app').count(), 0, 'nothing drawn before the app, with a link');
      held.release();
      await waitForStep(linked, 3);
    } finally {
      await other.close();
    }
  } finally {
    await context.close();
  }
});

test('in a partner widget the first step shows in the iframe before the WebAssembly arrives', async () => {
  await withHeldWidget(async ({ page, frame, wasm }) => {
    const ready = readyEvent(page);
    await frame.locator('#tf-first').waitFor();
    await waitForStep(frame, 1, 'fr');
    // The iframe takes the first step's height (it starts at 600 px): no scroll bar of its own.
    const height = await contentHeight(frame);
    assert.ok(height > 600, `the first step is taller than the iframe's first height (${height} px)`);
    await iframeTakes(page, height);
    await goal(frame, 'fine_lines', 'fr').check();

    wasm.release();
    assert.equal(await ready, true);
    await takenOver(frame);
    assert.ok(await goal(frame, 'fine_lines', 'fr').isChecked());
    await nextButton(frame, 'fr').click();
    await waitForStep(frame, 2, 'fr');
  });
});

// The app's words for this (src/app/i18n.rs Key::CannotStart), as the page's templates hold them.
const CANNOT_START = {
  en: /^The treatment finder could not start in this browser\. Nothing you entered was sent anywhere\./,
  fr: /^L’outil Trouver mon traitement n’a pas pu démarrer dans ce navigateur\. Rien de ce que vous avez saisi n’a été transmis\./,
};

test('if the app cannot start, the visitor is told so in their language beside "Next", and keeps what they ticked', async () => {
  const context = await newContext(suite.browser);
  try {
    const wasm = await holdWasm(context);
    const page = await context.newPage();
    await page.goto(appUrl(suite.server.url, { lang: 'fr' }));
    await wasm.asked;
    await goal(page, 'scars', 'fr').check();
    assert.equal(await page.getByRole('alert').count(), 0, 'no message while the app is on its way');

    wasm.fail();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), CANNOT_START.fr);
    // Beside "Next", which can no longer go anywhere; what was ticked stays.
    assert.equal(await page.locator('.step-nav').evaluate((nav) => nav.previousElementSibling.className), 'cannot-start');
    assert.ok(await nextButton(page, 'fr').isDisabled());
    assert.ok(await goal(page, 'scars', 'fr').isChecked());
    // The language switch still works, and the message follows it.
    await page.getByRole('button', { name: UI.fr.switchTo }).click();
    await waitForStep(page, 1, 'en');
    assert.match(await page.getByRole('alert').textContent(), CANNOT_START.en);
    assert.equal(await page.getByRole('alert').count(), 1);
    assert.ok(await nextButton(page).isDisabled());
    assert.ok(await goal(page, 'scars').isChecked());
  } finally {
    await context.close();
  }
});

test('a browser without WebAssembly is told so; a shared link that cannot open is told too', async () => {
  // Such as Safari in Lockdown Mode, which turns WebAssembly off.
  const context = await newContext(suite.browser);
  try {
    await context.addInitScript(() => {
      delete globalThis.WebAssembly;
      document.addEventListener('tf-start-failed', () => {
        globalThis.startFailed = true;
      });
    });
    const page = await context.newPage();
    await page.goto(appUrl(suite.server.url));
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').textContent(), CANNOT_START.en);
    await waitForStep(page, 1);
    assert.ok(await nextButton(page).isDisabled());
    // The start script fails too; the message is still shown once.
    await page.waitForFunction(() => globalThis.startFailed === true);
    assert.equal(await page.getByRole('alert').count(), 1);
  } finally {
    await context.close();
  }

  // A shared link shows no first step (the app opens it at its own step): the message
  // stands alone.
  const linked = await newContext(suite.browser, { locale: 'fr-CA' });
  try {
    const wasm = await holdWasm(linked);
    const page = await linked.newPage();
    await page.goto(appUrl(suite.server.url, {}, 'v=1&goals=hydration&age=36&areas=face&downtime=none'));
    await wasm.asked;
    wasm.fail();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').textContent(), CANNOT_START.fr);
    assert.equal(await page.locator('#tf-first, .app').count(), 0);
  } finally {
    await linked.close();
  }
});

test("a widget whose finder cannot open the visitor's saved answers shows the message alone, at its height", async () => {
  // Progress saved in the finder's origin earlier: no first step is shown, as the app was
  // to open it at its own step (src/draft.rs STORAGE_KEY; first.js only asks if it is there).
  const savedProgress = (context) =>
    context.addInitScript((origin) => {
      if (location.origin === origin) localStorage.setItem('treatment-finder:v1', '{}');
    }, new URL(suite.server.url).origin);
  await withHeldWidget(async ({ page, frame, wasm }) => {
    wasm.fail();
    const alert = frame.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), CANNOT_START.fr);
    assert.equal(await frame.locator('#tf-first, .app').count(), 0);
    // The iframe leaves its first height (600 px) for the message's: no empty space below it.
    const height = await contentHeight(frame);
    assert.ok(height < 300, `the message alone is short (${height} px)`);
    await iframeTakes(page, height);
  }, savedProgress);
});

test("in a widget, a lang change from the partner page before the finder starts keeps the visitor's ticks", async () => {
  await withHeldWidget(async ({ page, frame, wasm }) => {
    await waitForStep(frame, 1, 'fr');
    await goal(frame, 'scars', 'fr').check();
    const ready = readyEvent(page);
    await page.locator('#w').evaluate((el) => el.setAttribute('lang', 'en'));
    // The same iframe: nothing the visitor did is lost while the finder is on its way.
    assert.ok(!frame.isDetached(), 'the iframe was kept');
    assert.ok(await goal(frame, 'scars', 'fr').isChecked());

    wasm.release();
    assert.equal(await ready, true);
    await takenOver(frame);
    // Once started, the finder takes the new language, with the tick.
    await waitForStep(frame, 1, 'en');
    assert.ok(await goal(frame, 'scars').isChecked());
  });
});

test('the first step reports its height only to an exact parent origin, never to "*"', async () => {
  const pages = {};
  const partner = await servePages(pages);
  // The partner page's own origin, as embed.js passes it, and a wildcard.
  pages['/partner.html'] = `<!doctype html><html><body>
    <iframe id="star" src="${suite.server.url}/?embed=tfstar&parent_origin=*"></iframe>
    <iframe id="exact" src="${suite.server.url}/?embed=tfexact&parent_origin=${encodeURIComponent(partner.url)}"></iframe></body></html>`;
  const context = await newContext(suite.browser);
  try {
    const wasm = await holdWasm(context);
    await context.addInitScript(() => {
      if (window !== window.top) return;
      window.__heard = [];
      window.addEventListener('message', (e) => window.__heard.push(e.data.widget));
    });
    const page = await context.newPage();
    await page.goto(`${partner.url}/partner.html`);
    for (const id of ['#star', '#exact']) await waitForStep(page.frameLocator(id), 1);
    // Both first steps are drawn while the WebAssembly is held; only first.js could speak.
    await page.waitForFunction(() => window.__heard.includes('tfexact'));
    assert.deepEqual([...new Set(await page.evaluate(() => window.__heard))], ['tfexact']);
    wasm.release();
  } finally {
    await context.close();
    await partner.close();
  }
});
