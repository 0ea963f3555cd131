// The partner widget (www/embed.js + src/web/embed.rs), the app's Content-Security-Policy and
// the JavaScript API (www/finder-api.js).
//
// The widgets run on a partner's page served from ANOTHER origin than the finder (two
// loopback ports): dist/ on one, with the app's CSP header; the partner's page on the other,
// with a strict CSP of its own (no 'wasm-unsafe-eval') and a deliberately hostile stylesheet.
// The JavaScript API runs on a page of the finder's own origin (dist/api-demo.html).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import {
  CASES,
  CAUTION_IDS,
  DIST,
  RECENT_IDS,
  RULES,
  SCREENING_IDS,
  TODAY,
  UI,
  addDays,
  answerAboutYou,
  answerGoals,
  answerHealth,
  answerSteps,
  appCsp,
  appUrl,
  collectConsole,
  completeQuiz,
  copyLink,
  cspViolations,
  engineCase,
  goalLabel,
  launchBrowser,
  longDate,
  newContext,
  nextButton,
  openApp,
  recordRequests,
  screeningLabel,
  serveDist,
  servePages,
  ruleText,
  squash,
  summary,
  summaryText,
  waitForStep,
  watchCsp,
  widgetFrame,
  waitForResult,
} from './support.mjs';

let app;
let partner;
let browser;

/** A partner stylesheet that resets, hides and inflates everything it can reach. */
const HOSTILE_CSS = `
  * { all: unset; }
  head { display: none; }
  html { font-size: 48px; font-family: "Comic Sans MS", cursive; color: #c0f; background: #ff0; }
  body { display: block; margin: 1rem; line-height: 3; letter-spacing: 0.2em; text-transform: uppercase; }
  h1, p, div { display: block; margin: 0.5rem 0; }
  button { display: none !important; }
  iframe { display: none !important; width: 1px !important; height: 1px !important; }
  #host-box * { font-size: 90px; outline: 3px dashed red; pointer-events: none; visibility: hidden; }
`;

const WIDGETS = `
  <treatment-finder id="finder-fr" lang="fr" clinic-name="Clinique Éclat" accent="#7a4b94"
    booking-url="https://booking.example.com/rdv?partner=7"></treatment-finder>
  <treatment-finder id="finder-en" lang="en" booking-url="https://booking.example.com/book"></treatment-finder>`;

/** A partner's page; `widgets` is the markup inside its box (none: the page without embed.js). */
function partnerPage(widgets) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Spa Belle Peau</title>
    <style>${HOSTILE_CSS}</style>
    ${widgets ? `<script src="${app.url}/embed.js" async></script>` : ''}
  </head>
  <body>
    <h1 id="host-title">Spa Belle Peau</h1>
    <p id="host-text">Find your treatment with our partner clinic:</p>
    <button id="host-button" type="button">Partner button</button>
    <div id="host-box">${widgets ?? ''}</div>
    <p id="host-footer">Thank you for visiting.</p>
  </body>
</html>`;
}

before(async () => {
  app = await serveDist();
  partner = await servePages(
    {
      '/partner.html': partnerPage(WIDGETS),
      '/plain.html': partnerPage(null),
      '/bad.html': partnerPage(
        '<treatment-finder id="finder-bad" lang="de" booking-url="javascript:alert(1)" accent="red"></treatment-finder>',
      ),
      // A page isolated from other origins (as pages using SharedArrayBuffer must be): it
      // loads only what the finder's server allows with Cross-Origin-Resource-Policy, and
      // frames only a finder that sends Cross-Origin-Embedder-Policy itself.
      '/isolated.html': {
        html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Isolated</title>
          <script src="${app.url}/embed.js" async></script></head>
          <body><treatment-finder id="finder-isolated" lang="en"></treatment-finder></body></html>`,
        csp: `default-src 'none'; script-src ${app.url}; frame-src ${app.url}`,
        headers: { 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Opener-Policy': 'same-origin' },
      },
      // The widget beside a sidebar in a flex row, as in many page layouts.
      '/flex.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Salon</title>
          <script src="${app.url}/embed.js" async></script></head>
          <body style="margin: 0"><div id="row" style="display: flex; gap: 20px; width: 900px">
            <aside style="width: 200px">Our services</aside>
            <treatment-finder id="finder-row" lang="en"></treatment-finder>
          </div></body></html>`,
      // No style allowed at all, and no lang attribute on the element.
      '/no-style.html': {
        html: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Partenaire</title>
          <script src="${app.url}/embed.js" async></script></head>
          <body><p>Trouvez votre traitement :</p><treatment-finder id="finder-plain"></treatment-finder></body></html>`,
        csp: `default-src 'none'; script-src ${app.url}; frame-src ${app.url}`,
      },
    },
    { csp: `default-src 'none'; script-src ${app.url}; frame-src ${app.url}; style-src 'unsafe-inline'` },
  );
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await partner?.close();
  await app?.close();
});

const PLAN = engineCase('issue example');

/**
 * In the top page only: records the messages it receives, the widgets' DOM events (caught on
 * the document, so they bubble), and the `message` listeners added to and removed from the
 * window (window.__widgets).
 */
function recordWidgets() {
  if (window !== window.top) return;
  const record = { messages: [], events: [], listeners: new Set() };
  window.__widgets = record;
  window.addEventListener('message', (e) => record.messages.push({ origin: e.origin, data: JSON.stringify(e.data) }));
  for (const type of ['ready', 'result', 'book']) {
    document.addEventListener(`treatment-finder:${type}`, (e) => {
      const keys = e.detail === null ? null : Object.keys(e.detail);
      record.events.push({ type, id: e.target.id, detail: e.detail, keys, bubbles: e.bubbles, composed: e.composed });
    });
  }
  const add = window.addEventListener;
  const remove = window.removeEventListener;
  window.addEventListener = function (type, listener, options) {
    if (type === 'message') record.listeners.add(listener);
    return add.call(this, type, listener, options);
  };
  window.removeEventListener = function (type, listener, options) {
    if (type === 'message') record.listeners.delete(listener);
    return remove.call(this, type, listener, options);
  };
}

/** What recordWidgets saw so far. */
function widgetLog(page) {
  return page.evaluate(() => ({ ...window.__widgets, listeners: window.__widgets.listeners.size }));
}

/** Waits until each widget (by element id) has said it is ready. */
function waitForReady(page, ids) {
  return page.waitForFunction(
    (ids) => ids.every((id) => window.__widgets.events.some((e) => e.type === 'ready' && e.id === id)),
    ids,
  );
}

/**
 * Opens a page of the partner's site in a fresh context (with `contextOptions`, e.g. a
 * viewport); `fn({ page, context, log, requests })`.
 */
async function withPartner(path, fn, contextOptions = {}) {
  const context = await newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'], ...contextOptions });
  try {
    await watchCsp(context);
    await context.addInitScript(recordWidgets);
    await context.addInitScript(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard?.writeText.bind(clipboard);
      if (write) clipboard.writeText = (text) => write(text).then(() => void (window.__copied = text));
    });
    const requests = await recordRequests(context);
    const page = await context.newPage();
    const log = collectConsole(page);
    await page.goto(`${partner.url}${path}`);
    await fn({ page, context, log, requests });
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
  } finally {
    await context.close();
  }
}

/** The colour `[r, g, b]` of the page at (x, y) in page coordinates, from a 1-pixel screenshot. */
async function pixel(page, x, y) {
  const png = await page.screenshot({ fullPage: true, clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } });
  // A PNG is chunks after an 8-byte signature; for one pixel every filter leaves the bytes as they are.
  const data = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') data.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return [...inflateSync(Buffer.concat(data)).subarray(1, 4)];
}

/** The heights the host page gave each widget's iframe, by element id. */
function iframeHeights(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('treatment-finder')].map((el) => [el.id, el.shadowRoot.querySelector('iframe')?.style.height]),
    ),
  );
}

/**
 * Waits until the iframe's document fits it exactly (the iframe is as tall as its content and
 * does not scroll) and returns that height. Polls on a timer: a cross-origin frame off screen
 * gets no animation frames.
 */
async function fittedHeight(frame) {
  const handle = await frame.waitForFunction(
    () => {
      const html = document.documentElement;
      const height = Math.ceil(html.getBoundingClientRect().height);
      return height === innerHeight && html.scrollHeight <= innerHeight && innerHeight;
    },
    null,
    { polling: 50 },
  );
  return handle.jsonValue();
}

test('on a hostile partner page with its own strict CSP (another origin), the French widget completes the quiz in its iframe; no CSP violation or console error anywhere', async () => {
  await withPartner('/partner.html', async ({ page, context, log }) => {
    await waitForReady(page, ['finder-fr', 'finder-en']);
    const fr = page.frameLocator('#finder-fr iframe');
    await fr.getByRole('heading', { level: 1, name: UI.fr.title }).waitFor();
    await fr.getByText('Clinique Éclat', { exact: true }).waitFor();
    await completeQuiz(fr, PLAN.answers, 'fr');
    assert.equal(await summary(fr), summaryText('both', 'fr'));
    const frame = await widgetFrame(page, '#finder-fr');
    const accent = await frame.evaluate(() => getComputedStyle(document.querySelector('.app')).getPropertyValue('--accent').trim());
    assert.equal(accent, '#7a4b94', 'the accent attribute colours the finder');

    // Book opens the clinic's booking page in a new tab, with the treatment and language only.
    const booking = context.waitForEvent('request', (r) => r.url().startsWith('https://booking.example.com/'));
    await fr.getByRole('link', { name: UI.fr.book }).click();
    const url = new URL((await booking).url());
    assert.deepEqual([...url.searchParams].sort(), [['lang', 'fr'], ['partner', '7'], ['treatment', 'both']]);

    await page.waitForFunction(() => window.__widgets.events.some((e) => e.type === 'book'));
    const events = (await widgetLog(page)).events.filter((e) => e.id === 'finder-fr');
    assert.deepEqual(
      events.map((e) => [e.type, e.detail]),
      [['ready', null], ['result', { treatment: 'both' }], ['book', { treatment: 'both' }]],
    );
    for (const e of events) {
      assert.ok(e.bubbles && e.composed, `${e.type} bubbles out of the element`);
      if (e.detail) assert.deepEqual(e.keys, ['treatment'], `${e.type}'s detail holds the treatment only`);
    }
    assert.deepEqual(await cspViolations(page), [], 'CSP violations in the partner page or the widgets');
    assert.deepEqual(log.errors(), [], 'console errors');
  });
});

test("the partner page's own elements keep their computed styles, and nothing is added to its head", async () => {
  const props = [
    'display', 'color', 'background-color', 'font-size', 'font-family', 'line-height', 'letter-spacing',
    'text-transform', 'margin-top', 'margin-left', 'padding-top', 'visibility', 'outline-style', 'opacity',
    'position', 'pointer-events', 'border-top-width',
  ];
  const styles = (page) =>
    page.evaluate((props) => {
      const out = {};
      for (const sel of ['html', 'body', '#host-title', '#host-text', '#host-button', '#host-box', '#host-footer']) {
        const cs = getComputedStyle(document.querySelector(sel));
        out[sel] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      }
      out.styleSheets = document.styleSheets.length;
      out.adoptedStyleSheets = document.adoptedStyleSheets.length;
      out.htmlAttributes = [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`);
      return out;
    }, props);

  let plain;
  await withPartner('/plain.html', async ({ page }) => {
    await page.locator('#host-footer').waitFor({ state: 'attached' });
    plain = await styles(page);
  });
  await withPartner('/partner.html', async ({ page }) => {
    await waitForReady(page, ['finder-fr', 'finder-en']);
    const en = page.frameLocator('#finder-en iframe');
    await answerGoals(en, { goals: ['hydration'] });
    await nextButton(en).click();
    await waitForStep(en, 2);
    assert.deepEqual(await styles(page), plain, 'computed styles with the widgets, against the same page without them');
    const head = await page.evaluate(() => [...document.head.children].map((e) => e.tagName.toLowerCase()));
    assert.deepEqual(head, ['meta', 'title', 'style', 'script'], "the page's head");
  });
});

test('each iframe takes the height of its content as the steps change, and never scrolls inside', async () => {
  await withPartner('/partner.html', async ({ page }) => {
    await waitForReady(page, ['finder-fr', 'finder-en']);
    const en = page.frameLocator('#finder-en iframe');
    const frame = await widgetFrame(page, '#finder-en');
    const heights = [await fittedHeight(frame)];
    await answerGoals(en, { goals: ['hydration'] });
    await nextButton(en).click();
    await waitForStep(en, 2);
    heights.push(await fittedHeight(frame));
    await answerAboutYou(en, { age: 40 });
    await nextButton(en).click();
    await waitForStep(en, 3);
    heights.push(await fittedHeight(frame));
    await en.getByRole('button', { name: UI.en.back, exact: true }).click();
    await waitForStep(en, 2);
    await en.getByRole('button', { name: UI.en.back, exact: true }).click();
    await waitForStep(en, 1);
    heights.push(await fittedHeight(frame));

    const steps = heights.slice(1).map((h, i) => Math.sign(h - heights[i]));
    assert.ok(steps.includes(1) && steps.includes(-1), `the iframe grew and shrank: ${heights.join(' → ')} px`);
    assert.equal(heights[3], heights[0], 'back on step 1, the same height as at first');
    const host = await iframeHeights(page);
    assert.equal(host['finder-en'], `${heights[3]}px`, "the partner page's iframe height");
    // The French widget, further down the page and never scrolled to, still got its height.
    assert.equal(host['finder-fr'], `${await fittedHeight(await widgetFrame(page, '#finder-fr'))}px`);
  });
});

test('a cross-origin isolated partner page (Cross-Origin-Embedder-Policy: require-corp) loads the widget, which completes the quiz', async () => {
  await withPartner('/isolated.html', async ({ page, log }) => {
    assert.equal(await page.evaluate(() => crossOriginIsolated), true, 'the partner page is isolated');
    await waitForReady(page, ['finder-isolated']);
    const frame = page.frameLocator('#finder-isolated iframe');
    await completeQuiz(frame, PLAN.answers);
    assert.equal(await summary(frame), summaryText('both'));
    await page.waitForFunction(() => window.__widgets.events.some((e) => e.type === 'result'));
    assert.deepEqual(await cspViolations(page), [], 'CSP violations');
    assert.deepEqual(log.errors(), [], 'console errors');
  });
});

test('in a flex row beside a sidebar, the widget takes the room left (not the 300 px of a bare iframe)', async () => {
  await withPartner('/flex.html', async ({ page }) => {
    await waitForReady(page, ['finder-row']);
    const width = await page.evaluate(() => document.querySelector('#finder-row').shadowRoot.querySelector('iframe').getBoundingClientRect().width);
    assert.equal(width, 900 - 200 - 20, "the iframe's width");
    const frame = await widgetFrame(page, '#finder-row');
    await fittedHeight(frame);
  });
});

/**
 * Shows each of `results` (answers) in turn in the `lang` widget of the partner page, on a
 * phone at `deviceScaleFactor`, and checks what the partner page can see: the iframe's height
 * fits its content, is the same for every result, and is the one height posted to the page
 * after each "See my suggestion" (every resize since, not only the last). `inspect({ answers,
 * page, finder, frame, height, index })` checks each result itself, after its height is taken
 * (a full-page screenshot there resizes the page for a moment).
 */
async function assertEvenHeights(lang, deviceScaleFactor, results, what, inspect, { unfold = false } = {}) {
  const options = { viewport: { width: 360, height: 740 }, deviceScaleFactor };
  await withPartner('/partner.html', async ({ page }) => {
    // On a phone the page's huge fonts put the English widget more than a screen below the
    // fold: it loads when the visitor scrolls to it.
    await page.locator(`#finder-${lang}`).scrollIntoViewIfNeeded();
    await waitForReady(page, [`finder-${lang}`]);
    const finder = page.frameLocator(`#finder-${lang} iframe`);
    const frame = await widgetFrame(page, `#finder-${lang}`);
    const id = new URL(frame.url()).searchParams.get('embed');
    const heights = [];
    const unfolded = [];
    const posted = [];
    for (const [index, answers] of results.entries()) {
      await answerSteps(finder, answers, lang);
      const before = (await widgetLog(page)).messages.length;
      await finder.getByRole('button', { name: UI[lang].seeResult, exact: true }).click();
      await waitForResult(finder);
      const height = await fittedHeight(frame);
      assert.equal((await iframeHeights(page))[`finder-${lang}`], `${height}px`, "the partner page's iframe height");
      heights.push(height);
      const resizes = (await widgetLog(page)).messages.slice(before).map((m) => JSON.parse(m.data));
      posted.push(resizes.filter((m) => m.widget === id && m.type === 'resize').map((m) => m.height));
      await inspect({ answers, page, finder, frame, height, index });
      if (unfold) {
        // On a phone the result's detail sections start folded; the visitor opens each one.
        const folds = finder.locator('button.fold-button');
        const count = await folds.count();
        assert.ok(count >= 2, `detail sections to open: ${count}`);
        for (let i = 0; i < count; i++) {
          assert.equal(await folds.nth(i).getAttribute('aria-expanded'), 'false', 'folded on a phone');
          await folds.nth(i).click();
          await finder.locator('button.fold-button').nth(i).and(finder.locator('[aria-expanded="true"]')).waitFor();
        }
        unfolded.push(await fittedHeight(frame));
      }
      await finder.getByRole('button', { name: UI[lang].startOver, exact: true }).click();
      await waitForStep(finder, 1, lang);
    }
    const where = `${lang} at ${deviceScaleFactor}x`;
    assert.deepEqual(heights, heights.map(() => heights[0]), `iframe heights on the ${heights.length} ${what}, ${where}: ${heights.join(', ')} px`);
    assert.deepEqual(posted, posted.map(() => [heights[0]]), `the heights posted to the page on each of the ${what}, ${where}`);
    assert.deepEqual(unfolded, unfolded.map(() => unfolded[0]), `iframe heights with every section opened, ${where}: ${unfolded.join(', ')} px`);
    if (unfold) assert.ok(unfolded[0] > heights[0], `opening the sections makes the result taller: ${heights[0]} → ${unfolded[0]} px`);
  }, options);
}

test("every consult result is as tall as the longest one, so the partner page cannot tell from the iframe's height why a practitioner comes first", async () => {
  // Under the minimum age, one health item, two, every item at 17, and a hard stop with every
  // waiting period and soft warning (a consult lists none of them), on a phone: in English at
  // 1 device pixel per CSS pixel, in French at 2.625 (a common Android phone).
  const consults = [
    { goals: ['hydration'], age: 16, screening: [] },
    { goals: ['hydration'], age: 40, screening: ['pregnant_or_breastfeeding'] },
    { goals: ['texture', 'hydration'], age: 40, screening: ['blood_thinners', 'keloid_scarring'] },
    { goals: ['hydration'], age: 17, screening: SCREENING_IDS },
    { goals: ['event', 'scars'], event_date: '2026-11-25', age: 40, screening: ['skin_condition_flare'], recent: RECENT_IDS, cautions: CAUTION_IDS },
  ];
  for (const [lang, deviceScaleFactor] of [['en', 1], ['fr', 2.625]]) {
    const reasonText = (item) => ruleText(RULES.screening.find((s) => s.item === item).reason.text, lang);
    await assertEvenHeights(lang, deviceScaleFactor, consults, 'consults', async ({ answers, page, finder, frame, height, index }) => {
      assert.equal(await summary(finder), summaryText('consult', lang));
      // The visitor sees their own reasons, and only those.
      const expected = SCREENING_IDS.filter((s) => answers.screening.includes(s)).map((s) => `screening.${s}`);
      if (answers.age < RULES.settings.min_age.value) expected.push('age.under_min');
      const shown = await frame.evaluate(() => [...document.querySelectorAll('[data-rule]')].map((li) => li.dataset.rule));
      assert.deepEqual(shown, expected, 'the reasons listed');
      const text = squash(await frame.evaluate(() => document.querySelector('.result').innerText));
      for (const item of SCREENING_IDS) {
        assert.equal(text.includes(reasonText(item)), answers.screening.includes(item), `the reason for ${item} on screen`);
      }
      if (index === 0 && lang === 'en') {
        // The shortest consult has the most padding: it shows the partner page's own
        // background (the hostile page's yellow), not a block of the finder's colour.
        const box = await page.locator(`#finder-${lang} iframe`).boundingBox(); // in the viewport
        const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
        box.x += scroll.x;
        box.y += scroll.y;
        const content = await frame.evaluate(() => document.querySelector('.app').getBoundingClientRect().bottom);
        assert.ok(height - content > 200, `padding under the shortest consult: ${height - content} px`);
        assert.deepEqual(await pixel(page, box.x + box.width / 2, box.y + content + 100), [255, 255, 0], 'under the result');
        assert.notDeepEqual(await pixel(page, box.x + box.width / 2, box.y + content - 5), [255, 255, 0], 'the result itself');
      }
    });
  }
});


test("a plan result is as tall whatever waiting periods and soft warnings were ticked, so the partner page cannot tell them from the iframe's height", async () => {
  // The same goals, age and event (27 days ahead: one session fits before it without a wait,
  // none with one, so the summary, the warnings and the timeline change), with no health
  // item, one waiting period, every wait and soft warning, and one soft warning only; on a
  // phone, in English at 1 device pixel per CSS pixel and in French at 2.625.
  const base = { goals: ['event'], event_date: addDays(TODAY, 27), age: 36, screening: [] };
  const plans = [
    base,
    { ...base, recent: ['injectables_2_weeks'] },
    { ...base, recent: RECENT_IDS, cautions: CAUTION_IDS },
    { ...base, cautions: ['cold_sores'] },
  ];
  for (const [lang, deviceScaleFactor] of [['en', 1], ['fr', 2.625]]) {
    const tooClose = ruleText(RULES.messages.summary_event_too_close, lang);
    const contents = [];
    const sizers = [];
    await assertEvenHeights(lang, deviceScaleFactor, plans, 'plans', async ({ answers, finder, frame, height }) => {
      // The visitor's own result: their waits and soft warnings, and with a wait the event too close.
      const own = await frame.evaluate(() => ({
        treatment: document.querySelector('#result-summary').dataset.treatment,
        recent: [...document.querySelectorAll('[data-rule^="recent."]')].map((e) => e.dataset.rule),
        cautions: [...document.querySelectorAll('[data-code^="caution."]')].map((e) => e.dataset.code),
        timeline: document.querySelectorAll('#timeline > li').length,
        content: document.querySelector('.app').getBoundingClientRect().height,
      }));
      assert.equal(own.treatment, 'mesotherapy');
      assert.deepEqual(own.recent, (answers.recent ?? []).map((r) => `recent.${r}`), 'the waits listed');
      assert.deepEqual(own.cautions, (answers.cautions ?? []).map((c) => `caution.${c}`), 'the soft warnings listed');
      assert.equal(await summary(finder) === tooClose, (answers.recent ?? []).length > 0, 'the summary says the event is too close with a wait');
      assert.ok(height >= Math.ceil(own.content), `the result fits: ${own.content} px in ${height} px`);
      contents.push([own.content, own.timeline]);
      // The copies that size the page are invisible and out of reach: hidden from assistive
      // technology, nothing to focus, no id or data attribute, not shown in print.
      sizers.push(await frame.evaluate(() => {
        const sizer = document.querySelector('.even-plan [data-even-sizer]');
        return sizer && {
          hidden: sizer.getAttribute('aria-hidden'),
          visibility: getComputedStyle(sizer).visibility,
          copies: sizer.children.length,
          marked: sizer.querySelectorAll('[id], [data-rule], [data-code], [data-fact], [data-treatment], [tabindex], [aria-label], [aria-labelledby], a, button, input').length,
        };
      }));
    }, { unfold: true });
    const what = `${lang} at ${deviceScaleFactor}x`;
    // The results themselves differ (so the padding is what evens them out).
    assert.notEqual(contents[0][1], contents[1][1], `the timeline without and with a wait, ${what}`);
    assert.ok(new Set(contents.map(([content]) => content)).size > 2, `the results' own heights, ${what}: ${contents.map(([c]) => c).join(', ')}`);
    const sizer = { hidden: 'true', visibility: 'hidden', copies: 2 ** RECENT_IDS.length, marked: 0 };
    assert.deepEqual(sizers, sizers.map(() => sizer), `the invisible copies on each plan, ${what}`);
  }
});


test("messages from another origin, another frame, or off the schema are ignored: no event, no resize", async () => {
  await withPartner('/partner.html', async ({ page }) => {
    await waitForReady(page, ['finder-fr', 'finder-en']);
    const fr = await widgetFrame(page, '#finder-fr');
    const en = await widgetFrame(page, '#finder-en');
    const idFr = new URL(fr.url()).searchParams.get('embed');
    const idEn = new URL(en.url()).searchParams.get('embed');
    const heightsBefore = await iframeHeights(page);
    const eventsBefore = (await widgetLog(page)).events.length;
    const head = { protocol: 'treatment-finder', version: 1 };
    const result = (widget) => ({ ...head, widget, type: 'result', treatment: 'both' });
    const resize = (widget) => ({ ...head, widget, type: 'resize', height: 3210 });

    // From the partner page itself: the wrong origin and the wrong source.
    const fromHost = [result(idFr), resize(idFr), result(idEn), { ...head, widget: idEn, type: 'ready' }];
    await page.evaluate((messages) => messages.forEach((m) => window.postMessage(m, '*')), fromHost);

    // From another frame of the finder's own origin: the right origin, the wrong source.
    const attached = page.waitForEvent('framenavigated', (f) => f.url().endsWith('/clinic.json'));
    await page.evaluate((src) => {
      const decoy = document.createElement('iframe');
      decoy.src = src;
      document.body.append(decoy);
    }, `${app.url}/clinic.json`);
    const decoy = await attached;
    await decoy.waitForLoadState();
    const fromDecoy = [result(idFr), resize(idEn)];
    await decoy.evaluate((messages) => messages.forEach((m) => parent.postMessage(m, '*')), fromDecoy);

    // From the widget's own iframe, but not following the schema.
    const offSchema = [
      { ...result(idFr), version: 2 },
      { ...result(idFr), protocol: 'other' },
      { ...result(idFr), age: 57 },
      { ...result(idFr), treatment: 'tan' },
      { ...resize(idFr), height: -1 },
      { ...resize(idFr), height: '3210' },
      result(idEn),
      'result',
      [result(idFr)],
    ];
    await fr.evaluate((messages) => messages.forEach((m) => parent.postMessage(m, '*')), offSchema);

    // Every fake message has reached the page (whose listeners run in order for each one).
    const fakes = [...fromHost, ...fromDecoy, ...offSchema].map((m) => JSON.stringify(m));
    await page.waitForFunction(
      (fakes) => fakes.every((f) => window.__widgets.messages.some((m) => m.data === f)),
      fakes,
    );
    assert.equal((await widgetLog(page)).events.length, eventsBefore, 'no event from a fake message');
    assert.deepEqual(await iframeHeights(page), heightsBefore, 'no iframe resized by a fake message');
  });
});

test('the finder takes a language change only from its own partner page, for its own widget id', async () => {
  await withPartner('/partner.html', async ({ page }) => {
    await waitForReady(page, ['finder-fr', 'finder-en']);
    const frame = await widgetFrame(page, '#finder-en');
    const en = page.frameLocator('#finder-en iframe');
    await waitForStep(en, 1, 'en');
    const idEn = new URL(frame.url()).searchParams.get('embed');
    const idFr = new URL((await widgetFrame(page, '#finder-fr')).url()).searchParams.get('embed');
    const lang = (widget, more = {}) => ({ protocol: 'treatment-finder', version: 1, widget, type: 'lang', lang: 'fr', ...more });
    // The finder's window records what arrives, after its own listener has run on it.
    await frame.evaluate(() => {
      window.__arrived = [];
      addEventListener('message', (e) => window.__arrived.push(JSON.stringify(e.data)));
    });

    // From another frame on the page (about:blank, so of the partner's own origin): the right
    // origin, but not the partner page's window.
    await page.evaluate(() => {
      const decoy = document.createElement('iframe');
      decoy.name = 'decoy';
      document.body.append(decoy);
    });
    const decoy = page.frames().find((f) => f.name() === 'decoy');
    await decoy.evaluate((message) => {
      const target = parent.document.querySelector('#finder-en').shadowRoot.querySelector('iframe').contentWindow;
      target.postMessage(message, '*');
    }, lang(idEn));
    // From the partner page: another widget's id, a key too many, another version.
    const wrong = [lang(idFr), lang(idEn, { extra: 1 }), lang(idEn, { version: 2 }), lang(idEn, { lang: 'de' })];
    await page.locator('#finder-en iframe').evaluate((iframe, messages) => {
      for (const m of messages) iframe.contentWindow.postMessage(m, '*');
    }, wrong);
    await frame.waitForFunction((n) => window.__arrived.length === n, wrong.length + 1); // the decoy's and the page's

    // A change the visitor makes is rendered after any language change queued before it.
    await en.getByRole('checkbox', { name: goalLabel('hydration', 'en'), exact: true }).check();
    await en.getByRole('checkbox', { name: goalLabel('hydration', 'en'), exact: true }).waitFor();
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'en', 'no wrong message switched the language');
    await waitForStep(en, 1, 'en');

    // The same message from the partner page, for this widget: it switches, keeping the answer.
    await page.locator('#finder-en iframe').evaluate((iframe, m) => iframe.contentWindow.postMessage(m, '*'), lang(idEn));
    await waitForStep(en, 1, 'fr');
    assert.equal(await en.getByRole('checkbox', { name: goalLabel('hydration', 'fr'), exact: true }).isChecked(), true);
  });
});

test("the iframe's title, read by screen readers on the partner page, follows the finder's language when the visitor switches it", async () => {
  await withPartner('/partner.html', async ({ page }) => {
    await waitForReady(page, ['finder-fr', 'finder-en']);
    const en = page.frameLocator('#finder-en iframe');
    const iframe = page.locator('#finder-en iframe');
    const named = async () => [await iframe.getAttribute('title'), await iframe.getAttribute('lang')];
    assert.deepEqual(await named(), ['Treatment finder', 'en']);
    await en.getByRole('button', { name: UI.en.switchTo, exact: true }).click();
    await waitForStep(en, 1, 'fr');
    await page.waitForFunction(() => document.querySelector('#finder-en').shadowRoot.querySelector('iframe').title !== 'Treatment finder');
    assert.deepEqual(await named(), ['Trouver mon traitement', 'fr']);
    assert.equal(await page.locator('#finder-en').getAttribute('lang'), 'en', "the element's own lang attribute is the page's");
    await en.getByRole('button', { name: UI.fr.switchTo, exact: true }).click();
    await waitForStep(en, 1, 'en');
    await page.waitForFunction(() => document.querySelector('#finder-en').shadowRoot.querySelector('iframe').title === 'Treatment finder');
    assert.deepEqual(await named(), ['Treatment finder', 'en']);
  });
});

test('two widgets on one page are independent, and a new lang attribute switches one without losing its answers', async () => {
  await withPartner('/partner.html', async ({ page }) => {
    await waitForReady(page, ['finder-fr', 'finder-en']);
    const fr = page.frameLocator('#finder-fr iframe');
    const en = page.frameLocator('#finder-en iframe');
    const idFr = new URL((await widgetFrame(page, '#finder-fr')).url()).searchParams.get('embed');
    const idEn = new URL((await widgetFrame(page, '#finder-en')).url()).searchParams.get('embed');
    assert.notEqual(idFr, idEn, 'each widget has its own id');

    await answerGoals(fr, { goals: ['hydration'] }, 'fr');
    await nextButton(fr, 'fr').click();
    await waitForStep(fr, 2, 'fr');
    await waitForStep(en, 1, 'en');
    assert.equal(await en.getByRole('checkbox', { name: goalLabel('hydration', 'en'), exact: true }).isChecked(), false);

    await page.locator('#finder-fr').evaluate((el) => el.setAttribute('lang', 'en'));
    await waitForStep(fr, 2, 'en');
    assert.equal(new URL((await widgetFrame(page, '#finder-fr')).url()).searchParams.get('embed'), idFr, 'the same iframe');
    await fr.getByRole('button', { name: UI.en.back, exact: true }).click();
    await waitForStep(fr, 1, 'en');
    assert.equal(await fr.getByRole('checkbox', { name: goalLabel('hydration', 'en'), exact: true }).isChecked(), true);
    await waitForStep(en, 1, 'en');
  });
});

test("changing the widget's other attributes changes the running finder: the visitor keeps their answers and the iframe is not reloaded", async () => {
  await withPartner('/partner.html', async ({ page, log }) => {
    await waitForReady(page, ['finder-fr', 'finder-en']);
    const fr = page.frameLocator('#finder-fr iframe');
    const frame = await widgetFrame(page, '#finder-fr');
    const url = frame.url();
    await frame.evaluate(() => (window.__sameDocument = true));
    await answerGoals(fr, { goals: ['hydration'] }, 'fr');
    await nextButton(fr, 'fr').click();
    await waitForStep(fr, 2, 'fr');
    await answerAboutYou(fr, { age: 40 }, 'fr');

    // As a page's framework re-rendering the element with new values, in one go.
    await page.locator('#finder-fr').evaluate((el) => {
      el.setAttribute('clinic-name', 'Clinique Nouvelle');
      el.setAttribute('booking-url', 'https://booking.example.com/nouveau');
      el.setAttribute('accent', '#004466');
      el.setAttribute('partner', 'salon-bella');
    });
    await fr.getByText('Clinique Nouvelle', { exact: true }).waitFor();
    const accent = () => frame.evaluate(() => getComputedStyle(document.querySelector('.app')).getPropertyValue('--accent').trim());
    assert.equal(await accent(), '#004466');
    assert.equal(await frame.evaluate(() => window.__sameDocument), true, 'the same document: not reloaded');
    // Its address now holds the new settings, for "Copy link" and a reload of the frame.
    const address = new URL(await frame.evaluate(() => location.href));
    assert.equal(address.searchParams.get('embed'), new URL(url).searchParams.get('embed'), 'the same widget');
    assert.equal(address.searchParams.get('clinic_name'), 'Clinique Nouvelle');
    assert.equal(address.searchParams.get('booking_url'), 'https://booking.example.com/nouveau');
    await waitForStep(fr, 2, 'fr');
    assert.equal(await fr.getByLabel(UI.fr.age, { exact: true }).inputValue(), '40', 'the age typed before');

    // A bad value is named on the console, and the clinic's own setting applies again.
    await page.locator('#finder-fr').evaluate((el) => el.setAttribute('accent', 'blue'));
    await frame.waitForFunction(() => getComputedStyle(document.querySelector('.app')).getPropertyValue('--accent').trim() !== '#004466');
    assert.equal(await accent(), '#2f6b66', "the clinic's colour (clinic.json)");
    assert.ok(log.errors().some((e) => e.startsWith('treatment-finder: attribute accent:')), JSON.stringify(log.errors()));

    await nextButton(fr, 'fr').click();
    await waitForStep(fr, 3, 'fr');
    await answerHealth(fr, {}, 'fr');
    await fr.getByRole('button', { name: UI.fr.seeResult, exact: true }).click();
    const book = fr.getByRole('link', { name: UI.fr.book });
    assert.equal(
      await book.getAttribute('href'),
      'https://booking.example.com/nouveau?treatment=mesotherapy&lang=fr&utm_source=salon-bella&utm_medium=partner-widget',
      'the Book link is the new one, with the partner named since',
    );
    assert.equal(await summary(fr), summaryText('mesotherapy', 'fr'), 'the result of the answers given before the change');
  });
});

test('removing a widget removes its iframe and its message listener; a new element starts afresh', async () => {
  await withPartner('/partner.html', async ({ page }) => {
    await waitForReady(page, ['finder-fr', 'finder-en']);
    assert.equal((await widgetLog(page)).listeners, 2, 'one message listener per widget');
    const en = await widgetFrame(page, '#finder-en');
    const detached = page.waitForEvent('framedetached', (f) => f === en);
    await page.locator('#finder-en').evaluate((el) => el.remove());
    await detached;
    assert.equal((await widgetLog(page)).listeners, 1);

    await page.locator('#finder-fr').evaluate((el) => el.remove());
    assert.equal((await widgetLog(page)).listeners, 0);
    assert.deepEqual(page.frames().map((f) => f.url()), [`${partner.url}/partner.html`], 'no frame left');

    await page.evaluate(() => {
      const el = document.createElement('treatment-finder');
      el.id = 'finder-new';
      el.setAttribute('lang', 'fr');
      document.getElementById('host-box').append(el);
    });
    await waitForReady(page, ['finder-new']);
    await waitForStep(page.frameLocator('#finder-new iframe'), 1, 'fr');
    assert.equal((await widgetLog(page)).listeners, 1);
  });
});

test("a widget that reloads itself (its Reload button after an error) comes back where the visitor was; the partner page hears no second ready, and the element's language holds", async () => {
  await withPartner('/partner.html', async ({ page }) => {
    await waitForReady(page, ['finder-fr', 'finder-en']);
    const fr = page.frameLocator('#finder-fr iframe');
    const frame = await widgetFrame(page, '#finder-fr');
    await answerGoals(fr, { goals: ['hydration'] }, 'fr');
    await fr.getByRole('checkbox', { name: UI.fr.remember, exact: true }).check();
    await nextButton(fr, 'fr').click();
    await waitForStep(fr, 2, 'fr');
    // The partner page switches the widget to English after it opened (its address says fr).
    await page.locator('#finder-fr').evaluate((el) => el.setAttribute('lang', 'en'));
    await waitForStep(fr, 2, 'en');

    // What src/web/crash.js's Reload button does, in the iframe's own document.
    await frame.evaluate(() => (window.__before = true));
    const reloaded = page.waitForEvent('framenavigated', (f) => f === frame);
    await frame.evaluate(() => setTimeout(() => location.reload()));
    await reloaded;
    await frame.waitForFunction(() => window.__before === undefined && document.documentElement.lang === 'en');
    await waitForStep(fr, 2, 'en');
    const ready = (await widgetLog(page)).events.filter((e) => e.type === 'ready' && e.id === 'finder-fr');
    assert.equal(ready.length, 1, 'one treatment-finder:ready for the widget');

    // Saved progress ("Remember") brought the goals back, and the widget works on.
    await fr.getByRole('button', { name: UI.en.back, exact: true }).click();
    await waitForStep(fr, 1, 'en');
    assert.equal(await fr.getByRole('checkbox', { name: goalLabel('hydration', 'en'), exact: true }).isChecked(), true);
    await nextButton(fr, 'en').click();
    await answerAboutYou(fr, { age: 40 }, 'en');
    await nextButton(fr, 'en').click();
    await waitForStep(fr, 3, 'en');
    await answerHealth(fr, {}, 'en');
    await fr.getByRole('button', { name: UI.en.seeResult, exact: true }).click();
    await page.waitForFunction(() => window.__widgets.events.some((e) => e.type === 'result' && e.id === 'finder-fr'));
    await waitForResult(fr);
    assert.equal(await fittedHeight(frame), Number.parseInt((await iframeHeights(page))['finder-fr'], 10), 'its height still follows');
  });
});

test('a widget added hidden, with its attributes set just after, loads the finder once and is ready; shown, it takes its height', async () => {
  await withPartner('/partner.html', async ({ page, requests }) => {
    await waitForReady(page, ['finder-fr', 'finder-en']);
    await page.evaluate(() => {
      const el = document.createElement('treatment-finder');
      el.id = 'finder-late';
      el.hidden = true;
      document.getElementById('host-box').append(el);
      // As a framework does: the attributes come after the element is in the page.
      el.setAttribute('lang', 'fr');
      el.setAttribute('booking-url', 'https://book.example/late');
    });
    // Ready although hidden, so a partner page may wait for it to show the widget.
    await waitForReady(page, ['finder-late']);
    const loads = requests.all().filter((url) => url.startsWith(`${app.url}/?`) && !/embed=tf[12]-/.test(url));
    assert.equal(loads.length, 1, `one load of the finder: ${loads.join(', ')}`);
    const query = new URL(loads[0]).searchParams;
    assert.equal(query.get('lang'), 'fr');
    assert.equal(query.get('booking_url'), 'https://book.example/late');

    // Shown where the visitor sees it (Chrome measures a cross-origin frame on screen only).
    await page.locator('#finder-late').evaluate((el) => {
      el.hidden = false;
      el.scrollIntoView();
    });
    const frame = await widgetFrame(page, '#finder-late');
    await waitForStep(page.frameLocator('#finder-late iframe'), 1, 'fr');
    const height = await fittedHeight(frame);
    assert.equal((await iframeHeights(page))['finder-late'], `${height}px`);
  });
});

test('bad attributes are reported on the console, naming the attribute, and the widget works with safe defaults', async () => {
  await withPartner('/bad.html', async ({ page, log }) => {
    await waitForReady(page, ['finder-bad']);
    for (const attribute of ['lang', 'booking-url', 'accent']) {
      assert.ok(
        log.errors().some((e) => e.startsWith(`treatment-finder: attribute ${attribute}:`)),
        `a console error names ${attribute}: ${JSON.stringify(log.errors())}`,
      );
    }
    assert.equal(log.errors().length, 3, `only those errors: ${JSON.stringify(log.errors())}`);
    const frame = await widgetFrame(page, '#finder-bad');
    const params = [...new URL(frame.url()).searchParams.keys()].sort();
    assert.deepEqual(params, ['embed', 'lang', 'parent_origin'], "bad values are not passed on (lang is the page's)");
    const bad = page.frameLocator('#finder-bad iframe');
    await waitForStep(bad, 1, 'en');
    await completeQuiz(bad, PLAN.answers);
    const href = await bad.getByRole('link', { name: UI.en.book }).getAttribute('href');
    assert.ok(href.startsWith('https://booking.example.com/consultation?'), `the clinic's own booking link: ${href}`);
  });
});

test("under a partner policy that allows no style at all, the widget still styles its own iframe, and follows the page's language", async () => {
  await withPartner('/no-style.html', async ({ page, log }) => {
    await waitForReady(page, ['finder-plain']);
    const look = await page.locator('#finder-plain').evaluate((el) => {
      const iframe = getComputedStyle(el.shadowRoot.querySelector('iframe'));
      return { host: getComputedStyle(el).display, border: iframe.borderTopWidth, width: iframe.width === getComputedStyle(el).width };
    });
    assert.deepEqual(look, { host: 'block', border: '0px', width: true });
    await waitForStep(page.frameLocator('#finder-plain iframe'), 1, 'fr');
    assert.deepEqual(await cspViolations(page), [], 'CSP violations');
    assert.deepEqual(log.errors(), [], 'console errors');
  });
});

// Marker answers: values that appear nowhere in the app, so finding one means an answer leaked.
const EVENT = '2027-03-17';
const AGE = 57;
const MARKED = {
  goals: ['pigmentation', 'stretch_marks', 'event'],
  event_date: EVENT,
  age: AGE,
  areas: ['neck', 'body'],
  downtime: 'a_week',
  screening: [],
};

function leaks(text) {
  const markers = [EVENT, EVENT.replaceAll('-', ''), longDate(EVENT), longDate(EVENT, 'fr'), 'stretch_marks', 'pigmentation'];
  for (const item of SCREENING_IDS) markers.push(item, screeningLabel(item, 'en'), screeningLabel(item, 'fr'));
  const found = markers.filter((m) => text.toLowerCase().includes(m.toLowerCase()));
  const withoutHosts = text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^/\s]+/gi, '').replace(/%3A\d+/gi, '');
  if (new RegExp(`(^|[^0-9A-Za-z])${AGE}([^0-9A-Za-z]|$)`).test(withoutHosts)) found.push(`age ${AGE}`);
  return found;
}

test('no request, message, event or console line in either origin carries an answer', async () => {
  await withPartner('/partner.html', async ({ page, context, log, requests }) => {
    await waitForReady(page, ['finder-fr', 'finder-en']);
    const en = page.frameLocator('#finder-en iframe');
    await completeQuiz(en, MARKED);
    assert.equal(await summary(en), summaryText('both'));
    const booking = context.waitForEvent('request', (r) => r.url().startsWith('https://booking.example.com/'));
    const tab = context.waitForEvent('page');
    await en.getByRole('link', { name: UI.en.book }).click();
    await booking;
    // A tab left open in front slows every later action on this page (about 2 s each).
    await (await tab).close();
    // "Copy link" links to the finder's own page with no query at all: neither the embed
    // parameters nor the element's attributes (that page takes only the language from a link).
    await en.getByRole('button', { name: UI.en.copyLink, exact: true }).click();
    const field = en.locator('#share-link');
    await en.getByRole('status').filter({ hasText: 'Link copied.' }).or(field).first().waitFor();
    // The iframe may write to the clipboard, not read it: the text is taken on its way in.
    const link = (await field.isVisible())
      ? await field.inputValue()
      : await (await widgetFrame(page, '#finder-en')).evaluate(() => window.__copied);
    assert.ok(link.startsWith(`${app.url}/#`), link);
    assert.deepEqual([...new URL(link).searchParams.keys()], [], link);
    await en.getByRole('button', { name: UI.en.back, exact: true }).click();
    await waitForStep(en, 3);
    for (const item of SCREENING_IDS) {
      await en.getByRole('checkbox', { name: screeningLabel(item), exact: true }).check();
    }
    await en.getByRole('button', { name: UI.en.seeResult, exact: true }).click();
    await en.getByText(summaryText('consult'), { exact: true }).waitFor();
    await page.waitForFunction(() => window.__widgets.events.filter((e) => e.type === 'result').length === 2);

    const recorded = (await widgetLog(page));
    const seen = [
      ...requests.all().map((url) => `request ${url}`),
      ...app.requests().map((url) => `app server ${url}`),
      ...partner.requests().map((url) => `partner server ${url}`),
      ...recorded.messages.map((m) => `message ${m.data}`),
      ...recorded.events.map((e) => `event ${e.type} ${JSON.stringify(e.detail)}`),
      ...log.messages.map((m) => `console ${m.type}: ${m.text}`),
    ];
    assert.ok(seen.some((s) => s.startsWith('request https://booking.example.com/')), 'the booking request was recorded');
    for (const line of seen) assert.deepEqual(leaks(line), [], `an answer in: ${line}`);
    assert.deepEqual(
      recorded.events.filter((e) => e.id === 'finder-en' && e.type === 'result').map((e) => e.detail.treatment),
      ['both', 'consult'],
    );
  });
});

test("the app's own page runs under the app's CSP with zero violations across a whole quiz", async () => {
  const context = await newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await watchCsp(context);
    const page = await context.newPage();
    const log = collectConsole(page);
    const response = page.waitForResponse((r) => r.url() === `${app.url}/`);
    await openApp(page, appUrl(app.url));
    assert.equal((await response).headers()['content-security-policy'], appCsp(), 'the page comes with the CSP header');
    await completeQuiz(page, PLAN.answers);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: UI.en.calendar, exact: true }).click();
    await downloading;
    await copyLink(page);
    await page.getByRole('button', { name: UI.en.switchTo, exact: true }).click();
    await page.getByRole('button', { name: UI.fr.startOver, exact: true }).click();
    await waitForStep(page, 1, 'fr');
    assert.deepEqual(await cspViolations(page), [], 'CSP violations');
    assert.deepEqual(log.errors(), [], 'console errors (a CSP violation is one)');
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
  } finally {
    await context.close();
  }
});

test('the built pages have no inline script or style, and the built JavaScript no eval or new Function', async () => {
  for (const name of ['index.html', 'partner-demo.html', 'api-demo.html']) {
    const html = await readFile(join(DIST, name), 'utf8');
    for (const [tag, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      assert.ok(/\bsrc=/.test(attrs) && body.trim() === '', `${name}: an inline script: ${tag.slice(0, 80)}`);
    }
    assert.doesNotMatch(html, /<style\b/i, `${name}: a <style> element`);
    assert.doesNotMatch(html, /\sstyle=|\son[a-z]+=/i, `${name}: a style or event-handler attribute`);
  }
  for (const name of (await readdir(DIST)).filter((f) => f.endsWith('.js'))) {
    const js = await readFile(join(DIST, name), 'utf8');
    assert.doesNotMatch(js, /\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(\s*["'`]/, `${name}: eval or new Function`);
  }
});

/** Opens dist/api-demo.html (the finder's origin) and imports the API there. */
async function withApiPage(fn) {
  const context = await newContext(browser);
  try {
    await watchCsp(context);
    const page = await context.newPage();
    const log = collectConsole(page);
    await page.goto(`${app.url}/api-demo.html`);
    await page.getByRole('button', { name: 'Recommend' }).and(page.locator(':enabled')).waitFor();
    await fn(page, log);
    assert.deepEqual(await cspViolations(page), [], 'CSP violations');
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
  } finally {
    await context.close();
  }
}

test('recommend() runs the engine from a page script on the finder origin; bad input throws an Error naming the field', async () => {
  await withApiPage(async (page, log) => {
    for (const c of CASES.slice(0, 6)) {
      const rec = await page.evaluate(async (answers) => (await import('/finder-api.js')).recommend(answers), c.answers);
      assert.equal(rec.treatment, c.expect.treatment, c.name);
      const rules = rec.reasons.map((r) => r.rule);
      for (const rule of c.expect.rules ?? []) assert.ok(rules.includes(rule), `${c.name}: reason ${rule} in ${rules}`);
      if (c.expect.dates) {
        const dates = Object.fromEntries(rec.plan.map((p) => [p.treatment, p.dates]));
        assert.deepEqual(dates, c.expect.dates, c.name);
      }
    }
    const fr = await page.evaluate(async (answers) => (await import('/finder-api.js')).recommend(answers, { lang: 'fr-CA' }), PLAN.answers);
    assert.equal(squash(fr.summary), summaryText('both', 'fr'));
    assert.equal(fr.lang, 'fr');
    // Without `today`, the visitor's date (the fixed clock) dates the plan.
    const { today, ...undated } = PLAN.answers;
    const dated = await page.evaluate(async (answers) => (await import('/finder-api.js')).recommend(answers), undated);
    assert.deepEqual(dated.plan.map((p) => p.dates), fr.plan.map((p) => p.dates), `today ${today} from the clock`);

    const thrown = (answers, options) =>
      page.evaluate(
        async ([answers, options]) => {
          try {
            (await import('/finder-api.js')).recommend(answers, options);
            return null;
          } catch (e) {
            return { isError: e instanceof Error, message: e.message };
          }
        },
        [answers, options],
      );
    const bad = await thrown({ ...PLAN.answers, goals: ['hydration', 'tan'] });
    assert.equal(bad.isError, true);
    assert.match(bad.message, /^invalid answers: goals\[1\]: unknown variant `tan`/);
    assert.match((await thrown({ goals: [], screening: [] })).message, /^invalid answers: .*age/);
    assert.match((await thrown({ ...PLAN.answers, recent: ['sunburn_or_tan', 'botox'] })).message, /^invalid answers: recent\[1\]: unknown variant `botox`/);
    const waited = await page.evaluate(async (answers) => (await import('/finder-api.js')).recommend(answers), { ...PLAN.answers, recent: ['sunburn_or_tan'] });
    assert.ok(waited.reasons.some((r) => r.rule === 'recent.sunburn_or_tan'), 'recommend() reads `recent`');
    assert.ok(waited.plan.every((p) => typeof p.sources.sessions === 'string'), 'each plan item has its sources');
    assert.match((await thrown(null)).message, /^invalid answers: answers: must be a JSON object/);
    assert.match((await thrown(PLAN.answers, { lang: 'de' })).message, /lang: "de" is not a supported language/);
    assert.match((await thrown(PLAN.answers, { langue: 'fr' })).message, /options: langue: unknown field `langue`/);

    // finder-api.js exports exactly what treatment-finder.d.ts declares.
    const dts = await readFile(join(DIST, 'treatment-finder.d.ts'), 'utf8');
    const declared = [...dts.matchAll(/^export (?:declare )?(?:function|const) (\w+)/gm)].map((m) => m[1]).sort();
    const exported = await page.evaluate(async () => Object.keys(await import('/finder-api.js')).sort());
    assert.deepEqual(exported, declared);
    assert.deepEqual(log.errors(), [], 'console errors');
  });
});

test('mount() shows the whole finder in an element of the page and sends its events there; destroy() removes it', async () => {
  await withApiPage(async (page, log) => {
    const title = await page.title();
    await page.evaluate(async () => {
      const { mount } = await import('/finder-api.js');
      window.__events = [];
      const target = document.getElementById('finder');
      for (const type of ['result', 'book']) {
        document.addEventListener(`treatment-finder:${type}`, (e) =>
          window.__events.push({ type, target: e.target.id, detail: e.detail, keys: Object.keys(e.detail) }),
        );
      }
      window.__handle = mount(target, { lang: 'fr', clinic_name: 'Clinique Éclat', accent: '#7a4b94', partner: 'salon-bella' });
    });
    await page.getByText('Clinique Éclat', { exact: true }).waitFor();
    await completeQuiz(page, PLAN.answers, 'fr');
    assert.equal(await summary(page), summaryText('both', 'fr'));
    // `partner` tags the Book link, and nothing else rides on it.
    const href = await page.getByRole('link', { name: UI.fr.book }).getAttribute('href');
    assert.equal(href, 'https://booking.example.com/consultation?treatment=both&lang=fr&utm_source=salon-bella&utm_medium=partner-widget');
    const button = page.getByRole('button', { name: UI.fr.startOver, exact: true });
    assert.equal(await button.evaluate((el) => getComputedStyle(el).borderRadius !== '0px'), true, "the finder's stylesheet applies");
    const events = await page.evaluate(() => window.__events);
    assert.deepEqual(events, [{ type: 'result', target: 'finder', detail: { treatment: 'both' }, keys: ['treatment'] }]);
    assert.equal(await page.title(), title, "the page's title is the page's");
    assert.equal(await page.locator('html').getAttribute('lang'), 'en', "the page's language is the page's");
    // A bad setting is reported by name; an unknown one throws.
    const problems = await page.evaluate(async () => {
      const { mount } = await import('/finder-api.js');
      const scratch = document.createElement('div');
      document.body.append(scratch);
      mount(scratch, { accent: 'red', partner: 'salon bella' }).destroy();
      try {
        mount(scratch, { bookingUrl: 'https://x.example' });
        return 'no error';
      } catch (e) {
        return e.message;
      }
    });
    assert.match(problems, /config: bookingUrl: unknown field `bookingUrl`/);
    for (const setting of ['accent', 'partner']) {
      assert.ok(log.errors().some((e) => e.includes(`mount(): config: ${setting}:`)), JSON.stringify(log.errors()));
    }

    await page.evaluate(() => window.__handle.destroy());
    await page.waitForFunction(() => document.getElementById('finder').childElementCount === 0);
    await page.evaluate(() => window.__handle.destroy()); // a second destroy does nothing
    assert.equal(await page.locator('#result-summary').count(), 0);
  });
});

test("recommend() and mount() follow the clinic's clinic.json and rules file, name a wrong option's key, and survive options that throw", async () => {
  // The clinic raised the minimum age to 25 in its own rules file, named by its clinic.json.
  const rules = structuredClone(RULES);
  rules.revision = 'clinic test 2026-11-24';
  rules.settings.min_age.value = 25;
  const clinic = { clinic_name: 'Clinique Éclat', booking_url: 'https://book.example/eclat', rules_url: 'clinic-rules.json' };
  const context = await newContext(browser);
  try {
    await watchCsp(context);
    await context.route(`${app.url}/clinic.json`, (route) => route.fulfill({ json: clinic }));
    await context.route(`${app.url}/clinic-rules.json`, (route) => route.fulfill({ json: rules }));
    const page = await context.newPage();
    const log = collectConsole(page);
    await page.goto(`${app.url}/api-demo.html`);
    const young = { goals: ['hydration'], age: 23, screening: [], today: '2026-11-22' };
    const rec = await page.evaluate(async (answers) => (await import('/finder-api.js')).recommend(answers), young);
    assert.equal(rec.treatment, 'consult', "under the clinic's minimum age");
    assert.equal(rec.rules_revision, rules.revision);

    // Wrong types name the key; options whose reading throws give an Error, every time, and
    // the engine still works after thousands of them.
    const outcome = await page.evaluate(async (answers) => {
      const { recommend } = await import('/finder-api.js');
      const message = (options) => {
        try {
          recommend(answers, options);
          return null;
        } catch (e) {
          return `${e instanceof Error}: ${e.message}`;
        }
      };
      const wrongType = message({ lang: 5 });
      const hostile = new Proxy({}, { ownKeys() { throw new Error('boom'); } });
      const thrown = new Set();
      for (let i = 0; i < 3000; i++) thrown.add(message(hostile));
      return { wrongType, thrown: [...thrown], after: recommend(answers).treatment };
    }, young);
    assert.match(outcome.wrongType, /^true: recommend\(\): options: lang: invalid type: integer `5`, expected a string/);
    assert.deepEqual(outcome.thrown, ['true: recommend(): options: its keys cannot be read: boom']);
    assert.equal(outcome.after, 'consult');

    // mount() with no settings shows the clinic's own, and its page's rules for its elements
    // do not reach the finder.
    await page.evaluate(async () => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('div { color: rgb(255, 0, 0) !important; padding: 30px; font-family: monospace; }');
      document.adoptedStyleSheets = [sheet];
      (await import('/finder-api.js')).mount(document.getElementById('finder'));
    });
    const heading = page.getByText('Clinique Éclat', { exact: true });
    await heading.waitFor();
    const styles = await heading.evaluate((el) => {
      const host = el.getRootNode().host;
      return { color: getComputedStyle(el).color, font: getComputedStyle(el).fontFamily, padding: getComputedStyle(host).paddingTop };
    });
    assert.notEqual(styles.color, 'rgb(255, 0, 0)');
    assert.notEqual(styles.font, 'monospace');
    assert.equal(styles.padding, '0px');
    await completeQuiz(page, { ...PLAN.answers, age: 30 });
    assert.equal(await page.getByRole('link', { name: UI.en.book }).getAttribute('href').then((h) => h.startsWith(clinic.booking_url)), true);
    assert.deepEqual(await cspViolations(page), [], 'CSP violations');
    assert.deepEqual(log.errors(), [], 'console errors');
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
  } finally {
    await context.close();
  }
});

test('partner-demo.html, served from the finder origin with frame-src added, shows its French and English widgets despite its hostile stylesheet', async () => {
  const demo = await serveDist({ csp: appCsp({ frameSrc: "'self'" }) });
  const context = await newContext(browser);
  try {
    await watchCsp(context);
    const page = await context.newPage();
    const log = collectConsole(page);
    await page.goto(`${demo.url}/partner-demo.html`);
    const fr = page.frameLocator('#finder-fr iframe');
    const en = page.frameLocator('#finder-en iframe');
    // Its huge fonts put both widgets below the fold: each loads as the visitor scrolls to it.
    await page.locator('#finder-fr').scrollIntoViewIfNeeded();
    await fr.getByRole('heading', { level: 1, name: UI.fr.title }).waitFor();
    await page.locator('#finder-en').scrollIntoViewIfNeeded();
    await en.getByRole('heading', { level: 1, name: UI.en.title }).waitFor();
    await page.locator('#event-log li').nth(1).waitFor();
    assert.deepEqual(
      (await page.locator('#event-log li').allTextContents()).sort(),
      ['finder-en: treatment-finder:ready', 'finder-fr: treatment-finder:ready'],
    );
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(log.errors(), []);
  } finally {
    await context.close();
    await demo.close();
  }
});
