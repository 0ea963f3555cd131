// The clinic's configuration (www/clinic.json) and its query-parameter overrides: good
// values take effect, bad ones are refused with a console error naming the setting, and
// the app keeps working with the default.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  RULES,
  UI,
  appUrl,
  collectConsole,
  completeQuiz,
  distAndBrowser,
  engineCase,
  newContext,
  nextButton,
  openApp,
  screeningLabel,
  summary,
  summaryText,
  waitForStep,
} from './support.mjs';

const suite = distAndBrowser();

const PLAN = engineCase('issue example');
const CONSULT = engineCase('a pregnancy');

async function withPage(query, fn) {
  const context = await newContext(suite.browser);
  try {
    const page = await context.newPage();
    const log = collectConsole(page);
    const dialogs = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await openApp(page, appUrl(suite.server.url, query));
    await fn(page, log);
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
  } finally {
    await context.close();
  }
}

test('?booking_url=javascript:… is refused: a console error names booking_url, and there is no Book link', async () => {
  await withPage({ booking_url: 'javascript:alert(1)' }, async (page, log) => {
    await completeQuiz(page, PLAN.answers);
    assert.equal(await summary(page), summaryText('both'));
    assert.equal(await page.getByRole('link', { name: UI.en.book }).count(), 0, 'no Book link');
    assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0, 'no javascript: link at all');
    assert.ok(
      log.errors().some((e) => e.includes('booking_url')),
      `a console error names booking_url: ${JSON.stringify(log.errors())}`,
    );
  });
});

test('?accent=notacolor is refused with a console error naming accent; the app still works', async () => {
  await withPage({ accent: 'notacolor' }, async (page, log) => {
    assert.ok(
      log.errors().some((e) => e.includes('accent')),
      `a console error names accent: ${JSON.stringify(log.errors())}`,
    );
    assert.ok(!log.errors().some((e) => e.includes('booking_url')), 'only the bad setting is reported');
    await completeQuiz(page, PLAN.answers);
    assert.equal(await summary(page), summaryText('both'));
    await page.getByRole('link', { name: UI.en.book }).waitFor();
  });
});

test('a valid ?accent colours the primary button', async () => {
  await withPage({ accent: '#8a1c4a' }, async (page, log) => {
    const background = await nextButton(page).evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(background, 'rgb(138, 28, 74)');
    assert.deepEqual(log.errors(), [], 'no console error');
  });
});

test('?lang=fr gives the French interface and <html lang="fr">', async () => {
  await withPage({ lang: 'fr' }, async (page, log) => {
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    await page.getByRole('heading', { level: 1, name: UI.fr.title }).waitFor();
    assert.equal(await page.title(), UI.fr.title);
    await waitForStep(page, 1, 'fr');
    await nextButton(page, 'fr').waitFor();
    await page.getByRole('button', { name: UI.fr.switchTo, exact: true }).waitFor();
    await page.getByRole('checkbox', { name: UI.fr.remember, exact: true }).waitFor();
    assert.deepEqual(log.errors(), [], 'no console error');
  });
});

test('clinic_name, contact and booking_url from the query are used', async () => {
  const query = {
    clinic_name: 'Clinique Essai',
    contact: 'Appelez le 514-555-0199.',
    booking_url: 'https://rdv.example.org/reserver?clinique=7',
  };
  await withPage(query, async (page, log) => {
    await page.getByText(query.clinic_name, { exact: true }).waitFor();
    await completeQuiz(page, PLAN.answers);
    const href = new URL(await page.getByRole('link', { name: UI.en.book }).getAttribute('href'));
    assert.equal(href.origin + href.pathname, 'https://rdv.example.org/reserver');
    assert.deepEqual([...href.searchParams.entries()].sort(), [['clinique', '7'], ['lang', 'en'], ['treatment', 'both']]);

    // A consult result shows the clinic's contact instead of a booking link.
    await page.getByRole('button', { name: UI.en.back, exact: true }).click();
    await waitForStep(page, 3);
    await page.getByRole('checkbox', { name: UI.en.noneApply, exact: true }).uncheck();
    for (const item of CONSULT.answers.screening) {
      await page.getByRole('checkbox', { name: screeningLabel(item), exact: true }).check();
    }
    await page.getByRole('button', { name: UI.en.seeResult, exact: true }).click();
    await page.getByText(summaryText('consult'), { exact: true }).waitFor();
    await page.getByText(query.contact).waitFor();
    assert.equal(await page.getByRole('link', { name: UI.en.book }).count(), 0);
    assert.deepEqual(log.errors(), [], 'no console error');
  });
});

// A clinic's own rules file (`?rules=` or `rules_url`): Playwright answers the same-origin
// request, so no file is written into dist/. A valid file changes what the finder says; an
// invalid one is refused with its JSON path in the console, and the built-in rules answer.
async function withRules(rulesPath, body, fn) {
  const context = await newContext(suite.browser);
  try {
    const page = await context.newPage();
    const log = collectConsole(page);
    if (body !== null) {
      await page.route(`**/${rulesPath}`, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body }),
      );
    }
    await openApp(page, appUrl(suite.server.url, { rules: rulesPath }));
    await fn(page, log);
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
  } finally {
    await context.close();
  }
}

function editedRules(edit) {
  const rules = structuredClone(RULES);
  edit(rules);
  return JSON.stringify(rules);
}

test('a valid clinic rules file changes what the finder says', async () => {
  const body = editedRules((r) => {
    r.messages.summary_both.en = 'Our clinic suggests both treatments for you.';
  });
  await withRules('clinic-rules.json', body, async (page, log) => {
    await completeQuiz(page, PLAN.answers);
    assert.equal(await summary(page), 'Our clinic suggests both treatments for you.');
    assert.deepEqual(log.errors(), [], 'no console error');
  });
});

test('an invalid clinic rules file is refused with its JSON path, and the built-in rules answer', async () => {
  const body = editedRules((r) => {
    r.treatments.mesotherapy.interval_days.min = 30;
    r.messages.summary_both.en = 'This text must never be shown.';
  });
  await withRules('broken-rules.json', body, async (page, log) => {
    await completeQuiz(page, PLAN.answers);
    assert.equal(await summary(page), summaryText('both'));
    assert.ok(
      log.errors().some((e) => e.includes('rules') && e.includes('$.treatments.mesotherapy.interval_days')),
      `a console error gives the path: ${JSON.stringify(log.errors())}`,
    );
  });
});

test('a missing rules file or one on another site falls back to the built-in rules with a console error', async () => {
  for (const path of ['missing-rules.json', 'https://rules.example.org/rules.json']) {
    await withRules(path, null, async (page, log) => {
      await completeQuiz(page, PLAN.answers);
      assert.equal(await summary(page), summaryText('both'));
      assert.ok(
        log.errors().some((e) => e.includes('rules')),
        `${path}: a console error names the rules setting: ${JSON.stringify(log.errors())}`,
      );
    });
  }
});
