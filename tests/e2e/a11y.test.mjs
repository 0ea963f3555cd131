// Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every step and on both kinds
// of result, in English and French; no horizontal scrolling at 320 CSS pixels (400 % zoom)
// or 640 (200 % zoom); pointer targets of at least 24 × 24 px (WCAG 2.2, 2.5.8); a visible
// focus ring on every control reached with the keyboard; no motion when the visitor asks
// for less; and the language of the visitor's browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import {
  CAUTION_IDS,
  RECENT_IDS,
  TODAY,
  UI,
  addDays,
  answerAboutYou,
  answerGoals,
  answerHealth,
  answerSteps,
  appUrl,
  collectConsole,
  distAndBrowser,
  engineCase,
  newContext,
  nextButton,
  openSections,
  openApp,
  waitForStep,
  waitForResult,
} from './support.mjs';

const suite = distAndBrowser();

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PLAN = { ...engineCase('an event in three weeks').answers, goals: ['scars', 'event'], areas: ['face', 'neck'], downtime: 'a_week' };
const CONSULT = engineCase('several screening items are each named').answers;
// An event in three days (too close: the summary and a warning say so) with every waiting
// period and soft warning ticked (their reasons and warnings on the result).
const TOO_CLOSE = { goals: ['event', 'hydration'], event_date: addDays(TODAY, 3), age: 36, screening: [], recent: RECENT_IDS, cautions: CAUTION_IDS };
// Scars with no visible redness: the trade-off warning.
const TRADE_OFF = { goals: ['scars'], age: 36, downtime: 'none', screening: [] };

/**
 * Walks the questionnaire, calling `visit(name)` on each screen: the first step (with the
 * event date shown), the first step's error, each later step (the health step also with its
 * waits and cautions ticked), a plan result, an event too close (with waits and cautions), the
 * no-redness trade-off, and a consult result.
 */
async function walk(page, lang, visit) {
  await openApp(page, appUrl(suite.server.url, { lang }));
  await waitForStep(page, 1, lang);
  await nextButton(page, lang).click(); // nothing chosen: the step shows its error
  await page.locator('.field-error').first().waitFor();
  await visit('step1-error');
  await answerGoals(page, PLAN, lang);
  await visit('step1-goals');
  await nextButton(page, lang).click();
  await waitForStep(page, 2, lang);
  await visit('step2-about');
  await answerAboutYou(page, PLAN, lang);
  await nextButton(page, lang).click();
  await waitForStep(page, 3, lang);
  await visit('step3-health');
  await answerHealth(page, PLAN, lang);
  await page.getByRole('button', { name: UI[lang].seeResult, exact: true }).click();
  await waitForResult(page);
  // A phone shows the details folded: the checks cover them opened, as the visitor reads them.
  await openSections(page);
  await page.locator('#timeline').waitFor();
  await visit('result-plan');
  for (const [name, answers] of [['result-event-too-close', TOO_CLOSE], ['result-trade-off', TRADE_OFF]]) {
    await page.getByRole('button', { name: UI[lang].startOver, exact: true }).click();
    await waitForStep(page, 1, lang);
    await answerSteps(page, answers, lang);
    if (answers.recent) await visit('step3-health-ticked');
    await page.getByRole('button', { name: UI[lang].seeResult, exact: true }).click();
    await waitForResult(page);
    await openSections(page);
    await page.locator('#timeline').waitFor();
    await page.locator(`[data-code="${answers === TOO_CLOSE ? 'event_too_close' : 'downtime_trade_off'}"]`).waitFor();
    await visit(name);
  }
  await page.getByRole('button', { name: UI[lang].startOver, exact: true }).click();
  await waitForStep(page, 1, lang);
  await answerGoals(page, CONSULT, lang);
  await nextButton(page, lang).click();
  await waitForStep(page, 2, lang);
  await answerAboutYou(page, CONSULT, lang);
  await page.getByRole('checkbox', { name: UI[lang].remember, exact: true }).check(); // shows "Forget my answers"
  await nextButton(page, lang).click();
  await waitForStep(page, 3, lang);
  await answerHealth(page, CONSULT, lang);
  await page.getByRole('button', { name: UI[lang].seeResult, exact: true }).click();
  await waitForResult(page);
  await visit('result-consult');
}

function describe(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  ${v.id} (${v.impact}): ${v.help}\n${nodes}`;
    })
    .join('\n');
}

for (const lang of ['en', 'fr']) {
  test(`axe finds no WCAG 2.2 AA violation on any step or result (${lang})`, async () => {
    const context = await newContext(suite.browser);
    try {
      const page = await context.newPage();
      const log = collectConsole(page);
      const failures = [];
      const visited = [];
      await walk(page, lang, async (name) => {
        visited.push(name);
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        assert.ok(results.passes.length > 10, `axe ran its rules on ${name}`);
        if (results.violations.length > 0) failures.push(`${name} (${lang}):\n${describe(results.violations)}`);
      });
      assert.equal(visited.length, 9);
      assert.deepEqual(failures, [], `axe violations:\n${failures.join('\n')}`);
      assert.deepEqual(log.pageErrors, [], 'uncaught errors');
    } finally {
      await context.close();
    }
  });
}

// 320 CSS px is a 1280 px window at 400 % zoom (WCAG 1.4.10); 640 × 400 is it at 200 %.
for (const [lang, width, height] of [['en', 320, 640], ['fr', 320, 640], ['fr', 640, 400]]) {
  test(`at ${width} px wide nothing scrolls sideways, and every target is at least 24 × 24 px (${lang})`, async () => {
    const context = await newContext(suite.browser, { viewport: { width, height } });
    try {
      const page = await context.newPage();
      const problems = [];
      await walk(page, lang, async (name) => {
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) {
          const wide = await page.evaluate((width) =>
            [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > width + 0.5)
              .slice(0, 5)
              .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`),
          width);
          problems.push(`${name}: scrollWidth ${scrollWidth} > ${width} (${wide.join(', ')})`);
        }
        for (const t of await smallTargets(page)) problems.push(`${name}: ${t}`);
      });
      assert.deepEqual(problems, [], problems.join('\n'));
    } finally {
      await context.close();
    }
  });
}

test('targets are at least 24 × 24 px at desktop width too', async () => {
  const context = await newContext(suite.browser);
  try {
    const page = await context.newPage();
    const problems = [];
    await walk(page, 'en', async (name) => {
      for (const t of await smallTargets(page)) problems.push(`${name}: ${t}`);
    });
    assert.deepEqual(problems, [], problems.join('\n'));
  } finally {
    await context.close();
  }
});

test('every control reached with the keyboard shows a focus ring of at least 2 px', async () => {
  const context = await newContext(suite.browser);
  try {
    const page = await context.newPage();
    const problems = [];
    let reached = 0;
    await walk(page, 'en', async (name) => {
      if (!['step1-goals', 'step2-about', 'step3-health', 'result-plan'].includes(name)) return;
      // From the top of the page, Tab through every control until focus comes round again.
      await page.evaluate(() => document.activeElement?.blur());
      const seen = new Set();
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          return {
            at: [...document.querySelectorAll('*')].indexOf(el),
            key: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.labels?.[0] ?? el).textContent.replace(/\s+/g, ' ').trim().slice(0, 40)}"`,
            ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)',
            visible: el.matches(':focus-visible'),
          };
        });
        if (!f) continue;
        // Round again at the first control; a date field takes several Tabs (day, month, year).
        if (seen.size > 1 && f.at === [...seen][0]) break;
        if (seen.has(f.at)) continue;
        seen.add(f.at);
        reached += 1;
        if (!f.ring || !f.visible) problems.push(`${name}: ${f.key} has no visible focus ring`);
      }
      if (seen.size < 3) problems.push(`${name}: only ${seen.size} controls reached with Tab`);
    });
    assert.ok(reached > 20, `controls checked: ${reached}`);
    assert.deepEqual(problems, [], problems.join('\n'));
  } finally {
    await context.close();
  }
});

test('with reduced motion asked for, nothing moves; without, the progress bar glides', async () => {
  const durations = {};
  for (const reducedMotion of ['reduce', 'no-preference']) {
    const context = await newContext(suite.browser, { reducedMotion });
    try {
      const page = await context.newPage();
      await openApp(page, appUrl(suite.server.url));
      await waitForStep(page, 1);
      durations[reducedMotion] = await page.evaluate(() => {
        const all = [...document.querySelectorAll('body, body *')].map((el) => getComputedStyle(el));
        const moving = all.filter((s) =>
          [s.transitionDuration, s.animationDuration].some((d) => d.split(',').some((x) => parseFloat(x) > 0)),
        );
        return moving.length;
      });
    } finally {
      await context.close();
    }
  }
  assert.equal(durations.reduce, 0, 'elements with a transition or animation under prefers-reduced-motion');
  assert.ok(durations['no-preference'] > 0, 'the check sees the transitions there are otherwise');
});

test('the finder speaks the language of the visitor\'s browser when the clinic sets none', async () => {
  for (const [locale, lang] of [['fr-CA', 'fr'], ['en-US', 'en']]) {
    const context = await newContext(suite.browser, { locale });
    try {
      const page = await context.newPage();
      await openApp(page, appUrl(suite.server.url));
      await waitForStep(page, 1, lang);
      assert.equal(await page.locator('html').getAttribute('lang'), lang, locale);
      await page.getByRole('button', { name: UI[lang].switchTo, exact: true }).waitFor();
    } finally {
      await context.close();
    }
  }
});

/** Visible buttons, links, and labels of checkboxes and radios smaller than 24 × 24 px. */
async function smallTargets(page) {
  const targets = page.locator(
    'button:visible, a[href]:visible, label:visible:has(input[type=checkbox], input[type=radio]), ' +
      'label[for]:visible',
  );
  const small = [];
  for (const target of await targets.all()) {
    const info = await target.evaluate((el) => {
      const control = el.tagName === 'LABEL' ? el.control : el;
      return {
        kind: el.tagName === 'LABEL' ? `label of ${control?.type ?? 'nothing'}` : el.tagName.toLowerCase(),
        name: el.textContent.replace(/\s+/g, ' ').trim().slice(0, 60),
        isChoice: el.tagName !== 'LABEL' || ['checkbox', 'radio'].includes(control?.type),
      };
    });
    if (!info.isChoice) continue; // labels of text, number and date fields are not the target
    const box = await target.boundingBox();
    if (box && (box.width < 24 || box.height < 24)) {
      small.push(`${info.kind} "${info.name}" is ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px`);
    }
  }
  return small;
}
