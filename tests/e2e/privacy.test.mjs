// Privacy: the answers stay in the browser. After the page has loaded, the app makes no
// request at all; nothing ever goes to a host other than 127.0.0.1; no answer appears in a
// URL, in the console, or in storage unless the visitor ticks "Remember my answers".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import {
  CAUTION_IDS,
  HEALTH_ANSWERS,
  RECENT_IDS,
  SCREENING_IDS,
  UI,
  appUrl,
  cautionLabel,
  collectConsole,
  completeQuiz,
  copyLink,
  distAndBrowser,
  goalLabel,
  isLocalUrl,
  longDate,
  newContext,
  nextButton,
  openApp,
  recordRequests,
  screeningLabel,
  squash,
  stepNumber,
  summary,
  summaryText,
  waitForFocusedHeading,
  waitForStep,
  waitLabel,
} from './support.mjs';

const suite = distAndBrowser();

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
  // Waiting periods and soft warnings are health answers too: they change the plan's dates
  // and warnings on screen, and go nowhere else.
  recent: ['sunburn_or_tan'],
  cautions: ['otc_blood_thinners'],
};

/** The strings that would reveal an answer (health answers above all). */
function markers() {
  const list = [EVENT, EVENT.replaceAll('-', ''), longDate(EVENT), longDate(EVENT, 'fr'), 'stretch_marks', 'pigmentation'];
  for (const { id, labels } of HEALTH_ANSWERS) list.push(id, labels.en, labels.fr);
  return list;
}

/** The health answers (ids and labels, hard stops, waits and cautions) found in `text`. */
function healthLeaks(text) {
  const lower = decodeURIComponent(text).toLowerCase();
  return HEALTH_ANSWERS.flatMap(({ id, labels }) => [id, labels.en, labels.fr]).filter((m) => lower.includes(m.toLowerCase()));
}

/** Leaks of markers (or the marked age as a whole number) in `text`, URLs' hosts and ports aside. */
function leaks(text) {
  const found = markers().filter((m) => text.toLowerCase().includes(m.toLowerCase()));
  const withoutHosts = text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^/\s]+/gi, '');
  if (new RegExp(`(^|[^0-9A-Za-z])${AGE}([^0-9A-Za-z]|$)`).test(withoutHosts)) found.push(`age ${AGE}`);
  return found;
}

async function storageState(page) {
  return page.evaluate(async () => ({
    local: Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
    session: Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)])),
    cookie: document.cookie,
    indexedDB: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
    caches: 'caches' in self ? await caches.keys() : [],
  }));
}

test('a whole quiz makes no request after the page has loaded, and none off this machine', async () => {
  const context = await newContext(suite.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    const fromContext = await recordRequests(context);
    const page = await context.newPage();
    const fromPage = [];
    page.on('request', (r) => fromPage.push(r.url()));
    const log = collectConsole(page);

    await openApp(page, appUrl(suite.server.url));
    await page.waitForLoadState('networkidle');
    const initialPage = fromPage.length;
    const initialContext = fromContext.all().length;
    assert.ok(initialPage > 0, 'the page load was recorded');

    // The whole journey: a plan with dates, every action but print, then back to a consult.
    await completeQuiz(page, MARKED);
    assert.equal(await summary(page), summaryText('both'));
    await page.locator('[data-rule="recent.sunburn_or_tan"]').waitFor();
    await page.locator('[data-code="caution.otc_blood_thinners"]').waitFor();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: UI.en.calendar, exact: true }).click();
    await downloading;
    const planLink = await copyLink(page);
    assert.deepEqual(healthLeaks(planLink), [], `a health answer in the share link: ${planLink}`);
    await page.getByRole('button', { name: UI.en.switchTo, exact: true }).click();
    await page.getByRole('button', { name: UI.fr.switchTo, exact: true }).click();
    await page.getByRole('button', { name: UI.en.back, exact: true }).click();
    await waitForStep(page, 3);
    for (const item of SCREENING_IDS) {
      await page.getByRole('checkbox', { name: screeningLabel(item), exact: true }).check();
    }
    for (const item of RECENT_IDS) await page.getByRole('checkbox', { name: waitLabel(item), exact: true }).check();
    for (const item of CAUTION_IDS) await page.getByRole('checkbox', { name: cautionLabel(item), exact: true }).check();
    await page.getByRole('button', { name: UI.en.seeResult, exact: true }).click();
    await page.getByText(summaryText('consult'), { exact: true }).waitFor();
    const consultLink = await copyLink(page);
    assert.deepEqual(healthLeaks(consultLink), [], `a health answer in the share link: ${consultLink}`);
    await page.getByRole('button', { name: UI.en.startOver, exact: true }).click();
    await waitForStep(page, 1);
    await page.waitForLoadState('networkidle');

    assert.deepEqual(fromPage.slice(initialPage), [], 'requests made by the page after it loaded');
    assert.deepEqual(fromContext.all().slice(initialContext), [], 'requests made in the context after the page loaded');
    assert.deepEqual(fromContext.external(), [], 'requests to a host other than 127.0.0.1');
    for (const url of [...fromPage, ...fromContext.all()]) {
      assert.ok(isLocalUrl(url) && new URL(url).hostname === '127.0.0.1', `request off 127.0.0.1: ${url}`);
      assert.deepEqual(leaks(url.replace(suite.server.url, '')), [], `an answer in a request URL: ${url}`);
    }

    // Nothing stored without the opt-in.
    const stored = await storageState(page);
    assert.deepEqual(stored.local, {}, 'localStorage without the opt-in');
    assert.deepEqual(stored.session, {}, 'sessionStorage');
    assert.equal(stored.cookie, '', 'document.cookie');
    assert.deepEqual(stored.indexedDB, [], 'IndexedDB databases');
    assert.deepEqual(stored.caches, [], 'Cache Storage');
    assert.deepEqual((await context.cookies()).map((c) => c.name), [], 'cookies in the context');

    // Nothing about the answers in the console.
    for (const m of log.messages) {
      assert.deepEqual(leaks(m.text), [], `an answer in a console message: ${m.type}: ${m.text}`);
    }
    assert.deepEqual(log.errors(), [], 'console errors');
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
  } finally {
    await context.close();
  }
});

test('with "Remember my answers" ticked, a reload restores them (never the health answers); "Forget" empties storage', async () => {
  const context = await newContext(suite.browser);
  try {
    const page = await context.newPage();
    const log = collectConsole(page);
    await openApp(page, appUrl(suite.server.url));
    const remember = page.getByRole('checkbox', { name: UI.en.remember, exact: true });
    assert.equal(await remember.isChecked(), false, 'the opt-in starts unticked');
    await remember.check();

    await page.getByRole('checkbox', { name: goalLabel('pigmentation'), exact: true }).check();
    await page.getByRole('checkbox', { name: goalLabel('event'), exact: true }).check();
    await page.getByLabel(UI.en.eventDate, { exact: true }).fill(EVENT);
    await nextButton(page).click();
    await waitForStep(page, 2);
    await page.getByLabel(UI.en.age, { exact: true }).fill(String(AGE));
    await page.getByRole('checkbox', { name: UI.en.areas.body, exact: true }).check();
    await nextButton(page).click();
    await waitForStep(page, 3);
    await page.getByRole('checkbox', { name: screeningLabel('blood_thinners'), exact: true }).check();
    await page.getByRole('checkbox', { name: screeningLabel('pregnant_or_breastfeeding'), exact: true }).check();
    await page.getByRole('checkbox', { name: waitLabel('injectables_2_weeks'), exact: true }).check();
    await page.getByRole('checkbox', { name: cautionLabel('cold_sores'), exact: true }).check();

    const stored = await storageState(page);
    const keys = Object.keys(stored.local);
    assert.ok(keys.length > 0, 'the answers are saved in localStorage');
    const saved = Object.values(stored.local).join('\n');
    assert.ok(saved.includes(EVENT) && saved.includes(String(AGE)), `the saved data holds the answers: ${saved}`);
    assert.deepEqual(healthLeaks(saved), [], `the saved data holds a health answer: ${saved}`);
    assert.deepEqual(stored.session, {}, 'sessionStorage');
    assert.equal(stored.cookie, '', 'document.cookie');

    // Reload: the answers come back (walk back to step 1), the health answers do not.
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await remember.waitFor();
    assert.equal(await remember.isChecked(), true, 'the opt-in is remembered');
    let { n } = await stepNumber(page);
    assert.ok(n <= 3, `the result is not restored without the health check (step ${n})`);
    while (n > 1) {
      if (n === 3) {
        for (const { id, labels } of HEALTH_ANSWERS) {
          assert.equal(await page.getByRole('checkbox', { name: labels.en, exact: true }).isChecked(), false, id);
        }
      }
      if (n === 2) {
        assert.equal(await page.getByLabel(UI.en.age, { exact: true }).inputValue(), String(AGE));
        assert.equal(await page.getByRole('checkbox', { name: UI.en.areas.body, exact: true }).isChecked(), true);
      }
      await page.getByRole('button', { name: UI.en.back, exact: true }).click();
      n -= 1;
      await waitForStep(page, n);
    }
    assert.equal(await page.getByRole('checkbox', { name: goalLabel('pigmentation'), exact: true }).isChecked(), true);
    assert.equal(await page.getByLabel(UI.en.eventDate, { exact: true }).inputValue(), EVENT);

    // Forget: storage is emptied, the opt-in is off, and a reload starts afresh.
    await page.getByRole('button', { name: UI.en.forget, exact: true }).click();
    await page.waitForFunction(() => localStorage.length === 0);
    assert.deepEqual((await storageState(page)).local, {}, 'localStorage after "Forget my answers"');
    assert.equal(await remember.isChecked(), false, 'the opt-in is off after forgetting');
    await page.reload();
    await waitForStep(page, 1);
    assert.equal(await page.getByRole('checkbox', { name: goalLabel('pigmentation'), exact: true }).isChecked(), false);
    assert.deepEqual((await storageState(page)).local, {}, 'localStorage after a reload');

    // Unticking the opt-in also removes what was saved.
    await remember.check();
    await page.getByRole('checkbox', { name: goalLabel('hydration'), exact: true }).check();
    await page.waitForFunction(() => localStorage.length > 0);
    await remember.uncheck();
    await page.waitForFunction(() => localStorage.length === 0);

    for (const m of log.messages) assert.deepEqual(leaks(m.text), [], `an answer in the console: ${m.text}`);
    assert.deepEqual(log.errors(), [], 'console errors');
    assert.deepEqual(log.pageErrors, [], 'uncaught errors');
  } finally {
    await context.close();
  }
});

test('a second tab (or widget) that never opted in does not erase what the first one remembered', async () => {
  const context = await newContext(suite.browser);
  try {
    // The other tab is open first, so it starts with nothing saved and the box unticked.
    const other = await context.newPage();
    await openApp(other, appUrl(suite.server.url));
    await waitForStep(other, 1);

    const page = await context.newPage();
    await openApp(page, appUrl(suite.server.url));
    await page.getByRole('checkbox', { name: UI.en.remember, exact: true }).check();
    await page.getByRole('checkbox', { name: goalLabel('pigmentation'), exact: true }).check();
    await page.waitForFunction(() => localStorage.length > 0);
    const saved = await page.evaluate(() => JSON.stringify(localStorage));

    // The visitor uses the other tab without remembering: every change there re-renders it.
    await other.getByRole('checkbox', { name: goalLabel('hydration'), exact: true }).check();
    await nextButton(other).click();
    await waitForStep(other, 2);
    await other.getByRole('button', { name: UI.en.back, exact: true }).click();
    await waitForStep(other, 1);
    assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), saved, 'what the first tab saved');

    await page.reload();
    await waitForStep(page, 1);
    assert.equal(await page.getByRole('checkbox', { name: goalLabel('pigmentation'), exact: true }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: UI.en.remember, exact: true }).isChecked(), true);
  } finally {
    await context.close();
  }
});

test('saved data that cannot be read is left alone: a fresh start, no error shown; what can be read resumes', async () => {
  // Find the key(s) the app saves under.
  let keys;
  {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await openApp(page, appUrl(suite.server.url));
    await page.getByRole('checkbox', { name: UI.en.remember, exact: true }).check();
    await page.getByRole('checkbox', { name: goalLabel('hydration'), exact: true }).check();
    await page.waitForFunction(() => localStorage.length > 0);
    keys = await page.evaluate(() => Object.keys(localStorage));
    await context.close();
  }

  // `readable`: whether anything could be read (the answers resume, "Remember" stays ticked).
  const stored = [
    { value: '{not json', readable: false },
    { value: '', readable: false },
    { value: 'null', readable: false },
    { value: '[1,2,3]', readable: false },
    { value: '{"version":1,"step":"result","draft":{"goals":["tan"],"age":"-5"}}', readable: true },
    { value: '{"version":999,"step":"health","draft":{}}', readable: true },
  ];
  for (const { value, readable } of stored) {
    const context = await newContext(suite.browser);
    try {
      const what = `saved data ${JSON.stringify(value)}`;
      const page = await context.newPage();
      const log = collectConsole(page);
      // Stored before the app's page loads (its origin first, with nothing to start).
      await page.goto(`${suite.server.url}/clinic.json`);
      await page.evaluate(({ keys, value }) => keys.forEach((key) => localStorage.setItem(key, value)), { keys, value });
      await openApp(page, appUrl(suite.server.url));
      // Nothing can be read that leads past the goals: the first step, nothing ticked.
      await waitForStep(page, 1);
      assert.equal(await page.getByRole('checkbox', { name: goalLabel('hydration'), exact: true }).isChecked(), false, what);
      assert.equal(await page.getByRole('checkbox', { name: UI.en.remember, exact: true }).isChecked(), readable, what);
      assert.equal(await page.locator('.field-error').count(), 0, `no error shown for ${what}`);
      assert.deepEqual(log.errors(), [], `console errors for ${what}`);
      assert.deepEqual(log.pageErrors, [], `uncaught errors for ${what}`);
      // The app still works.
      await page.getByRole('checkbox', { name: goalLabel('dullness'), exact: true }).check();
      await nextButton(page).click();
      await waitForStep(page, 2);
      const left = await page.evaluate((keys) => keys.map((k) => localStorage.getItem(k)), keys);
      if (readable) {
        // Remembering, as the saved data asked: the new answers are saved.
        for (const text of left) assert.ok(text.includes('"dullness"'), `${what}: the new answers are saved (${text})`);
      } else {
        // Not deleted: perhaps a newer app's, which the visitor may open again.
        assert.deepEqual(left, keys.map(() => value), `${what} is left in storage`);
      }
    } finally {
      await context.close();
    }
  }
});

const CHOICE = {
  en: {
    title: 'You have answers saved on this device',
    saved: 'Your saved answers',
    link: 'The link’s answers',
    continue: 'Continue with my saved answers',
    open: 'Open the link’s answers',
  },
  fr: {
    title: 'Vous avez des réponses enregistrées sur cet appareil',
    saved: 'Vos réponses enregistrées',
    link: 'Les réponses du lien',
    continue: 'Continuer avec mes réponses enregistrées',
    open: 'Ouvrir les réponses du lien',
  },
};

/** The text of one side of the choice (the saved answers or the link's), by its heading. */
async function choiceSide(page, heading) {
  return squash(await page.locator('.resume-option').filter({ has: page.getByRole('heading', { name: heading, exact: true }) }).textContent());
}

/** localStorage as one text, to compare before and after. */
const storageText = (page) => page.evaluate(() => JSON.stringify(localStorage));

test('saved answers and a link that holds others: the visitor chooses, and nothing is replaced before', async () => {
  const context = await newContext(suite.browser);
  try {
    // Answers remembered on this device: pigmentation, at 57, left on step 2.
    const first = await context.newPage();
    await openApp(first, appUrl(suite.server.url));
    await first.getByRole('checkbox', { name: UI.en.remember, exact: true }).check();
    await first.getByRole('checkbox', { name: goalLabel('pigmentation'), exact: true }).check();
    await nextButton(first).click();
    await waitForStep(first, 2);
    await first.getByLabel(UI.en.age, { exact: true }).fill(String(AGE));
    await first.waitForFunction((age) => Object.values(localStorage).some((v) => v.includes(`"${age}"`)), AGE);
    const saved = await storageText(first);
    await first.close();

    const link = 'v=1&goals=hydration,scars&age=36&areas=face';
    for (const lang of ['en', 'fr']) {
      const page = await context.newPage();
      const log = collectConsole(page);
      await page.goto(appUrl(suite.server.url, {}, `${link}&lang=${lang}`));
      // The choice, its heading focused, each side saying what it holds.
      await waitForFocusedHeading(page, CHOICE[lang].title);
      const kept = await choiceSide(page, CHOICE[lang].saved);
      const offered = await choiceSide(page, CHOICE[lang].link);
      assert.ok(kept.includes(goalLabel('pigmentation', lang)) && kept.includes(String(AGE)), `${lang}: the saved side: ${kept}`);
      assert.ok(!kept.includes(goalLabel('hydration', lang)), `${lang}: the saved side: ${kept}`);
      for (const goal of ['hydration', 'scars']) assert.ok(offered.includes(goalLabel(goal, lang)), `${lang}: the link's side: ${offered}`);
      assert.ok(offered.includes('36'), `${lang}: the link's side: ${offered}`);
      assert.equal(await page.getByText(UI[lang].stepPattern).count(), 0, `${lang}: no step before the choice`);
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), [], `${lang}: axe on the choice`);
      assert.equal(await storageText(page), saved, `${lang}: nothing stored before the choice`);
      assert.deepEqual(log.errors(), [], `${lang}: console errors`);
      await page.close();
    }

    // "Continue with my saved answers", from the keyboard: the saved answers at their step,
    // the link's fragment gone from the address, storage as it was.
    const page = await context.newPage();
    await page.goto(appUrl(suite.server.url, {}, link));
    await waitForFocusedHeading(page, CHOICE.en.title);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), CHOICE.en.continue);
    await page.keyboard.press('Enter');
    await waitForStep(page, 2);
    assert.equal(await page.getByLabel(UI.en.age, { exact: true }).inputValue(), String(AGE));
    assert.equal(new URL(page.url()).hash, '', 'the link is gone from the address');
    assert.equal(await storageText(page), saved, 'storage unchanged');
    await page.reload();
    await waitForStep(page, 2);
    assert.equal(await page.getByLabel(UI.en.age, { exact: true }).inputValue(), String(AGE), 'a reload resumes the saved answers');

    // "Open the link's answers": the link's answers at the health step, remembered in place
    // of the saved ones because the visitor chose so.
    // (A new tab: in this one, only the fragment would change, and the page would not reload.)
    const linked = await context.newPage();
    await linked.goto(appUrl(suite.server.url, {}, link));
    await linked.getByRole('button', { name: CHOICE.en.open, exact: true }).click();
    await waitForStep(linked, 3);
    assert.equal(await linked.getByRole('checkbox', { name: UI.en.remember, exact: true }).isChecked(), true);
    await linked.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('"scars"')));
    await linked.getByRole('button', { name: UI.en.back, exact: true }).click();
    await waitForStep(linked, 2);
    assert.equal(await linked.getByLabel(UI.en.age, { exact: true }).inputValue(), '36');
    await linked.getByRole('button', { name: UI.en.back, exact: true }).click();
    await waitForStep(linked, 1);
    for (const goal of ['hydration', 'scars']) assert.equal(await linked.getByRole('checkbox', { name: goalLabel(goal), exact: true }).isChecked(), true, goal);
    assert.equal(await linked.getByRole('checkbox', { name: goalLabel('pigmentation'), exact: true }).isChecked(), false);
  } finally {
    await context.close();
  }
});

test('saved progress from a newer version resumes what can be read and stays in storage', async () => {
  const context = await newContext(suite.browser);
  try {
    const page = await context.newPage();
    await openApp(page, appUrl(suite.server.url));
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.deepEqual(keys, [], 'nothing saved yet');
    // What a newer finder might write: another version, fields and a goal this one does not
    // know, and a health answer (which this version never reads).
    const newer = JSON.stringify({
      version: 2,
      saved_at: '2027-01-01T10:00:00Z',
      step: 'about_you',
      draft: { goals: ['pigmentation', 'glow', 'scars'], age: String(AGE), areas: ['neck'], skin_type: 'oily', screening: ['blood_thinners'] },
    });
    await page.evaluate((text) => localStorage.setItem('treatment-finder:v1', text), newer);
    await page.reload();
    await waitForStep(page, 2);
    assert.equal(await page.getByLabel(UI.en.age, { exact: true }).inputValue(), String(AGE));
    assert.equal(await page.getByRole('checkbox', { name: UI.en.areas.neck, exact: true }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: UI.en.remember, exact: true }).isChecked(), true);
    assert.equal(await page.evaluate(() => localStorage.getItem('treatment-finder:v1')), newer, 'kept as the newer version wrote it');
    await nextButton(page).click();
    await waitForStep(page, 3);
    for (const { id, labels } of HEALTH_ANSWERS) {
      assert.equal(await page.getByRole('checkbox', { name: labels.en, exact: true }).isChecked(), false, id);
    }
    await page.getByRole('button', { name: UI.en.back, exact: true }).click();
    await page.getByRole('button', { name: UI.en.back, exact: true }).click();
    await waitForStep(page, 1);
    for (const goal of ['pigmentation', 'scars']) assert.equal(await page.getByRole('checkbox', { name: goalLabel(goal), exact: true }).isChecked(), true, goal);
  } finally {
    await context.close();
  }
});
