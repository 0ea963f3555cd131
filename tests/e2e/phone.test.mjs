// The first screen on a phone (issue 17): the first goal can be ticked without scrolling, a
// short line above the goals says how long it takes and that the answers stay on the device,
// and what the two treatments are is one tap away.
//
// Each screen is checked twice: with the app running, and with its WebAssembly held back, when
// the visitor sees the first step drawn at build time (www/first.js, src/bin/prerender.rs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  RULES,
  UI,
  appUrl,
  completeQuiz,
  distAndBrowser,
  engineCase,
  goalLabel,
  newContext,
  openApp,
  summaryText,
} from './support.mjs';

const suite = distAndBrowser();

const PHONES = [
  { width: 390, height: 844 },
  { width: 320, height: 568 },
];

/** The line above the goals, by language. */
const NOTE = {
  en: 'About 2 minutes. Your answers stay on this device.',
  fr: 'Environ 2\u00a0minutes. Vos réponses restent sur cet appareil.',
};

/** The disclosure that holds the two treatments' definitions, by language. */
const TERMS = {
  en: 'What are microneedling and mesotherapy?',
  fr: 'Que sont le microaiguilletage et la mésothérapie?',
};

/** The first goal of the questionnaire, by its label. */
const firstGoal = (page, lang) => page.getByRole('checkbox', { name: goalLabel(RULES.goals[0].goal, lang), exact: true });

/**
 * Holds every .wasm request of `context` until `drop()` makes it fail; `asked` resolves once
 * one is made.
 */
async function holdWasm(context) {
  let asked, drop;
  const wasAsked = new Promise((resolve) => {
    asked = resolve;
  });
  const dropped = new Promise((resolve) => {
    drop = resolve;
  });
  await context.route('**/*.wasm', async (route) => {
    asked();
    await dropped;
    await route.abort('connectionreset');
  });
  return { asked: wasAsked, drop };
}

/**
 * Asserts that the first goal's checkbox and the line above the goals lie inside the first
 * viewport, the page not scrolled, and that the line is above the goal.
 */
async function assertFirstScreen(page, lang, viewport, what) {
  assert.equal(await page.evaluate(() => window.scrollY), 0, `${what}: not scrolled`);
  const box = await firstGoal(page, lang).boundingBox();
  assert.ok(box, `${what}: the first goal is shown`);
  assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `${what}: the first goal (y = ${box.y}, height ${box.height}) is inside the first ${viewport.height} px`);
  const note = await page.getByText(NOTE[lang], { exact: true }).boundingBox();
  assert.ok(note, `${what}: the line about time and privacy is shown`);
  assert.ok(note.y >= 0 && note.y + note.height <= box.y, `${what}: the line about time and privacy is above the first goal`);
}

for (const viewport of PHONES) {
  for (const lang of ['en', 'fr']) {
    const size = `${viewport.width}×${viewport.height}`;

    test(`at ${size} in ${lang}, the first goal is on the first screen once the app runs`, async () => {
      const context = await newContext(suite.browser, { viewport, locale: lang === 'fr' ? 'fr-CA' : 'en-CA' });
      try {
        const page = await context.newPage();
        await openApp(page, appUrl(suite.server.url, { lang }));
        // The app has taken over the first screen drawn before it (it removes it).
        await page.locator('#tf-first').waitFor({ state: 'detached' });
        await firstGoal(page, lang).waitFor();
        await assertFirstScreen(page, lang, viewport, `${size} ${lang}, app running`);
      } finally {
        await context.close();
      }
    });

    test(`at ${size} in ${lang}, the first goal is on the first screen before the WebAssembly arrives`, async () => {
      const context = await newContext(suite.browser, { viewport, locale: lang === 'fr' ? 'fr-CA' : 'en-CA' });
      let wasm;
      try {
        wasm = await holdWasm(context);
        const page = await context.newPage();
        await page.goto(appUrl(suite.server.url, { lang }));
        await wasm.asked;
        await page.locator('#tf-first').waitFor();
        await firstGoal(page, lang).waitFor();
        await assertFirstScreen(page, lang, viewport, `${size} ${lang}, before the WebAssembly`);
      } finally {
        wasm?.drop();
        await context.close();
      }
    });
  }
}

/** Asserts that both treatments' definitions are hidden, or shown, on `page`. */
async function assertDefinitions(page, lang, shown) {
  for (const treatment of Object.values(RULES.treatments)) {
    const definition = page.getByText(treatment.explain[lang], { exact: true });
    assert.equal(await definition.isVisible(), shown, `${treatment.name[lang]}'s definition ${shown ? 'shown' : 'hidden'}`);
  }
}

test('the treatments’ definitions open with a tap, and with Enter from the keyboard, and are printed', async () => {
  for (const [lang, how] of [['en', 'tap'], ['fr', 'Enter']]) {
    for (const held of [false, true]) {
      const context = await newContext(suite.browser, { viewport: PHONES[1], hasTouch: true, locale: lang === 'fr' ? 'fr-CA' : 'en-CA' });
      let wasm;
      try {
        wasm = held ? await holdWasm(context) : null;
        const page = await context.newPage();
        await page.goto(appUrl(suite.server.url, { lang }));
        if (held) {
          await wasm.asked;
          await page.locator('#tf-first').waitFor();
        } else {
          await page.locator('#tf-first').waitFor({ state: 'detached' });
        }
        const summary = page.locator('summary', { hasText: TERMS[lang] });
        await summary.waitFor();
        await assertDefinitions(page, lang, false);
        // On paper the definitions are printed, the disclosure closed or not.
        await page.emulateMedia({ media: 'print' });
        await assertDefinitions(page, lang, true);
        await page.emulateMedia({ media: 'screen' });
        await assertDefinitions(page, lang, false);
        if (how === 'tap') {
          await summary.tap();
        } else {
          await summary.focus();
          await page.keyboard.press('Enter');
        }
        await page.locator('details[open]', { has: summary }).waitFor();
        await assertDefinitions(page, lang, true);
      } finally {
        wasm?.drop();
        await context.close();
      }
    }
  }
});

// The result leads with what to do (issue 17): once the result's heading has focus (as the
// app moves it there), a plan's Book link and a consult's phone link are on that screen.
const PLAN = engineCase('issue example');
const EVENT = engineCase('an event in three weeks');
const CONSULT = engineCase('a pregnancy');

/** Waits until the result's heading has keyboard focus, as the app puts it there. */
const resultFocused = (page) => page.waitForFunction(() => document.activeElement?.id === 'result-summary');

/** Asserts that `locator` lies wholly inside the viewport as it is scrolled now. */
async function assertOnScreen(page, locator, viewport, what) {
  const box = await locator.boundingBox();
  assert.ok(box, `${what}: shown`);
  assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `${what}: y ${box.y}–${box.y + box.height} in 0–${viewport.height}`);
}

for (const viewport of PHONES) {
  for (const lang of ['en', 'fr']) {
    test(`${viewport.width}×${viewport.height}, ${lang}: a plan's Book link and a consult's phone number are on the result's first screen`, async () => {
      const context = await newContext(suite.browser, { viewport, locale: lang === 'fr' ? 'fr-CA' : 'en-CA' });
      try {
        const page = await context.newPage();
        for (const c of [PLAN, EVENT]) {
          await openApp(page, appUrl(suite.server.url, { lang }));
          await completeQuiz(page, c.answers, lang);
          await resultFocused(page);
          await assertOnScreen(page, page.getByRole('link', { name: UI[lang].book }), viewport, `${c.name}: Book`);
          await assertOnScreen(page, page.locator('.next-step time'), viewport, `${c.name}: the next date`);
        }
        await openApp(page, appUrl(suite.server.url, { lang }));
        await completeQuiz(page, CONSULT.answers, lang);
        await resultFocused(page);
        assert.equal(await page.locator('#result-summary').textContent(), summaryText('consult', lang));
        await assertOnScreen(page, page.locator('a[href^="tel:"]').first(), viewport, 'consult: the phone number');
      } finally {
        await context.close();
      }
    });
  }
}
