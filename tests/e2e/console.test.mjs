// The clinic's rules console (www/console.html, docs/console.md) in Chromium at a tablet's
// width: opening rules (built-in, a broken file, a dropped file), an age the engine refuses
// shown at its field with saving blocked, a Try preview that follows an edited interval,
// the sweep's count (and how long it takes), the saved file checked by `recommend lint` and
// answering every engine case exactly as `recommend --rules FILE` does, axe-core on every
// view in both languages, the French labels, and a finder page that never loads the console.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { CASES, DIST, RULES, TODAY, collectConsole, distAndBrowser, newContext, recordRequests } from './support.mjs';

const suite = distAndBrowser();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TABLET = { width: 768, height: 1024 };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const VIEWS = ['open', 'see', 'change', 'check', 'try', 'sweep', 'save', 'partners'];

/** Opens the console at `view` and waits until the engine has opened the built-in rules. */
async function openConsole(context, { view = 'open', lang = 'en' } = {}) {
  const page = await context.newPage();
  const logs = collectConsole(page);
  await page.goto(`${suite.server.url}/console.html?lang=${lang}#${view}`);
  await page.locator('#status-line').waitFor();
  await page.locator(`#main[data-view="${view}"] h2`).first().waitFor();
  return { page, logs };
}

/** Goes to a view through its link in the console's navigation. */
async function goTo(page, view) {
  await page.locator(`#tab-${view}`).click();
  await page.locator(`#main[data-view="${view}"] h2`).first().waitFor();
}

async function axe(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the built-in rules open at once, and See shows every goal, hard stop and age band with its source', async () => {
  const context = await newContext(suite.browser, { viewport: TABLET });
  const { page, logs } = await openConsole(context, { view: 'see' });
  assert.match(await page.locator('#status-line').textContent(), new RegExp(`built-in rules · revision “${RULES.revision}” · no changes · 0 errors`));
  const see = await page.locator('main').textContent();
  for (const g of RULES.goals) assert.ok(see.includes(g.label.en), `goal ${g.goal} is shown`);
  for (const s of RULES.screening) assert.ok(see.includes(s.label.en), `hard stop ${s.item} is shown`);
  for (const s of RULES.age_schedules) assert.ok(see.includes(s.id), `age band ${s.id} is shown`);
  assert.ok(see.includes('Source:') && see.includes('clinic default'));
  assert.ok(see.includes('cannot remove a hard stop'), 'the safety note is said');
  assert.deepEqual(logs.errors(), []);
  assert.deepEqual(logs.pageErrors, []);
  await context.close();
});

test('microneedling from 17: the engine’s error at the field, Check takes the keyboard there, and saving is blocked', async () => {
  const context = await newContext(suite.browser, { viewport: TABLET, acceptDownloads: true });
  const { page } = await openConsole(context, { view: 'change' });
  const field = page.locator('#f-settings-microneedling_min_age-value');
  await field.fill('17');
  await page.waitForFunction(() => document.querySelector('#f-settings-microneedling_min_age-value').getAttribute('aria-invalid') === 'true');
  const described = await field.evaluate((el) =>
    el.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' | '));
  assert.match(described, /18/, 'the field is described by the engine’s error');
  assert.match(described, /adults only/);
  assert.equal(await page.locator('#f-settings-microneedling_min_age .msg.error').count(), 1, 'the error is shown at the field');

  await goTo(page, 'check');
  const finding = page.locator('#errors-list button').filter({ hasText: 'microneedling' }).first();
  await finding.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'f-settings-microneedling_min_age-value');
  assert.equal(new URL(page.url()).hash, '#change');

  let downloads = 0;
  page.on('download', () => downloads++);
  await goTo(page, 'save');
  assert.match(await page.locator('#save-blocked').textContent(), /Saving is blocked: the rules have 1 error/);
  const save = page.locator('#save-button');
  assert.equal(await save.getAttribute('aria-disabled'), 'true');
  // Still focusable (aria-disabled), so its reason is read; pressing it downloads nothing.
  await save.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#save-status').textContent(), '');
  assert.equal(downloads, 0, 'nothing is downloaded');

  // Back to 22: nothing blocks saving any more.
  await goTo(page, 'change');
  await field.fill('22');
  await goTo(page, 'save');
  assert.equal(await page.locator('#save-blocked').count(), 0);
  assert.equal(await save.getAttribute('aria-disabled'), null);
  await context.close();
});

/** Ticks Dullness at 25 in Try: mesotherapy with its general course (no age band schedule). */
async function mesotherapyClient(page, lang = 'en') {
  await goTo(page, 'try');
  await page.getByRole('checkbox', { name: RULES.goals.find((g) => g.goal === 'dullness').label[lang], exact: true }).check();
  await page.locator('#try-age').fill('25');
  await page.locator('#try-edited [data-treatment="mesotherapy"]').waitFor();
}

const mesoDates = (page, column) =>
  page.locator(`#${column} [data-treatment="mesotherapy"] time`).evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));

test('a longer mesotherapy interval changes the Try preview of a mesotherapy client, beside the deployed rules', async () => {
  const context = await newContext(suite.browser, { viewport: TABLET });
  const { page } = await openConsole(context);
  await mesotherapyClient(page);
  const before = await mesoDates(page, 'try-edited');
  assert.ok(before.length >= 3, `dates: ${before}`);
  assert.deepEqual(await mesoDates(page, 'try-deployed'), before);
  assert.match(await page.locator('#try-diff').textContent(), /Same suggestion/);

  await goTo(page, 'change');
  await page.locator('#f-treatments-mesotherapy-interval_days-min').fill('21');
  await goTo(page, 'try');
  const after = await mesoDates(page, 'try-edited');
  assert.notDeepEqual(after, before, 'the edited rules give other dates');
  assert.deepEqual(await mesoDates(page, 'try-deployed'), before, 'the deployed rules keep theirs');
  assert.match(await page.locator('#try-diff').textContent(), /Different: .*session dates/);
  assert.equal(await page.locator('#try-edited .plan.changed').count(), 1, 'the plan is marked');

  // A ready-made client (an engine case) fills the answers.
  const name = CASES[0].name;
  await page.locator('#try-client').selectOption({ label: name });
  await page.locator('#try-use-client').click();
  await page.waitForFunction((age) => document.querySelector('#try-age').value === String(age), CASES[0].answers.age);
  await context.close();
});

test('the sweep runs every combination in a worker and says how many outcomes change', { timeout: 900_000 }, async () => {
  const context = await newContext(suite.browser, { viewport: TABLET });
  const { page } = await openConsole(context, { view: 'change' });
  await page.locator('#f-treatments-mesotherapy-interval_days-min').fill('21');
  await goTo(page, 'sweep');
  const total = await page.evaluate(async () => (await (await import('/console/engine.js')).loadEngine()).consoleSweepSize());
  const started = Date.now();
  await page.locator('#sweep-run').click();
  await page.locator('#sweep-progress').waitFor();
  await page.locator('#sweep-count').waitFor({ timeout: 880_000 });
  const seconds = (Date.now() - started) / 1000;
  const m = /^([\d,]+) of ([\d,]+) outcomes change\.$/.exec((await page.locator('#sweep-count').textContent()).trim());
  assert.ok(m, 'the count is said');
  const [changed, checked] = [m[1], m[2]].map((s) => Number(s.replaceAll(',', '')));
  assert.equal(checked, total, 'every combination is checked');
  assert.ok(changed > 0, 'a longer interval changes some outcomes');
  assert.equal(await page.locator('#sweep-progress').evaluate((p) => [p.value, p.max].join('/')), `${total}/${total}`);
  console.log(`# sweep: ${checked} combinations, ${changed} outcomes change, ${seconds.toFixed(1)} s in headless Chromium (worker: ${(await page.locator('#sweep-time').textContent()).trim()})`);
  // An example opens in Try with its answers.
  await page.locator('#sweep-examples button').first().click();
  await page.locator('#try-title').waitFor();
  await context.close();
});

test('the saved file passes recommend lint, and answers every engine case as recommend --rules does', { timeout: 300_000 }, async () => {
  // The real clock: `recommend` fills a missing `today` with the system date, as the page does.
  const context = await suite.browser.newContext({ viewport: TABLET, acceptDownloads: true });
  const { page } = await openConsole(context, { view: 'change' });
  await page.locator('#f-treatments-mesotherapy-interval_days-min').fill('21');
  await page.locator('#f-settings-event_buffer_days-value').fill('10');
  await goTo(page, 'save');
  const changes = await page.locator('#save-changes').textContent();
  assert.match(changes, /\$\.treatments\.mesotherapy\.interval_days\.min/);
  assert.match(changes, /14\s*→\s*21/);
  await page.locator('#save-revision').fill('clinic test 1');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-button').click()]);
  const dir = await mkdtemp(join(tmpdir(), 'console-'));
  try {
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const text = await readFile(file, 'utf8');
    const saved = JSON.parse(text);
    assert.equal(saved.revision, 'clinic test 1');
    assert.equal(saved.treatments.mesotherapy.interval_days.min, 21);
    assert.match(await page.locator('#save-status').textContent(), /Downloaded/);

    const lint = spawnSync('cargo', ['run', '--quiet', '--bin', 'recommend', '--', 'lint', file], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(lint.status, 0, `recommend lint: ${lint.stdout}${lint.stderr}`);

    // As Try asks: with the browser's date as `today` when the case has none, the date
    // `recommend` fills in from the system clock for the same answers.
    const inPage = await page.evaluate(async ({ text, cases }) => {
      const engine = await (await import('/console/engine.js')).loadEngine();
      const d = new Date();
      const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      return cases.map((c) => engine.consoleRecommend(text, JSON.stringify({ today, ...c.answers }), c.lang ?? 'en'));
    }, { text, cases: CASES });
    const bin = join(ROOT, 'target/debug/recommend');
    CASES.forEach((c, i) => {
      const cli = JSON.parse(execFileSync(bin, ['--rules', file, '--lang', c.lang ?? 'en', '-'], { input: JSON.stringify(c.answers), encoding: 'utf8' }));
      assert.ok(inPage[i].recommendation, `${c.name}: ${inPage[i].error}`);
      assert.deepEqual(inPage[i].recommendation, cli, c.name);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await context.close();
});

test('a broken file from disk is refused with a message naming what is wrong; the rules open stay; a dropped file opens', async () => {
  const context = await newContext(suite.browser, { viewport: TABLET });
  const { page } = await openConsole(context, { view: 'change' });
  await page.locator('#f-settings-combined_gap_days-value').fill('9');
  await goTo(page, 'open');
  await page.locator('#file-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": 2, "revision": ') });
  const notice = page.getByRole('alert');
  await notice.waitFor();
  const said = await notice.textContent();
  assert.match(said, /“broken\.json” could not be opened: .+ The rules you had open are kept\./);
  assert.match(await page.locator('#status-line').textContent(), /built-in rules · .* 1 change not saved/);
  await goTo(page, 'change');
  assert.equal(await page.locator('#f-settings-combined_gap_days-value').inputValue(), '9', 'the edit is kept');

  // Not a rules file at all (an unknown field): refused too, with the field's path.
  await goTo(page, 'open');
  const unknown = { ...RULES, colour: 'red' };
  await page.locator('#file-input').setInputFiles({ name: 'odd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(unknown)) });
  await page.getByRole('alert').filter({ hasText: 'odd.json' }).waitFor();
  assert.match(await page.getByRole('alert').textContent(), /colour/);

  // Past the engine's size limit: refused before it is read, saying how big it is.
  await goTo(page, 'open');
  await page.locator('#file-input').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(1_048_577, 32) });
  await page.getByRole('alert').filter({ hasText: 'huge.json' }).waitFor();
  assert.match(await page.getByRole('alert').textContent(), /it is 1,048,577 bytes, and a rules file is at most 1,048,576 bytes/);
  assert.match(await page.locator('#status-line').textContent(), /built-in rules · .* 1 change not saved/, 'the rules open stay');

  // Dropped on the drop zone: read in the page, never uploaded.
  const dropped = JSON.stringify({ ...RULES, revision: 'dropped 1' }, null, 2);
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    document.querySelector('#drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, dropped);
  await page.getByRole('status').filter({ hasText: 'Opened “dropped.json”' }).waitFor();
  assert.match(await page.locator('#status-line').textContent(), /dropped\.json · revision “dropped 1” · no changes/);
  await context.close();
});

for (const lang of ['en', 'fr']) {
  test(`axe-core finds no WCAG 2.2 AA violation on any view at 768 px (${lang})`, { timeout: 180_000 }, async () => {
    const context = await newContext(suite.browser, { viewport: TABLET });
    const { page } = await openConsole(context, { lang });
    const found = {};
    for (const view of VIEWS) {
      await goTo(page, view);
      if (view === 'try') await mesotherapyClient(page, lang);
      const v = await axe(page);
      if (v.length) found[view] = v;
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      assert.equal(sideways, false, `${view} scrolls sideways at 768 px`);
    }
    // With findings on show (an error at its field, and Check's list) and every part unfolded.
    await goTo(page, 'change');
    await page.locator('#parts-open-all').click();
    await page.locator('#f-messages-disclaimer-fr').waitFor();
    await page.locator('#f-settings-microneedling_min_age-value').fill('17');
    await page.locator('#f-settings-microneedling_min_age .msg.error').waitFor();
    for (const view of ['change', 'check', 'save']) {
      if (view !== 'change') await goTo(page, view);
      const v = await axe(page);
      if (v.length) found[`${view} with an error`] = v;
    }
    assert.deepEqual(found, {});
    await context.close();
  });
}

test('French labels once switched, and back', async () => {
  const context = await newContext(suite.browser, { viewport: TABLET });
  const { page } = await openConsole(context, { view: 'see' });
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('heading', { level: 1, name: 'Console des règles' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  const nav = await page.getByRole('navigation', { name: 'Sections de la console' }).textContent();
  for (const word of ['Ouvrir', 'Voir', 'Modifier', 'Vérifier', 'Essayer', 'Enregistrer']) assert.ok(nav.includes(word), word);
  assert.ok((await page.locator('main').textContent()).includes('La décision en un coup d’œil'));
  await goTo(page, 'change');
  assert.equal(await page.locator('label[for="f-settings-microneedling_min_age-value"]').textContent(), 'Âge minimum pour le microaiguilletage');
  await page.getByRole('button', { name: 'Objectifs' }).click();
  assert.ok((await page.locator('label[for="f-goals-0-label-fr"]').textContent()).includes('français'));
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rules console' }).waitFor();
  await context.close();
});

test('the finder’s page and its widget loader never load the console', async () => {
  const context = await newContext(suite.browser);
  const page = await context.newPage();
  const requests = await recordRequests(page);
  await page.goto(`${suite.server.url}/`);
  await page.locator('h2').first().waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(requests.all().filter((u) => /console/.test(new URL(u).pathname)), []);
  for (const file of ['index.html', 'start.js', 'first.js', 'embed.js', 'finder-api.js']) {
    const text = await readFile(join(ROOT, 'dist', file), 'utf8');
    assert.doesNotMatch(text, /console\.html|console\//, `${file} names the console`);
  }
  await context.close();
});

test('the clinic’s deployed rules: read from the file clinic.json names, compared with in Try, named in Save’s steps; another site’s file is refused', async () => {
  const context = await newContext(suite.browser, { viewport: TABLET });
  const deployed = { ...RULES, revision: 'clinic 7', treatments: { ...RULES.treatments, mesotherapy: { ...RULES.treatments.mesotherapy, interval_days: { ...RULES.treatments.mesotherapy.interval_days, min: 21 } } } };
  const clinic = JSON.parse(await readFile(join(ROOT, 'www/clinic.json'), 'utf8'));
  await context.route('**/clinic.json', (route) => route.fulfill({ json: { ...clinic, rules_url: 'rules/clinic-rules.json' } }));
  await context.route('**/rules/clinic-rules.json', (route) => route.fulfill({ json: deployed }));
  const { page } = await openConsole(context);
  await page.locator('#open-clinic-button').waitFor();
  assert.match(await page.locator('#clinic-line').textContent(), /names the rules file rules\/clinic-rules\.json/);

  // Try compares the built-in rules open here with the clinic's: the interval differs.
  await mesotherapyClient(page);
  assert.match(await page.locator('#try-deployed-title').textContent(), /the clinic’s deployed rules/);
  assert.match(await page.locator('#try-diff').textContent(), /session dates/);

  await goTo(page, 'open');
  await page.locator('#open-clinic-button').click();
  assert.match(await page.locator('#status-line').textContent(), /the clinic’s deployed rules · revision “clinic 7” · no changes/);
  await goTo(page, 'try');
  assert.match(await page.locator('#try-diff').textContent(), /Same suggestion/);
  await goTo(page, 'save');
  assert.match(await page.locator('.steps').textContent(), /in place of rules\/clinic-rules\.json/);
  assert.equal(await page.locator('#save-revision').inputValue(), `clinic 7 + edited ${TODAY}`);
  await context.close();

  const other = await newContext(suite.browser, { viewport: TABLET });
  await other.route('**/clinic.json', (route) => route.fulfill({ json: { ...clinic, rules_url: 'https://rules.example.com/clinic-rules.json' } }));
  const { page: page2 } = await openConsole(other);
  await page2.locator('#clinic-line').filter({ hasText: 'another site' }).waitFor();
  assert.equal(await page2.locator('#open-clinic-button').count(), 0);
  await other.close();
});

test('a French text left in English is marked at the French field, and its Check link goes there', async () => {
  const context = await newContext(suite.browser, { viewport: TABLET });
  const { page } = await openConsole(context, { view: 'change' });
  const english = RULES.goals[1].label.en;
  // The goals are folded at first: their button unfolds them.
  assert.equal(await page.locator('#f-goals-1-label-fr').count(), 0);
  await page.locator('#part-goals-toggle').click();
  await page.locator('#f-goals-1-label-fr').fill(english);
  assert.match(await page.locator('#part-goals-toggle').textContent(), /1 warning/);
  const warning = page.locator('#f-goals-1-label .msg.warning');
  await warning.waitFor();
  const [fr, en] = await Promise.all(['fr', 'en'].map((l) => page.locator(`#f-goals-1-label-${l}`).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' | '))));
  assert.match(fr, /French/, 'the French field is described by the warning');
  assert.doesNotMatch(en, /French/, 'the English field is not');
  await goTo(page, 'check');
  assert.match(await page.locator('#check-summary').textContent(), /0 errors, 1 warning/);
  // Folded again, the link still finds the field: it unfolds its part.
  await goTo(page, 'change');
  await page.locator('#part-goals-toggle').click();
  await page.locator('#f-goals-1-label-fr').waitFor({ state: 'detached' });
  await goTo(page, 'check');
  await page.locator('#warnings-list button').first().click();
  await page.waitForFunction(() => document.activeElement?.id === 'f-goals-1-label-fr');
  await context.close();
});

test('every fact keeps a source: "clinic default" asks for a note before saving', async () => {
  const context = await newContext(suite.browser, { viewport: TABLET });
  const { page } = await openConsole(context, { view: 'change' });
  const source = page.locator('#f-settings-event_buffer_days-source');
  const options = await source.locator('option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(options.includes('clinic default'));
  assert.ok(options.includes('001_8463ed7e798e68ea.txt'), 'the articles the built-in rules cite are offered');
  await source.selectOption('clinic default');
  await page.locator('#f-settings-event_buffer_days-note').fill('');
  const note = page.locator('#f-settings-event_buffer_days-note');
  await page.waitForFunction(() => document.querySelector('#f-settings-event_buffer_days-note').getAttribute('aria-invalid') === 'true');
  assert.match(await page.locator('#f-settings-event_buffer_days .msg.error').textContent(), /needs a note/);
  await goTo(page, 'save');
  assert.match(await page.locator('#save-blocked').textContent(), /1 error/);
  await goTo(page, 'change');
  await note.fill('The clinic’s own buffer.');
  await goTo(page, 'save');
  assert.equal(await page.locator('#save-blocked').count(), 0);
  assert.match(await page.locator('#save-changes').textContent(), /\$\.settings\.event_buffer_days\.source/);
  await context.close();
});

/**
 * Every text of `words` (strings, and what each function gives for a count of 1 and of 3 and
 * for a sample text), with where it is: the console's own words, as a staff member reads them.
 */
function textsOf(words, at = '') {
  const out = [];
  for (const [key, value] of Object.entries(words)) {
    const where = `${at}${key}`;
    if (typeof value === 'string') out.push([where, value]);
    else if (typeof value === 'function') {
      // A function of counts, of texts, or of both: each that it takes.
      for (const args of [[1, 1, 1], [3, 4, 5], ['X', 'Y', 'Z'], ['X', 3, 4], [3, 'X', 'Y']]) {
        let got;
        try {
          got = value(...args);
        } catch {
          continue;
        }
        if (typeof got === 'string') out.push([`${where}(${args.join(', ')})`, got]);
        else if (Array.isArray(got)) got.forEach((g, i) => typeof g === 'string' && out.push([`${where}(${args})[${i}]`, g]));
      }
    } else if (value && typeof value === 'object') out.push(...textsOf(value, `${where}.`));
  }
  return out;
}

test("the console's own words promise nothing, and its French is typeset for Québec, by the engine's own checks", async () => {
  // The console module, in Node: the same `engine::words` checks lint applies to a clinic's
  // texts and the tests to the finder's (`consoleWords`).
  const base = new URL('console/', pathToFileURL(join(DIST, '/')));
  const assets = (await import(new URL('assets.js', base).href)).default;
  const glue = await import(new URL(assets.glue, base).href);
  glue.initSync({ module: readFileSync(new URL(assets.wasm, base)) });
  const { WORDS } = await import('../../www/console/i18n.js');
  const partners = (await import('../../www/console/partners.js')).WORDS;
  const page = readFileSync(new URL('../../www/console.html', import.meta.url), 'utf8');
  const pageText = (lang) => [...page.matchAll(/<p( lang="fr")?>([^<]+)<\/p>/g)].filter((m) => !!m[1] === (lang === 'fr')).map((m, i) => [`console.html ${i}`, m[2]]);
  let checked = 0;
  const problems = [];
  for (const lang of ['en', 'fr']) {
    const texts = [...textsOf(WORDS[lang]), ...textsOf(partners[lang], 'partners.'), ...pageText(lang)];
    assert.ok(texts.length > 150, `${lang}: only ${texts.length} texts`);
    for (const [where, text] of texts) {
      for (const problem of glue.consoleWords(text, lang)) problems.push(`${lang} ${where}: ${problem}`);
      checked++;
    }
  }
  assert.deepEqual(problems, [], `${problems.length} problems in ${checked} texts`);
  // The checks themselves see what they must.
  assert.ok(glue.consoleWords('Erreur : rien', 'fr').length > 0, 'a breaking space before a colon');
  assert.ok(glue.consoleWords('Results are guaranteed.', 'en').length > 0, 'a claim');
});

test('closing the console with changes not downloaded asks first; once saved, it closes at once', async () => {
  const context = await newContext(suite.browser, { viewport: TABLET, acceptDownloads: true });
  for (const saveFirst of [false, true]) {
    const { page } = await openConsole(context, { view: 'change' });
    await page.locator('#f-settings-combined_gap_days-value').fill('9');
    if (saveFirst) {
      await goTo(page, 'save');
      await Promise.all([page.waitForEvent('download'), page.locator('#save-button').click()]);
    }
    const asked = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      dialog.dismiss(); // stay on the page
    });
    const next = page.waitForEvent(saveFirst ? 'close' : 'dialog');
    await page.close({ runBeforeUnload: true });
    await next;
    if (saveFirst) {
      assert.deepEqual(asked, [], 'saved: no question');
    } else {
      assert.deepEqual(asked, ['beforeunload'], 'unsaved: the browser asks');
      assert.equal(page.isClosed(), false, 'the page stays when the question is dismissed');
      await page.close();
    }
  }
  await context.close();
});
