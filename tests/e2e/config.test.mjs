// The clinic's configuration (www/clinic.json, served here by Playwright so no file is
// written into dist/): good values take effect, bad ones are refused with a console error
// naming the setting, and the app keeps working with the default. A link to the finder's own
// page may set the language and nothing else (issue 14): a stranger's link cannot change
// where the visitor books, whom they call, the clinic's name, colours or rules.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DIST,
  RULES,
  UI,
  appUrl,
  collectConsole,
  completeQuiz,
  copyLink,
  distAndBrowser,
  engineCase,
  newContext,
  nextButton,
  openApp,
  screeningLabel,
  servePages,
  summary,
  summaryText,
  waitForStep,
} from './support.mjs';

const suite = distAndBrowser();

const PLAN = engineCase('issue example');
const CONSULT = engineCase('a pregnancy');

const CLINIC = JSON.parse(readFileSync(join(DIST, 'clinic.json'), 'utf8'));

/** `query` in the address; `clinic`, when given, is served as clinic.json over the built one. */
async function withPage(query, fn, { clinic = null, contextOptions = {} } = {}) {
  const context = await newContext(suite.browser, contextOptions);
  try {
    const page = await context.newPage();
    const log = collectConsole(page);
    if (clinic) {
      await page.route('**/clinic.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...CLINIC, ...clinic }) }),
      );
    }
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

test('a booking_url of javascript:… is refused: a console error names booking_url, and there is no Book link', async () => {
  await withPage({}, async (page, log) => {
    await completeQuiz(page, PLAN.answers);
    assert.equal(await summary(page), summaryText('both'));
    assert.equal(await page.getByRole('link', { name: UI.en.book }).count(), 0, 'no Book link');
    assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0, 'no javascript: link at all');
    assert.ok(
      log.errors().some((e) => e.includes('booking_url')),
      `a console error names booking_url: ${JSON.stringify(log.errors())}`,
    );
  }, { clinic: { booking_url: 'javascript:alert(1)' } });
});

test('an accent of notacolor is refused with a console error naming accent; the app still works', async () => {
  await withPage({}, async (page, log) => {
    // openApp waited for the app to take over: it has read clinic.json.
    assert.ok(
      log.errors().some((e) => e.includes('accent')),
      `a console error names accent: ${JSON.stringify(log.errors())}`,
    );
    assert.ok(!log.errors().some((e) => e.includes('booking_url')), 'only the bad setting is reported');
    await completeQuiz(page, PLAN.answers);
    assert.equal(await summary(page), summaryText('both'));
    await page.getByRole('link', { name: UI.en.book }).waitFor();
  }, { clinic: { accent: 'notacolor' } });
});

test("a valid accent colours the primary button; a link's accent does not", async () => {
  await withPage({ accent: '#ff0000' }, async (page, log) => {
    const background = await nextButton(page).evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(background, 'rgb(138, 28, 74)');
    assert.deepEqual(log.errors(), [], 'no console error');
  }, { clinic: { accent: '#8a1c4a' } });
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

test("clinic_name, contact and booking_url from clinic.json are used", async () => {
  const query = {
    clinic_name: 'Clinique Essai',
    contact: 'Appelez le 514-555-0199.',
    booking_url: 'https://rdv.example.org/reserver?clinique=7',
  };
  await withPage({}, async (page, log) => {
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
    // The phone number can be tapped (issue 17).
    assert.equal(await page.getByRole('link', { name: '514-555-0199', exact: true }).getAttribute('href'), 'tel:+15145550199');
    assert.equal(await page.getByRole('link', { name: UI.en.book }).count(), 0);
    assert.deepEqual(log.errors(), [], 'no console error');
  }, { clinic: query });
});

// A clinic's own rules file (clinic.json's `rules_url`): Playwright answers the same-origin
// requests, so no file is written into dist/. A valid file changes what the finder says; an
// invalid one is refused with its JSON path in the console, and the built-in rules answer.
async function withRules(rulesPath, body, fn, { contextOptions = {}, respond = null } = {}) {
  const context = await newContext(suite.browser, contextOptions);
  try {
    const page = await context.newPage();
    const log = collectConsole(page);
    await page.route('**/clinic.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...CLINIC, rules_url: rulesPath }) }),
    );
    if (respond !== null) {
      await page.route(`**/${rulesPath}`, respond);
    } else if (body !== null) {
      await page.route(`**/${rulesPath}`, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body }),
      );
    }
    await openApp(page, appUrl(suite.server.url));
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

// Issue 14: a link anyone can send to the finder's own page.
test("a crafted link changes neither where the visitor books nor whom they call, and Copy link does not carry it on", async () => {
  const crafted = {
    booking_url: 'https://evil.example/phish',
    contact: 'Call 1-900-SCAM',
    clinic_name: 'Not the clinic',
    accent: '#ff0000',
    rules: 'clinic.json',
    lang: 'fr',
  };
  await withPage(crafted, async (page, log) => {
    // The language is the link's to choose.
    await waitForStep(page, 1, 'fr');
    await page.getByText(CLINIC.clinic_name.fr, { exact: true }).waitFor();
    assert.equal(await page.getByText(crafted.clinic_name).count(), 0, "the link's clinic name is not shown");
    await completeQuiz(page, PLAN.answers, 'fr');
    const href = await page.getByRole('link', { name: UI.fr.book }).getAttribute('href');
    assert.ok(href.startsWith(`${CLINIC.booking_url}?`), `the clinic's booking link: ${href}`);
    assert.ok(!href.includes('evil'), href);
    // Copy link: the finder's page, the answers in the fragment, and no query at all.
    const link = await copyLink(page, 'fr');
    assert.ok(link.startsWith(`${suite.server.url}/#v=1&`), link);
    assert.ok(!/evil|SCAM|booking_url|contact|clinic_name|accent|rules/.test(link), link);
    // Each ignored parameter is named on the console, as a warning, without its value.
    for (const key of ['booking_url', 'contact', 'clinic_name', 'accent', 'rules']) {
      const warnings = log.messages.filter((m) => m.type === 'warning').map((m) => m.text);
      assert.ok(warnings.some((w) => w.includes(`query parameter: ${key}: is ignored`)), `${key}: ${JSON.stringify(warnings)}`);
    }
    assert.ok(!log.messages.some((m) => /evil|SCAM/.test(m.text)), 'no console line repeats a crafted value');
    assert.deepEqual(log.errors(), [], 'no console error');
    // A consult shows the clinic's contact, not the link's.
    await page.getByRole('button', { name: UI.fr.back, exact: true }).click();
    await waitForStep(page, 3, 'fr');
    await page.getByRole('checkbox', { name: UI.fr.noneApply, exact: true }).uncheck();
    await page.getByRole('checkbox', { name: screeningLabel(CONSULT.answers.screening[0], 'fr'), exact: true }).check();
    await page.getByRole('button', { name: UI.fr.seeResult, exact: true }).click();
    await page.getByText(CLINIC.contact.fr).waitFor();
    assert.equal(await page.getByText(crafted.contact).count(), 0, "the link's contact is not shown");
  }, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
});

test('a rules file that redirects to another site is refused, even on a page whose policy would allow it', async () => {
  // Another origin that would serve the file to anyone (CORS *), and a page without the
  // app's CSP (as finder-api.js may run on one): only the code's own check stands.
  const body = editedRules((r) => {
    r.messages.summary_both.en = 'This text came from another site.';
  });
  const other = await servePages({
    '/rules.json': { html: body, headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' } },
  });
  try {
    const otherUrl = other.url.replace('127.0.0.1', 'localhost');
    assert.notEqual(new URL(otherUrl).origin, new URL(suite.server.url).origin);
    const respond = (route) => route.fulfill({ status: 302, headers: { Location: `${otherUrl}/rules.json` } });
    await withRules('moved-rules.json', null, async (page, log) => {
      await completeQuiz(page, PLAN.answers);
      assert.equal(await summary(page), summaryText('both'));
      assert.ok(
        log.errors().some((e) => e.includes('rules_url') && e.includes('redirected to another site')),
        `a console error says where it went: ${JSON.stringify(log.errors())}`,
      );
    }, { contextOptions: { bypassCSP: true }, respond });
  } finally {
    await other.close();
  }
});

test('a long e-mail address in the contact text does not scroll the page sideways at 320 px', async () => {
  const contact = 'Écrivez à reception.consultations.microaiguilletage.mesotherapie@clinique-dermo-esthetique-exemple-montreal.example.com';
  const clinic_name = 'Clinique-dermo-esthétique-Exemple-du-Plateau-Mont-Royal-à-Montréal';
  await withPage({}, async (page) => {
    await completeQuiz(page, CONSULT.answers);
    await page.getByText(contact).waitFor();
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth);
    assert.equal(overflow, 0, 'no sideways scrolling');
  }, { clinic: { contact, clinic_name }, contextOptions: { viewport: { width: 320, height: 640 } } });
});
