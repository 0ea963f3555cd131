// Complete questionnaires, as different clients would answer them, from the first question
// to the result. The browser's clock is fixed on the engine cases' `today` (2026-11-22), so
// the dated plans are the ones tests/data/recommend.json expects.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  HEALTH_ANSWERS,
  RULES,
  TODAY,
  UI,
  activeElement,
  addDays,
  answerAboutYou,
  answerGoals,
  answerHealth,
  answerSteps,
  appUrl,
  collectConsole,
  completeQuiz,
  copyLink,
  datesIn,
  days,
  distAndBrowser,
  engineCase,
  goalLabel,
  longDate,
  newContext,
  nextButton,
  openApp,
  ruleText,
  screeningLabel,
  squash,
  stepNumber,
  summary,
  summaryText,
  tabUntil,
  timelineEntries,
  waitForFocusedHeading,
  waitForFocusedStepHeading,
  waitForStep,
  waitLabel,
  waitForResult,
} from './support.mjs';

const suite = distAndBrowser();

/** A fresh context and page with the fixed clock; `fn(page, context, console)`, then checks no uncaught error. */
async function withPage(fn, contextOptions = {}) {
  const context = await newContext(suite.browser, contextOptions);
  try {
    const page = await context.newPage();
    const log = collectConsole(page);
    await fn(page, context, log);
    assert.deepEqual(log.pageErrors, [], 'uncaught errors in the page');
  } finally {
    await context.close();
  }
}

const treatmentName = (kind, lang = 'en') => RULES.treatments[kind].name[lang];
const bookLink = (page, lang = 'en') => page.getByRole('link', { name: UI[lang].book });

/** The session dates of an engine case, across treatments, sorted. */
function caseDates(c) {
  return Object.values(c.expect.dates).flat().sort();
}

test('hydration and scars at 36: both treatments, with every dated session on the timeline', async () => {
  const c = engineCase('issue example');
  await withPage(async (page) => {
    await openApp(page, appUrl(suite.server.url));
    const first = await stepNumber(page);
    assert.equal(first.n, 1, 'the questionnaire starts at step 1');
    assert.ok(first.of >= 3, `"Step 1 of ${first.of}": at least three steps`);

    await answerGoals(page, c.answers);
    await nextButton(page).click();
    await waitForStep(page, 2);
    assert.deepEqual(await stepNumber(page), { n: 2, of: first.of });
    await answerAboutYou(page, c.answers);
    await nextButton(page).click();
    await waitForStep(page, 3);
    assert.deepEqual(await stepNumber(page), { n: 3, of: first.of });
    await answerHealth(page, c.answers);
    await page.getByRole('button', { name: UI.en.seeResult, exact: true }).click();
    await waitForResult(page);

    assert.equal(await summary(page), summaryText('both'));

    // Reasons, each with its sources.
    const reasons = squash(await page.locator('main').textContent());
    for (const goal of ['hydration', 'scars']) {
      const rule = RULES.goals.find((g) => g.goal === goal);
      assert.ok(reasons.includes(ruleText(rule.reason.text)), `the reason for ${goal} is shown`);
    }
    assert.ok(reasons.includes(ruleText(RULES.combination.text)), 'the combination reason is shown');
    assert.ok(reasons.includes(UI.en.fromArticles), "reasons name the clinic's articles they come from");
    assert.ok(reasons.includes(UI.en.clinicPractice), "and the clinic's practice (the microneedling course)");
    assert.doesNotMatch(reasons, /\.txt|\(00\d\)/, 'no source file is shown by its name or number');

    // The timeline: every session of the engine case, in date order, as long dates.
    const entries = await timelineEntries(page);
    const expected = caseDates(c);
    assert.equal(entries.length, expected.length, `one timeline entry per session: ${JSON.stringify(entries)}`);
    assert.deepEqual(entries.map((e) => datesIn(e.text)[0]), expected);
    for (const [kind, dates] of Object.entries(c.expect.dates)) {
      for (const date of dates) {
        const entry = entries.find((e) => e.text.includes(longDate(date)));
        assert.ok(entry?.text.includes(treatmentName(kind)), `${longDate(date)} is a ${kind} session: ${entry?.text}`);
      }
    }
    assert.equal(expected[0], addDays(TODAY, RULES.settings.first_session_after_days.value), 'first session a week after today');

    // Aftercare, disclaimer and the actions.
    assert.ok(reasons.includes(ruleText(RULES.aftercare[0].text)), 'aftercare is shown');
    assert.ok(reasons.includes(ruleText(RULES.messages.disclaimer)), 'the disclaimer is shown');
    await bookLink(page).waitFor();
    for (const name of [UI.en.calendar, UI.en.copyLink, UI.en.print, UI.en.startOver]) {
      assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, `"${name}" button`);
    }

    // Start over returns to an empty first step.
    await page.getByRole('button', { name: UI.en.startOver, exact: true }).click();
    await waitForStep(page, 1);
    assert.equal(await page.getByRole('checkbox', { name: goalLabel('hydration'), exact: true }).isChecked(), false);
  });
});

test('an event in three weeks at 32: the course counted back from the event, nothing in the 14 days before it, and what did not fit said', async () => {
  const c = engineCase('an event in three weeks');
  const event = c.answers.event_date;
  assert.equal(event, addDays(TODAY, 21));
  const buffer = RULES.settings.event_buffer_days.value;
  await withPage(async (page) => {
    await openApp(page, appUrl(suite.server.url));
    // The date field appears only with the event goal.
    const dateField = page.getByLabel(UI.en.eventDate, { exact: true });
    assert.equal(await dateField.count(), 0, 'no event date field before the event goal is ticked');
    await completeQuiz(page, c.answers);

    assert.equal(await summary(page), summaryText('mesotherapy'));
    const entries = await timelineEntries(page);
    const dates = entries.map((e) => datesIn(e.text)[0]);
    const eventEntries = entries.filter((e) => e.text.includes(longDate(event)));
    assert.equal(eventEntries.length, 1, `the event is on the timeline: ${JSON.stringify(entries)}`);
    assert.deepEqual(dates, [...c.expect.dates.mesotherapy, event].sort(), 'sessions and the event, in date order');

    const sessions = entries.filter((e) => !e.text.includes(longDate(event))).map((e) => datesIn(e.text)[0]);
    assert.deepEqual(sessions, c.expect.dates.mesotherapy);
    for (const d of sessions) {
      assert.ok(d <= addDays(event, -buffer), `every session at least ${buffer} days before the event: ${d}`);
    }
    // The course is whole before the event or shortened there, never split around it, and
    // the result says what did not fit (the warnings' codes are the engine's contract).
    for (const code of c.expect.warnings) {
      const warning = page.locator(`[data-code="${code}"]`);
      await warning.waitFor();
      assert.ok(squash(await warning.textContent()).includes(longDate(event)), `${code} names the event's date`);
    }
    assert.equal(await page.locator('[data-code="sessions_after_event"]').count(), 0);
  });
});

for (const lang of ['en', 'fr']) {
  test(`an event in three days (${lang}): too close for any session, said in the summary and a warning, every session after it`, async () => {
    const event = addDays(TODAY, 3);
    const answers = { goals: ['event'], event_date: event, age: 36, screening: [] };
    await withPage(async (page) => {
      await openApp(page, appUrl(suite.server.url, { lang }));
      await completeQuiz(page, answers, lang);
      // (squash: French puts a no-break space before a colon; the page's text is read squashed.)
      const tooClose = ruleText(RULES.messages.summary_event_too_close, lang);
      assert.equal(await summary(page), tooClose);
      await waitForFocusedHeading(page, tooClose);
      const warning = page.locator('[data-code="event_too_close"]');
      await warning.waitFor();
      const text = squash(await warning.textContent());
      assert.ok(text.includes(longDate(event, lang)), `the warning names the event's date: ${text}`);
      assert.equal(datesIn(text, lang === 'en' ? 'fr' : 'en').length, 0, `no date in the other language: ${text}`);

      // The timeline starts with the event; every session comes after it.
      const entries = await timelineEntries(page);
      assert.equal(datesIn(entries[0].text, lang)[0], event, `the event first: ${JSON.stringify(entries)}`);
      assert.ok(entries.length > 1, 'a plan after the event');
      for (const e of entries.slice(1)) assert.ok(datesIn(e.text, lang)[0] > event, e.text);
      await page.getByRole('link', { name: UI[lang].book }).waitFor();
    });
  });

  test(`no visible redness with scars (${lang}): mesotherapy, and the trade-off is said, naming the goal`, async () => {
    const c = engineCase('issue 12 case 7: no redness for scars');
    await withPage(async (page) => {
      await openApp(page, appUrl(suite.server.url, { lang }));
      await completeQuiz(page, c.answers, lang);
      assert.equal(await summary(page), summaryText('mesotherapy', lang));
      const tradeOff = page.locator('[data-code="downtime_trade_off"]');
      await tradeOff.waitFor();
      const text = squash(await tradeOff.textContent());
      assert.ok(text.toLowerCase().includes(goalLabel('scars', lang).toLowerCase()), `the goal is named: ${text}`);
      assert.ok(!text.includes('{'), `no placeholder left: ${text}`);
      await page.locator(`[data-rule="downtime.prefers_no_redness"]`).waitFor();
      // Mesotherapy's own redness is said too.
      await page.locator('[data-code="redness_longer_than_accepted"]').waitFor();
    });
  });
}

test('a waiting period: the first session moves later, the reason says why, in English and French', async () => {
  const c = engineCase('injectables in the last 2 weeks');
  const [item] = c.answers.recent;
  const rule = RULES.waits.find((w) => w.item === item);
  await withPage(async (page) => {
    await openApp(page, appUrl(suite.server.url));
    await answerSteps(page, { ...c.answers, recent: [] }, 'en');
    // The wait is in its own group, "In the last few weeks"; ticking it unticks "none apply".
    const group = page.getByRole('group', { name: UI.en.healthGroups.recent, exact: true });
    assert.equal(await page.getByRole('checkbox', { name: UI.en.noneApply, exact: true }).isChecked(), true);
    await group.getByRole('checkbox', { name: waitLabel(item), exact: true }).check();
    assert.equal(await page.getByRole('checkbox', { name: UI.en.noneApply, exact: true }).isChecked(), false);
    await page.getByRole('button', { name: UI.en.seeResult, exact: true }).click();
    await waitForResult(page);

    assert.equal(await summary(page), summaryText(c.expect.treatment));
    const dates = (await timelineEntries(page)).map((e) => datesIn(e.text)[0]);
    assert.deepEqual(dates, c.expect.dates.mesotherapy);
    const usualFirst = addDays(TODAY, RULES.settings.first_session_after_days.value);
    assert.ok(dates[0] >= addDays(usualFirst, rule.days.value), `the first session ${dates[0]} is at least ${rule.days.value} days after ${usualFirst}`);

    for (const lang of ['en', 'fr']) {
      if (lang === 'fr') await page.getByRole('button', { name: UI.en.switchTo, exact: true }).click();
      const reason = page.locator(`[data-rule="recent.${item}"]`);
      await reason.locator('.reason-text').filter({ hasText: lang === 'fr' ? 'jours' : 'days' }).waitFor();
      const text = squash(await reason.locator('.reason-text').textContent());
      const expected = ruleText(rule.reason.text, lang, { days: days(rule.days.value, lang), date: longDate(dates[0], lang) });
      assert.equal(text, expected, `the waiting period's reason (${lang})`);
      const source = squash(await reason.locator('.source').textContent());
      assert.ok(source.length > 0 && !source.includes('clinic default'), `the reason cites its source in words: ${source}`);
    }
  });
});

test('soft warnings: each is said, and the plan is the same as without them', async () => {
  const c = engineCase('soft warnings change nothing');
  await withPage(async (page) => {
    await openApp(page, appUrl(suite.server.url, { lang: 'fr' }));
    await completeQuiz(page, c.answers, 'fr');
    const dates = (await timelineEntries(page)).map((e) => datesIn(e.text, 'fr')[0]);
    assert.deepEqual(dates, c.expect.dates.mesotherapy);
    for (const item of c.answers.cautions) {
      const warning = page.locator(`[data-code="caution.${item}"]`);
      await warning.waitFor();
      const rule = RULES.cautions.find((r) => r.item === item);
      assert.equal(squash(await warning.textContent()), ruleText(rule.warning.text, 'fr'));
    }
  });
});

test('a pregnancy: talk to a practitioner first, no booking link, no timeline', async () => {
  const c = engineCase('a pregnancy');
  await withPage(async (page) => {
    // booking_url is set (clinic.json): it must still be hidden for consult.
    await openApp(page, appUrl(suite.server.url));
    await completeQuiz(page, c.answers);

    assert.equal(await summary(page), summaryText('consult'));
    const reason = ruleText(RULES.screening.find((s) => s.item === 'pregnant_or_breastfeeding').reason.text);
    await page.getByText(reason).waitFor();
    assert.match(reason, /pregnan/i);
    assert.equal(await bookLink(page).count(), 0, 'no "Book a consultation" link for consult');
    assert.equal(await page.locator('#timeline').count(), 0, 'no timeline for consult');
    assert.equal(await page.getByRole('button', { name: UI.en.calendar }).count(), 0, 'no calendar for consult');
    assert.equal(datesIn(squash(await page.locator('main').textContent())).length, 0, 'no session date anywhere');
  });
});

test('French throughout with ?lang=fr: French summary, steps and dates', async () => {
  const c = engineCase('French texts');
  // The same answers (hydration at 36) with soft warnings, which change no date.
  const dates = engineCase('soft warnings change nothing').expect.dates.mesotherapy;
  await withPage(async (page) => {
    await openApp(page, appUrl(suite.server.url, { lang: 'fr' }));
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    await page.getByRole('heading', { level: 1, name: UI.fr.title }).waitFor();
    assert.deepEqual((await stepNumber(page, 'fr')).n, 1);
    await completeQuiz(page, c.answers, 'fr');

    assert.equal(await summary(page), squash(c.expect.summary));
    assert.equal(squash(c.expect.summary), summaryText('mesotherapy', 'fr'), "the rules' French summary");
    const entries = await timelineEntries(page);
    assert.deepEqual(entries.map((e) => datesIn(e.text, 'fr')[0]), dates);
    assert.ok(entries[0].text.includes('29 novembre 2026'), entries[0].text);
    for (const e of entries) assert.ok(e.text.includes(treatmentName('mesotherapy', 'fr')), e.text);
    const main = squash(await page.locator('main').textContent());
    assert.ok(main.includes(ruleText(RULES.messages.disclaimer, 'fr')), 'French disclaimer');
    assert.equal(datesIn(main, 'en').length, 0, 'no English date on the page');
    await page.getByRole('link', { name: UI.fr.book }).waitFor();
    await page.getByRole('button', { name: UI.fr.startOver, exact: true }).waitFor();
  });
});

test('French from the language button: an event warning with a French date', async () => {
  const c = engineCase('French event warning uses a French date');
  await withPage(async (page) => {
    await openApp(page, appUrl(suite.server.url));
    await page.getByRole('button', { name: UI.en.switchTo, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: UI.fr.title }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    await completeQuiz(page, c.answers, 'fr');
    // The event is nine days away: too close for a session before it, said with its French date.
    assert.equal(await page.locator('#result-summary').getAttribute('data-treatment'), 'mesotherapy');
    assert.equal(await summary(page), ruleText(RULES.messages.summary_event_too_close, 'fr'));
    const warning = page.locator('[data-code="event_too_close"]');
    assert.ok(squash(await warning.textContent()).includes(c.expect.warning_text_contains), 'a French date in the warning');
    const entries = await timelineEntries(page);
    assert.ok(entries.some((e) => e.text.includes(c.expect.warning_text_contains)), 'the event (1er décembre) is on the timeline');
  });
});

test('keyboard only: Tab, Space, arrow keys and Enter from the first question to the result, focus on each heading', async () => {
  const c = engineCase('one or two days of redness keeps microneedling'); // scars, 33, one_or_two_days
  await withPage(async (page) => {
    await openApp(page, appUrl(suite.server.url));
    const isNamed = (name) => (el) => el.name === name;

    // Step 1: tick the goal with Space, continue with Enter on Next.
    let el = await tabUntil(page, isNamed(goalLabel('scars')), { what: 'the scars checkbox' });
    assert.equal(el.type, 'checkbox');
    await page.keyboard.press('Space');
    assert.equal((await activeElement(page)).checked, true, 'Space ticks the goal');
    await tabUntil(page, (e) => e.tag === 'button' && e.name === UI.en.next, { what: 'Next' });
    await page.keyboard.press('Enter');
    await waitForStep(page, 2);
    await waitForFocusedStepHeading(page, 2);

    // Step 2: type the age, tick an area with Space (none is ticked for the visitor), pick the
    // redness answer with arrow keys, continue with Enter on Next.
    el = await tabUntil(page, isNamed(UI.en.age), { what: 'the age field' });
    await page.keyboard.type(String(c.answers.age));
    el = await tabUntil(page, isNamed(UI.en.areas.face), { what: 'the face checkbox' });
    assert.equal(el.checked, false, 'no area is ticked until the visitor chooses');
    await page.keyboard.press('Space');
    await tabUntil(page, (e) => e.type === 'radio', { what: 'the redness radio group' });
    // "Not sure", the last radio, is selected until the visitor chooses, so Tab lands on it;
    // ArrowUp twice moves to "One or two days" and selects it.
    const firstRadio = await activeElement(page);
    assert.equal(firstRadio.name, UI.en.downtime.not_sure);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    el = await activeElement(page);
    assert.equal(el.name, UI.en.downtime.one_or_two_days);
    assert.equal(el.checked, true, 'the arrow key selects the radio');
    await tabUntil(page, (e) => e.tag === 'button' && e.name === UI.en.next, { what: 'Next' });
    await page.keyboard.press('Enter');
    await waitForStep(page, 3);
    await waitForFocusedStepHeading(page, 3);

    // Step 3: "None of these apply to me", then "See my recommendation".
    await tabUntil(page, isNamed(UI.en.noneApply), { what: 'None of these apply' });
    await page.keyboard.press('Space');
    assert.equal((await activeElement(page)).checked, true);
    await tabUntil(page, (e) => e.tag === 'button' && e.name === UI.en.seeResult, { what: 'See my recommendation' });
    await page.keyboard.press('Enter');
    await waitForResult(page);
    await waitForFocusedHeading(page, summaryText('microneedling'));
    await waitForFocusedStepHeading(page, 4);
    assert.equal(await summary(page), summaryText(c.expect.treatment));

    // The result's actions are reachable by Tab; Start over returns focus to step 1's heading.
    await tabUntil(page, (e) => e.name === UI.en.startOver, { what: 'Start over' });
    await page.keyboard.press('Enter');
    await waitForStep(page, 1);
    await waitForFocusedStepHeading(page, 1);
  });
});

test('age 20 with scars: mesotherapy, because microneedling starts at 22', async () => {
  const c = engineCase('at 20 microneedling goals fall back to mesotherapy');
  await withPage(async (page) => {
    await openApp(page, appUrl(suite.server.url));
    await completeQuiz(page, c.answers);
    assert.equal(await summary(page), summaryText('mesotherapy'));
    const why = ruleText(RULES.messages.microneedling_min_age.text, 'en', {
      min_age: RULES.settings.microneedling_min_age.value,
      age: c.answers.age,
    });
    await page.getByText(why).waitFor();
    for (const goal of ['scars', 'texture']) {
      const alt = ruleText(RULES.goals.find((g) => g.goal === goal).alternative.reason.text);
      await page.getByText(alt).waitFor();
    }
    const entries = await timelineEntries(page);
    assert.ok(entries.length >= 3, 'a dated mesotherapy plan');
    assert.equal(datesIn(entries[0].text)[0], addDays(TODAY, 7));
    for (const e of entries) {
      assert.ok(e.text.includes(treatmentName('mesotherapy')) && !e.text.includes(treatmentName('microneedling')), e.text);
    }
  });
});

test('no visible redness at 33 with scars and hydration: mesotherapy, and the reason says why', async () => {
  const c = engineCase('no visible redness accepted');
  await withPage(async (page) => {
    await openApp(page, appUrl(suite.server.url));
    await completeQuiz(page, c.answers);
    assert.equal(await summary(page), summaryText('mesotherapy'));
    await page.getByText(ruleText(RULES.messages.prefers_no_redness.text)).waitFor();
  });
});

test("today comes from the browser's clock: another day gives another plan", async () => {
  const c = engineCase('28 is every three weeks'); // hydration at 28: every 21 days
  const context = await suite.browser.newContext({ locale: 'en-CA', timezoneId: 'America/Montreal' });
  try {
    await context.clock.setFixedTime(new Date('2027-01-10T23:30:00-05:00')); // late evening in Montreal
    const page = await context.newPage();
    await openApp(page, appUrl(suite.server.url));
    await completeQuiz(page, c.answers);
    const shift = (d) => addDays(d, 49); // 2026-11-22 → 2027-01-10
    const dates = (await timelineEntries(page)).map((e) => datesIn(e.text)[0]);
    assert.deepEqual(dates, c.expect.dates.mesotherapy.map(shift));
    assert.equal(dates[0], '2027-01-17', "the first session is a week after the browser's today");
  } finally {
    await context.close();
  }
});

test('switching language mid-quiz keeps every answer', async () => {
  await withPage(async (page) => {
    await openApp(page, appUrl(suite.server.url));
    await answerGoals(page, { goals: ['hydration', 'scars', 'event'], event_date: '2027-02-14' });
    await page.getByRole('button', { name: UI.en.switchTo, exact: true }).click();
    await waitForStep(page, 1, 'fr');
    for (const goal of ['hydration', 'scars', 'event']) {
      assert.equal(await page.getByRole('checkbox', { name: goalLabel(goal, 'fr'), exact: true }).isChecked(), true, goal);
    }
    assert.equal(await page.getByRole('checkbox', { name: goalLabel('pores', 'fr'), exact: true }).isChecked(), false);
    assert.equal(await page.getByLabel(UI.fr.eventDate, { exact: true }).inputValue(), '2027-02-14');

    await nextButton(page, 'fr').click();
    await waitForStep(page, 2, 'fr');
    await answerAboutYou(page, { age: 41, areas: ['face', 'neck'], downtime: 'a_week' }, 'fr');
    await page.getByRole('button', { name: UI.fr.switchTo, exact: true }).click();
    await waitForStep(page, 2, 'en');
    assert.equal(await page.getByLabel(UI.en.age, { exact: true }).inputValue(), '41');
    assert.equal(await page.getByRole('checkbox', { name: UI.en.areas.neck, exact: true }).isChecked(), true);
    assert.equal(await page.getByRole('radio', { name: UI.en.downtime.a_week, exact: true }).isChecked(), true);

    await nextButton(page).click();
    await waitForStep(page, 3);
    await page.getByRole('checkbox', { name: screeningLabel('blood_thinners'), exact: true }).check();
    await page.getByRole('button', { name: UI.en.switchTo, exact: true }).click();
    await waitForStep(page, 3, 'fr');
    assert.equal(await page.getByRole('checkbox', { name: screeningLabel('blood_thinners', 'fr'), exact: true }).isChecked(), true);

    await page.getByRole('button', { name: UI.fr.back, exact: true }).click();
    await waitForStep(page, 2, 'fr');
    assert.equal(await page.getByLabel(UI.fr.age, { exact: true }).inputValue(), '41');
    await page.getByRole('button', { name: UI.fr.back, exact: true }).click();
    await waitForStep(page, 1, 'fr');
    assert.equal(await page.getByRole('checkbox', { name: goalLabel('scars', 'fr'), exact: true }).isChecked(), true);

    // The result follows the language too.
    await nextButton(page, 'fr').click();
    await waitForStep(page, 2, 'fr');
    await nextButton(page, 'fr').click();
    await waitForStep(page, 3, 'fr');
    await page.getByRole('checkbox', { name: screeningLabel('blood_thinners', 'fr'), exact: true }).uncheck();
    await page.getByRole('checkbox', { name: UI.fr.noneApply, exact: true }).check();
    await page.getByRole('button', { name: UI.fr.seeResult, exact: true }).click();
    await waitForResult(page);
    assert.equal(await summary(page), summaryText('both', 'fr'));
    await page.getByRole('button', { name: UI.fr.switchTo, exact: true }).click();
    await page.getByText(summaryText('both', 'en'), { exact: true }).waitFor();
  });
});

test('booking link, calendar file and share link carry no health answer', async () => {
  const c = engineCase('issue example');
  const origin = suite.server.url;
  await withPage(
    async (page) => {
      // The clinic's booking_url (clinic.json).
      await openApp(page, appUrl(suite.server.url));
      await completeQuiz(page, { ...c.answers, areas: ['face', 'neck'], downtime: 'a_week' });
      assert.equal(await summary(page), summaryText('both'));

      // Book: the clinic's URL plus treatment and lang, nothing else.
      const href = await bookLink(page).getAttribute('href');
      const url = new URL(href);
      assert.equal(url.origin + url.pathname, 'https://booking.example.com/consultation');
      assert.deepEqual([...url.searchParams.keys()].sort(), ['lang', 'treatment']);
      assert.equal(url.searchParams.get('treatment'), 'both');
      assert.equal(url.searchParams.get('lang'), 'en');
      assert.equal(url.hash, '');

      // Calendar: one VEVENT per session, on the plan's dates, and no answer in it.
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: UI.en.calendar, exact: true }).click();
      const download = await downloading;
      assert.match(download.suggestedFilename(), /\.ics$/);
      await page.getByRole('status').filter({ hasText: 'Calendar file downloaded.' }).waitFor();
      const ics = await readFile(await download.path(), 'utf8');
      const expected = caseDates(c);
      assert.equal(ics.match(/^BEGIN:VEVENT\r?$/gm)?.length, expected.length, 'one VEVENT per session');
      const starts = [...ics.matchAll(/^DTSTART[^:\r\n]*:(\d{4})(\d{2})(\d{2})/gm)].map(([, y, m, d]) => `${y}-${m}-${d}`);
      assert.deepEqual(starts.sort(), expected);
      assert.match(ics, /^BEGIN:VCALENDAR\r?$/m);
      assertNoHealthAnswer(ics, 'the calendar file');

      // Print: the browser's print dialog (stubbed here) is asked for.
      await page.evaluate(() => {
        window.__printed = 0;
        window.print = () => {
          window.__printed += 1;
        };
      });
      await page.getByRole('button', { name: UI.en.print, exact: true }).click();
      await page.waitForFunction(() => window.__printed === 1);

      // Share link of a plan: no health answer either.
      const link = await copyLink(page);
      assert.ok(link.startsWith(`${origin}/`), link);
      assertNoHealthAnswer(new URL(link).hash, 'the share link');
    },
    { permissions: ['clipboard-read', 'clipboard-write'] },
  );
});

test('the share link of a health-screened client holds no screening answer and restores goals and age', async () => {
  const answers = {
    goals: ['fine_lines', 'event'],
    event_date: '2027-03-20',
    age: 47,
    areas: ['face', 'decolletage'],
    downtime: 'one_or_two_days',
    screening: ['blood_thinners', 'keloid_scarring'],
    recent: ['sunburn_or_tan'],
    cautions: ['cold_sores'],
  };
  let link;
  await withPage(
    async (page) => {
      await openApp(page, appUrl(suite.server.url));
      await completeQuiz(page, answers);
      assert.equal(await summary(page), summaryText('consult'));
      link = await copyLink(page);
    },
    { permissions: ['clipboard-read', 'clipboard-write'] },
  );
  const url = new URL(link);
  assert.ok(url.hash.length > 1, `the link has a fragment: ${link}`);
  assert.equal(url.search, '', 'answers are in the fragment, not the query');
  assertNoHealthAnswer(url.hash, 'the share link');

  // Opened elsewhere (a fresh browser profile): goals, event and age come back; health does not.
  await withPage(async (page) => {
    await openApp(page, link);
    let { n } = await stepNumber(page);
    assert.ok(n <= 3, `a shared link does not open on the result (step ${n})`);
    while (n > 1) {
      if (n === 3) {
        for (const { id, labels } of HEALTH_ANSWERS) {
          const box = page.getByRole('checkbox', { name: labels.en, exact: true });
          assert.equal(await box.isChecked(), false, `${id} is not restored from a link`);
        }
        assert.equal(await page.getByRole('checkbox', { name: UI.en.noneApply, exact: true }).isChecked(), false);
      }
      if (n === 2) {
        assert.equal(await page.getByLabel(UI.en.age, { exact: true }).inputValue(), String(answers.age));
        assert.equal(await page.getByRole('checkbox', { name: UI.en.areas.decolletage, exact: true }).isChecked(), true);
        assert.equal(await page.getByRole('radio', { name: UI.en.downtime.one_or_two_days, exact: true }).isChecked(), true);
      }
      await page.getByRole('button', { name: UI.en.back, exact: true }).click();
      n -= 1;
      await waitForStep(page, n);
    }
    for (const goal of answers.goals) {
      assert.equal(await page.getByRole('checkbox', { name: goalLabel(goal), exact: true }).isChecked(), true, goal);
    }
    assert.equal(await page.getByRole('checkbox', { name: goalLabel('hydration'), exact: true }).isChecked(), false);
    assert.equal(await page.getByLabel(UI.en.eventDate, { exact: true }).inputValue(), answers.event_date);
  });
});

/**
 * Fails if `text` holds a health answer's id or label (hard stop, waiting period or soft
 * warning), or the "none apply" answer.
 */
function assertNoHealthAnswer(text, what) {
  const lower = decodeURIComponent(text).toLowerCase();
  for (const { id, labels } of HEALTH_ANSWERS) {
    assert.ok(!lower.includes(id.toLowerCase()), `${what} holds the health answer ${id}`);
    for (const lang of ['en', 'fr']) {
      assert.ok(!lower.includes(labels[lang].toLowerCase()), `${what} holds the label of ${id}`);
    }
  }
  for (const word of ['screen', 'health', 'none_apply', 'pregnan', 'allerg', 'recent', 'caution', UI.en.noneApply.toLowerCase()]) {
    assert.ok(!lower.includes(word), `${what} holds "${word}"`);
  }
}

test('printing or saving as PDF puts the whole plan on one clean page, Letter or A4, in either language', async () => {
  // The shortest kind of plan and the longest the rules can make: every goal, an event in three
  // weeks (so a warning), 50 years old (mesotherapy twice a week), every area.
  const LONGEST = {
    goals: ['hydration', 'texture', 'scars', 'fine_lines', 'pigmentation', 'dullness', 'pores', 'stretch_marks', 'event'],
    event_date: addDays(TODAY, 21),
    age: 50,
    areas: ['face', 'neck', 'decolletage', 'body'],
    downtime: 'a_week',
    screening: [],
  };
  const context = await newContext(suite.browser);
  try {
    const page = await context.newPage();
    const pages = [];
    for (const [name, answers] of [['hydration and scars', engineCase('issue example').answers], ['the longest plan', LONGEST]]) {
      for (const lang of ['en', 'fr']) {
        await openApp(page, appUrl(suite.server.url, { lang }));
        await completeQuiz(page, answers, lang);
        await page.locator('#timeline').waitFor();
        for (const format of ['Letter', 'A4']) {
          const pdf = (await page.pdf({ format })).toString('latin1');
          const count = pdf.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
          pages.push(`${name}, ${lang}, ${format}: ${count} page(s)`);
        }
        // What is printed: the plan and its dates; no buttons, no questionnaire controls. (A
        // detail section's heading is its folding button; on paper it is the heading's text.)
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('button:visible:not(.fold-button), input:visible').count(), 0, `${name} (${lang}): controls on paper`);
        assert.deepEqual(
          await page.locator('button.fold-button').evaluateAll((all) => all.map((b) => [getComputedStyle(b).borderBottomStyle, getComputedStyle(b, '::after').display, b.closest('h3') !== null])),
          [['none', 'none', true], ['none', 'none', true], ['none', 'none', true]],
          `${name} (${lang}): the sections' headings print as headings, without a button's line or arrow`,
        );
        assert.ok(await page.locator('#timeline').isVisible(), `${name} (${lang}): the dated plan on paper`);
        await page.emulateMedia({ media: null }); // back to the default: print for page.pdf()
      }
    }
    assert.deepEqual(pages.filter((p) => !p.endsWith(': 1 page(s)')), [], pages.join('\n'));
  } finally {
    await context.close();
  }
});
