// Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every step and on both kinds
// of result, in English and French; no horizontal scrolling at 320 CSS pixels; and pointer
// targets of at least 24 × 24 px (WCAG 2.2, 2.5.8).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import {
  UI,
  answerAboutYou,
  answerGoals,
  answerHealth,
  appUrl,
  collectConsole,
  engineCase,
  launchBrowser,
  newContext,
  nextButton,
  openApp,
  serveDist,
  waitForStep,
} from './support.mjs';

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

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PLAN = { ...engineCase('an event in three weeks').answers, goals: ['scars', 'event'], areas: ['face', 'neck'], downtime: 'a_week' };
const CONSULT = engineCase('several screening items are each named').answers;

/**
 * Walks the questionnaire, calling `visit(name)` on each screen: the first step (with the
 * event date shown), the first step's error, each later step, a plan result and a consult result.
 */
async function walk(page, lang, visit) {
  await openApp(page, appUrl(server.url, { lang }));
  await waitForStep(page, 1, lang);
  await nextButton(page, lang).click(); // nothing chosen: the step shows its error
  await page.getByRole('alert').first().waitFor();
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
  await page.locator('#timeline').waitFor();
  await visit('result-plan');
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
  await page.locator('#result-summary').waitFor();
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
    const context = await newContext(browser);
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
      assert.equal(visited.length, 6);
      assert.deepEqual(failures, [], `axe violations:\n${failures.join('\n')}`);
      assert.deepEqual(log.pageErrors, [], 'uncaught errors');
    } finally {
      await context.close();
    }
  });
}

for (const lang of ['en', 'fr']) {
  test(`at 320 px wide nothing scrolls sideways, and every target is at least 24 × 24 px (${lang})`, async () => {
    const context = await newContext(browser, { viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      const problems = [];
      await walk(page, lang, async (name) => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) {
          const wide = await page.evaluate(() =>
            [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > 320.5)
              .slice(0, 5)
              .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`),
          );
          problems.push(`${name}: scrollWidth ${width} > 320 (${wide.join(', ')})`);
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
  const context = await newContext(browser);
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
