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
  answerAboutYou,
  answerGoals,
  answerHealth,
  appUrl,
  completeQuiz,
  distAndBrowser,
  engineCase,
  goalLabel,
  newContext,
  openApp,
  summaryText,
  waitForStep,
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
        // openApp waits until the app has taken over the first screen drawn before it.
        await openApp(page, appUrl(suite.server.url, { lang }));
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

// Heard once and always (issue 17), checked on phones as a screen reader would meet the page:
// by the accessibility tree Chromium builds for it (Playwright's role queries and ARIA
// snapshots), not by the DOM's classes.

/** The accessibility tree below `locator`, as Playwright writes it (YAML). */
const tree = (locator) => locator.ariaSnapshot();

/** The result's detail sections' buttons, by language. */
const SECTIONS = {
  en: ['Why this suggestion', 'Proposed plan', 'Aftercare'],
  fr: ['Pourquoi cette suggestion', 'Protocole proposé', 'Soins après la séance'],
};

const NO_GOAL = { en: 'Choose at least one goal.', fr: 'Choisissez au moins un objectif.' };
const DOWNLOADED = { en: 'Calendar file downloaded.', fr: 'Fichier de calendrier téléchargé.' };

for (const viewport of PHONES) {
  for (const lang of ['en', 'fr']) {
    const size = `${viewport.width}×${viewport.height}`;

    test(`${size}, ${lang}: each step's heading is named with its number, and a refused Next is announced each time, without the ⚠`, async () => {
      const context = await newContext(suite.browser, { viewport, locale: lang === 'fr' ? 'fr-CA' : 'en-CA' });
      try {
        const page = await context.newPage();
        await openApp(page, appUrl(suite.server.url, { lang }));
        // Every time the announcer is filled: the text of each paragraph put into it (a new
        // paragraph is what a screen reader hears again).
        await page.evaluate(() => {
          window.__announced = [];
          new MutationObserver((records) => {
            for (const r of records) for (const node of r.addedNodes) if (node.nodeName === 'P') window.__announced.push(node.textContent);
          }).observe(document.getElementById('problems-announcer'), { childList: true });
        });
        const heading = (n) => page.getByRole('heading', { level: 2, name: UI[lang].step(n, 4) });
        await heading(1).waitFor();
        for (const times of [1, 2]) {
          await page.getByRole('button', { name: UI[lang].next, exact: true }).click();
          await page.waitForFunction((n) => window.__announced.length === n, times);
        }
        assert.deepEqual(await page.evaluate(() => window.__announced), [NO_GOAL[lang], NO_GOAL[lang]], 'the same refusal, announced twice, once each');
        // The group of goals carries the message; the ⚠ beside it is not read.
        const goals = page.getByRole('group').filter({ has: firstGoal(page, lang) });
        assert.equal(await goals.evaluate((g) => g.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent.trim()).join(' ')), `⚠ ${NO_GOAL[lang]}`);
        const errorIds = await goals.evaluate((g) => g.getAttribute('aria-describedby').split(' '));
        const ownIds = ((await firstGoal(page, lang).getAttribute('aria-describedby')) ?? '').split(' ');
        assert.deepEqual(ownIds.filter((id) => errorIds.includes(id)), [], 'the message is not repeated on each checkbox');
        assert.doesNotMatch(await tree(page.locator('main')), /⚠/, 'the accessibility tree has no ⚠');
        await answerGoals(page, PLAN.answers, lang);
        await page.getByRole('button', { name: UI[lang].next, exact: true }).click();
        await waitForStep(page, 2, lang);
        await heading(2).waitFor();
        await answerAboutYou(page, PLAN.answers, lang);
        await page.getByRole('button', { name: UI[lang].next, exact: true }).click();
        await heading(3).waitFor();
        await answerHealth(page, PLAN.answers, lang);
        await page.getByRole('button', { name: UI[lang].seeResult, exact: true }).click();
        await heading(4).waitFor();
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'result-summary', 'the result heading, named "Step 4 of 4 …", has focus');
      } finally {
        await context.close();
      }
    });

    test(`${size}, ${lang}: a plan result's details are folded sections that open with a tap, the timeline is a list of its sessions, paper shows everything, and the calendar download is announced`, async () => {
      const context = await newContext(suite.browser, { viewport, hasTouch: true, locale: lang === 'fr' ? 'fr-CA' : 'en-CA', acceptDownloads: true });
      try {
        const page = await context.newPage();
        await openApp(page, appUrl(suite.server.url, { lang }));
        await completeQuiz(page, EVENT.answers, lang);
        await resultFocused(page);
        const buttons = SECTIONS[lang].map((name) => page.getByRole('button', { name, exact: true }));
        for (const button of buttons) assert.equal(await button.getAttribute('aria-expanded'), 'false', 'folded on a phone');
        const timeline = page.locator('#timeline');
        const sessions = await timeline.locator('li').count();
        assert.ok(sessions >= 2, `sessions and the event: ${sessions}`);
        assert.equal(await timeline.isVisible(), false, 'the plan is folded');
        // Each section is still a heading (level 3) holding its button.
        for (const name of SECTIONS[lang]) {
          await page.getByRole('heading', { level: 3, name, exact: true }).waitFor();
        }
        // On paper every section is open, folded or not.
        await page.emulateMedia({ media: 'print' });
        for (const id of ['#why-details', '#plan-details', '#aftercare-details']) {
          assert.ok(await page.locator(id).isVisible(), `${id} printed`);
        }
        await page.emulateMedia({ media: 'screen' });
        assert.equal(await timeline.isVisible(), false, 'folded again on screen');
        await buttons[1].tap();
        await timeline.waitFor();
        assert.equal(await buttons[1].getAttribute('aria-expanded'), 'true');
        // A list, with one item per session and the event.
        const snapshot = await tree(timeline);
        assert.match(snapshot, /^- list:/, snapshot);
        assert.equal(snapshot.split('\n').filter((line) => /^ {2}- listitem\b/.test(line)).length, sessions, snapshot);
        // The others stay as they were; closing the plan folds it again.
        assert.equal(await buttons[0].getAttribute('aria-expanded'), 'false');
        await buttons[1].tap();
        await timeline.waitFor({ state: 'hidden' });
        // "Add to calendar": the file, and the status line says so.
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: UI[lang].calendar, exact: true }).click();
        assert.match((await download).suggestedFilename(), /\.ics$/);
        await page.getByRole('status').filter({ hasText: DOWNLOADED[lang] }).waitFor();
      } finally {
        await context.close();
      }
    });
  }
}

test('on a wide screen a plan result shows its detail sections open, and each still folds', async () => {
  const context = await newContext(suite.browser, { viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await openApp(page, appUrl(suite.server.url, { lang: 'en' }));
    await completeQuiz(page, PLAN.answers, 'en');
    await resultFocused(page);
    for (const name of SECTIONS.en) {
      assert.equal(await page.getByRole('button', { name, exact: true }).getAttribute('aria-expanded'), 'true', name);
    }
    assert.ok(await page.locator('#timeline').isVisible());
    await page.getByRole('button', { name: SECTIONS.en[0], exact: true }).click();
    await page.locator('#why-details').waitFor({ state: 'hidden' });
    assert.ok(await page.locator('#timeline').isVisible(), 'the plan stays open');
  } finally {
    await context.close();
  }
});
