// Performance benchmark: the treatment finder (a Trunk release build) against the same
// questionnaire built with SurveyJS, in Debian's headless Chromium via playwright-core.
//
//   node bench/run.mjs [--runs N] <finder-dist-folder>      (scripts/bench builds and calls it)
//
// For each app it does N cold runs (a fresh browser context each, HTTP cache disabled),
// interleaved and alternating which app goes first, after one discarded warm-up run each.
// Measured in the page, with performance.now() (0 = navigation start), so Playwright's own
// round trips do not count:
//   - time to first question: until the first goal checkbox ("Hydration") is in the page,
//     laid out, visible, enabled and the topmost element at its centre (or its label);
//   - last answer → result: from the click on "See my recommendation" (a capture-phase
//     listener) until #result-summary is visible with text.
// Bytes: every response of the app's own server during a run (derived from the requests
// Chromium made, not a list of files), raw and gzip -9, plus what crossed the wire.
// Prints a markdown table and writes it, with the details, to bench/results.md.

import { cpus, loadavg, tmpdir } from 'node:os';
import { copyFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlibConstants } from 'node:zlib';
import {
  answerAboutYou,
  answerGoals,
  answerHealth,
  goalLabel,
  launchBrowser,
  nextButton,
  serveDist,
  UI,
  waitForStep,
} from '../tests/e2e/support.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '..');
const RESULTS = join(HERE, 'results.md');

const BUDGET_KB = 120;
const AIM_KB = 90;
const KB = 1000; // 1 KB = 1,000 bytes (stricter than 1,024 for the budget check)
const RATIO_GOAL = 0.5;
const TIMEOUT = 30_000;
const BUSY = 0.15; // CPU share used by other work above which the times are flagged as noisy

// The answers of the timed journey (the engine's input format): gives "both".
const ANSWERS = { goals: ['hydration', 'scars'], age: 36, downtime: 'one_or_two_days', screening: [] };
const FIRST_GOAL = goalLabel('hydration');

// ---------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  let runs = Number(process.env.RUNS || 7);
  let dist;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') runs = Number(argv[++i]);
    else if (a.startsWith('--runs=')) runs = Number(a.slice(7));
    else if (a === '-h' || a === '--help') {
      console.log('usage: node bench/run.mjs [--runs N] <finder-dist-folder>   (RUNS=N also works)');
      process.exit(0);
    } else if (!dist) dist = a;
    else throw new Error(`unexpected argument: ${a}`);
  }
  if (!dist) throw new Error('usage: node bench/run.mjs [--runs N] <finder-dist-folder>');
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, not ${runs}`);
  return { runs, dist: resolve(dist) };
}

// ---------------------------------------------------------------------------------------
// The SurveyJS page: bench/surveyjs/ plus the SurveyJS files from node_modules, in a temp folder.

const SURVEYJS_FILES = [
  'survey-core/survey.core.min.js',
  'survey-core/survey-core.fontless.min.css',
  'survey-js-ui/survey-js-ui.min.js',
];

async function surveyjsRoot() {
  const dir = await mkdtemp(join(tmpdir(), 'bench-surveyjs-'));
  const page = join(HERE, 'surveyjs');
  for (const name of await readdir(page)) await copyFile(join(page, name), join(dir, name));
  for (const file of SURVEYJS_FILES) {
    const from = join(ROOT, 'node_modules', file);
    try {
      await stat(from);
    } catch {
      throw new Error(`${from} is missing: run npm ci (scripts/bench does it)`);
    }
    await copyFile(from, join(dir, file.split('/').pop()));
  }
  const pkg = async (name) => JSON.parse(await readFile(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  return { dir, version: `survey-core ${await pkg('survey-core')}, survey-js-ui ${await pkg('survey-js-ui')}` };
}

// ---------------------------------------------------------------------------------------
// The in-page probe, installed before any of the page's scripts (context.addInitScript).

function probe({ firstLabel }) {
  const squash = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const bench = (window.__bench = {
    firstQuestion: null,
    firstQuestionFrame: null,
    armed: false,
    lastClick: null,
    result: null,
    resultFrame: null,
  });
  // The end of the next frame after `key` was reached (a task posted from requestAnimationFrame
  // runs once that frame is handed to the compositor): roughly when it reached the screen.
  const afterNextFrame = (key) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        bench[key] = performance.now();
      };
      channel.port2.postMessage(0);
    });

  const nameOf = (input) => {
    const ids = input.getAttribute('aria-labelledby');
    if (ids) {
      const text = ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      if (squash(text)) return squash(text);
    }
    if (input.getAttribute('aria-label')) return squash(input.getAttribute('aria-label'));
    return squash([...(input.labels || [])].map((l) => l.textContent).join(' '));
  };

  // Visible (CSS), with a box, and when inside the viewport the topmost thing at its centre.
  const shown = (el, also = []) => {
    if (!el.isConnected || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return true;
    const hit = document.elementFromPoint(x, y);
    return !!hit && [el, ...also].some((e) => e === hit || e.contains(hit));
  };

  const firstQuestionReady = () => {
    for (const input of document.querySelectorAll('input[type="checkbox"]')) {
      const name = nameOf(input);
      if (name !== firstLabel && !name.startsWith(`${firstLabel} `)) continue;
      if (input.matches(':disabled') || input.closest('[inert], [aria-busy="true"]')) continue;
      const labels = [...(input.labels || [])];
      // The visitor clicks the box or its label, whichever is actually on screen.
      if ([input, ...labels].some((el) => shown(el, [input, ...labels]))) return true;
    }
    return false;
  };

  const resultShown = () => {
    const el = document.getElementById('result-summary');
    return !!el && squash(el.textContent) !== '' && el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
      el.getBoundingClientRect().height > 0;
  };

  const check = () => {
    if (bench.firstQuestion === null && firstQuestionReady()) {
      bench.firstQuestion = performance.now();
      afterNextFrame('firstQuestionFrame');
    }
    if (bench.lastClick !== null && bench.result === null && resultShown()) {
      bench.result = performance.now();
      afterNextFrame('resultFrame');
    }
  };

  addEventListener(
    'click',
    () => {
      if (bench.armed && bench.lastClick === null) bench.lastClick = performance.now();
    },
    true,
  );
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  // Style-only changes (a stylesheet arriving, a transition ending) are not mutations.
  const frame = () => {
    check();
    if (bench.firstQuestion === null || bench.result === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

// ---------------------------------------------------------------------------------------
// Driving each questionnaire to its last answer (the timed click is done by `run`).

async function finderToLastAnswer(page) {
  await answerGoals(page, ANSWERS);
  await nextButton(page).click();
  await waitForStep(page, 2);
  await answerAboutYou(page, ANSWERS);
  await nextButton(page).click();
  await waitForStep(page, 3);
  await answerHealth(page, ANSWERS);
  return page.getByRole('button', { name: UI.en.seeResult, exact: true });
}

async function surveyjsToLastAnswer(page) {
  // SurveyJS hides its inputs under a drawn box: a visitor clicks the label's text.
  const tick = async (role, name) => {
    await page.getByText(name, { exact: true }).click();
    if (!(await page.getByRole(role, { name, exact: true }).isChecked())) throw new Error(`SurveyJS: "${name}" did not get checked`);
  };
  for (const goal of ANSWERS.goals) await tick('checkbox', goalLabel(goal));
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByText('About you', { exact: true }).first().waitFor();
  await page.getByRole('spinbutton').first().fill(String(ANSWERS.age));
  await tick('radio', UI.en.downtime[ANSWERS.downtime]);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByText('A short health check', { exact: true }).first().waitFor();
  await tick('checkbox', UI.en.noneApply);
  return page.getByRole('button', { name: UI.en.seeResult, exact: true });
}

// ---------------------------------------------------------------------------------------
// One cold run of one app.

async function run(browser, app) {
  const context = await browser.newContext({ locale: 'en-CA', viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(TIMEOUT);
  await context.addInitScript(probe, { firstLabel: FIRST_GOAL });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  const cdp = await context.newCDPSession(page);
  const responses = new Map();
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    responses.set(requestId, { url: response.url, status: response.status, wire: 0, done: false });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const r = responses.get(requestId);
    if (r) Object.assign(r, { wire: encodedDataLength, done: true });
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

  try {
    await page.goto(app.url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.firstQuestion != null, null, { polling: 50, timeout: TIMEOUT });
    const last = await app.toLastAnswer(page);
    await last.waitFor();
    await page.evaluate(() => {
      window.__bench.armed = true;
    });
    await last.click();
    await page.waitForFunction(() => window.__bench?.resultFrame != null, null, { polling: 50, timeout: TIMEOUT });
    const b = await page.evaluate(() => ({
      ...window.__bench,
      summary: document.getElementById('result-summary').textContent,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
      // When each file was requested and fully received (ms from navigation start).
      timing: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
        path: new URL(e.name).pathname.replace(/\/$/, '/index.html'),
        start: e.entryType === 'navigation' ? 0 : e.startTime,
        end: e.responseEnd,
      })),
    }));
    // Let late requests (a favicon, a lazily loaded file) finish before counting bytes.
    await page.waitForLoadState('load');
    await page.waitForTimeout(200);
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    return {
      firstQuestion: b.firstQuestion,
      firstQuestionFrame: b.firstQuestionFrame,
      resultFrame: b.resultFrame - b.lastClick,
      fcp: b.fcp,
      dcl: b.dcl,
      timing: b.timing,
      lastToResult: b.result - b.lastClick,
      summary: b.summary.replace(/\s+/g, ' ').trim(),
      responses: [...responses.values()].filter((r) => /^https?:/.test(r.url)),
    };
  } finally {
    await context.close();
    // Let the closed context's renderer exit before the next run starts.
    await new Promise((ok) => setTimeout(ok, 300));
  }
}

// ---------------------------------------------------------------------------------------
// Bytes: the files behind the app's own 200 responses, raw and gzip -9.

async function bytesOf(app, responses) {
  const origin = new URL(app.url).origin;
  const base = resolve(app.root);
  const files = new Map();
  const external = [];
  for (const r of responses) {
    const url = new URL(r.url);
    if (url.origin !== origin) {
      external.push(r.url);
      continue;
    }
    if (r.status !== 200) continue;
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    if (!file.startsWith(base + sep)) continue;
    const entry = files.get(path) ?? { path, wire: [] };
    entry.wire.push(r.wire);
    files.set(path, entry);
  }
  const out = [];
  for (const entry of files.values()) {
    const body = await readFile(join(base, entry.path));
    const gzip = gzipSync(body, { level: zlibConstants.Z_BEST_COMPRESSION }).length;
    out.push({ path: entry.path, raw: body.length, gzip, wire: Math.max(...entry.wire) });
  }
  out.sort((a, b) => b.gzip - a.gzip);
  return { files: out, external };
}

// ---------------------------------------------------------------------------------------
// Statistics and formatting

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (n) => (n / KB).toFixed(1);
const ms = (n) => String(Math.round(n));
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

// The share of CPU time (all cores) spent busy over `ms` milliseconds, from /proc/stat: other
// work on the machine right before the runs (load averages also count this script's own build).
async function cpuBusy(ms = 1000) {
  const sample = async () => {
    const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0];
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = v[3] + (v[4] || 0);
    return { idle, total: v.reduce((a, b) => a + b, 0) };
  };
  try {
    const a = await sample();
    await new Promise((ok) => setTimeout(ok, ms));
    const b = await sample();
    return 1 - (b.idle - a.idle) / Math.max(1, b.total - a.total);
  } catch {
    return null;
  }
}

async function machine(browser) {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  return { chromium: browser.version(), cpu: model, cores: cpus().length };
}

function report({ apps, runs, info, busyBefore, startLoad, endLoad, seconds }) {
  const [finder, survey] = apps;
  const lines = [];
  const date = new Date();
  lines.push(`# Benchmark: treatment finder vs SurveyJS`);
  lines.push('');
  lines.push(
    `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC · Chromium ${info.chromium} (headless) · ` +
      `${info.cpu}, ${info.cores} cores · CPU ${busyBefore === null ? '?' : `${Math.round(busyBefore * 100)} %`} busy just before, ` +
      `load average ${startLoad} at start, ${endLoad} at end · ` +
      `${runs} cold runs per app (+1 warm-up each, not counted) · ${survey.version} · took ${seconds} s`,
  );
  if (busyBefore !== null && busyBefore > BUSY) {
    lines.push('');
    lines.push(
      `**Noisy:** other work kept the CPU ${Math.round(busyBefore * 100)} % busy just before the runs ` +
        `(${info.cores} cores); rerun on an idle machine for times to compare.`,
    );
  }
  lines.push('');
  lines.push(
    '| app | files | raw KB | gzip -9 KB | time to first question, ms (median, min–max) | last answer → result, ms (median, min–max) |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|');
  for (const a of apps) {
    const raw = sum(a.bytes.files.map((f) => f.raw));
    const gz = sum(a.bytes.files.map((f) => f.gzip));
    const fq = a.results.map((r) => r.firstQuestion);
    const lr = a.results.map((r) => r.lastToResult);
    lines.push(
      `| ${a.name} | ${a.bytes.files.length} | ${kb(raw)} | ${kb(gz)} | ` +
        `${ms(median(fq))} (${ms(Math.min(...fq))}–${ms(Math.max(...fq))}) | ` +
        `${ms(median(lr))} (${ms(Math.min(...lr))}–${ms(Math.max(...lr))}) |`,
    );
  }
  lines.push('');

  const fGz = sum(finder.bytes.files.map((f) => f.gzip));
  const within = fGz <= BUDGET_KB * KB;
  lines.push(
    `- finder gzip -9 total ${kb(fGz)} KB: ${within ? `within the ${BUDGET_KB} KB budget` : `OVER the ${BUDGET_KB} KB budget`}` +
      ` (aim ${AIM_KB} KB: ${fGz <= AIM_KB * KB ? 'met' : 'not met'})`,
  );
  const fq = median(finder.results.map((r) => r.firstQuestion));
  const sq = median(survey.results.map((r) => r.firstQuestion));
  const ratio = fq / sq;
  lines.push(
    `- time to first question: finder ${ms(fq)} ms vs SurveyJS ${ms(sq)} ms = ${ratio.toFixed(2)}` +
      ` (goal ≤ ${RATIO_GOAL.toFixed(2)}: ${ratio <= RATIO_GOAL ? 'met' : 'NOT met'})`,
  );
  lines.push('');
  lines.push(
    'KB = 1,000 bytes. Bytes are every file the app\'s own server sent during a full journey (taken from ' +
      'the requests Chromium made), raw and compressed with gzip -9 (zlib level 9); the bench server ' +
      'sends them uncompressed. Times are measured in the page with performance.now() from navigation ' +
      'start; each run is a fresh browser context with the HTTP cache disabled, on 127.0.0.1.',
  );
  const tableText = lines.join('\n');

  const details = [''];
  for (const a of apps) {
    details.push(`## ${a.name}: files`);
    details.push('');
    details.push('| file | raw bytes | gzip -9 bytes | over the wire (with headers) | requested → received, ms (medians) |');
    details.push('|---|---:|---:|---:|---:|');
    for (const f of a.bytes.files) {
      const t = a.results.flatMap((r) => r.timing.filter((e) => e.path === f.path).slice(0, 1));
      const when = t.length ? `${ms(median(t.map((e) => e.start)))} → ${ms(median(t.map((e) => e.end)))}` : '–';
      details.push(`| \`${f.path}\` | ${f.raw} | ${f.gzip} | ${f.wire} | ${when} |`);
    }
    details.push(
      `| total | ${sum(a.bytes.files.map((f) => f.raw))} | ${sum(a.bytes.files.map((f) => f.gzip))} | ` +
        `${sum(a.bytes.files.map((f) => f.wire))} | |`,
    );
    if (a.bytes.external.length) details.push('', `Requests that left the server (not counted): ${a.bytes.external.join(', ')}`);
    details.push('');
    details.push(`Runs (ms): time to first question ${a.results.map((r) => ms(r.firstQuestion)).join(', ')}; ` +
      `last answer → result ${a.results.map((r) => ms(r.lastToResult)).join(', ')}.`);
    details.push(
      `Until the frame after (on screen), medians: first question ${ms(median(a.results.map((r) => r.firstQuestionFrame)))} ms, ` +
        `last answer → result ${ms(median(a.results.map((r) => r.resultFrame)))} ms.`,
    );
    const fcps = a.results.map((r) => r.fcp).filter((x) => x !== null);
    const dcls = a.results.map((r) => r.dcl).filter((x) => x !== null);
    if (fcps.length && dcls.length) {
      details.push(`For reference (medians): DOMContentLoaded ${ms(median(dcls))} ms, first contentful paint ${ms(median(fcps))} ms.`);
    }
    details.push(`Result shown: “${a.results[0].summary}”`);
    details.push('');
  }
  return { tableText, full: `${tableText}\n${details.join('\n')}` };
}

// ---------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const { runs, dist } = parseArgs(process.argv.slice(2));
  const sj = await surveyjsRoot();
  const finderServer = await serveDist({ root: dist });
  // SurveyJS's page has an inline <style>: served without the finder's CSP.
  const surveyServer = await serveDist({ root: sj.dir, csp: false });
  const browser = await launchBrowser();
  try {
    const apps = [
      { name: 'treatment finder', root: dist, url: `${finderServer.url}/`, toLastAnswer: finderToLastAnswer, results: [] },
      { name: 'SurveyJS', root: sj.dir, url: `${surveyServer.url}/`, toLastAnswer: surveyjsToLastAnswer, results: [], version: sj.version },
    ];
    const info = await machine(browser);
    const busyBefore = await cpuBusy();
    const startLoad = loadavg().map((l) => l.toFixed(2)).join(' ');
    process.stderr.write(`bench: ${runs} cold runs per app, Chromium ${info.chromium}\n`);
    for (const app of apps) {
      process.stderr.write(`bench: warm-up ${app.name}\n`);
      await run(browser, app);
    }
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? apps : [...apps].reverse();
      for (const app of order) {
        const r = await run(browser, app);
        app.results.push(r);
        process.stderr.write(
          `bench: run ${i + 1}/${runs} ${app.name}: first question ${ms(r.firstQuestion)} ms, last answer → result ${ms(r.lastToResult)} ms\n`,
        );
      }
    }
    for (const app of apps) {
      // Every run should fetch the same files; count each file once, whichever run asked for it.
      app.bytes = await bytesOf(app, app.results.flatMap((r) => r.responses));
    }
    const endLoad = loadavg().map((l) => l.toFixed(2)).join(' ');
    const seconds = Math.round((Date.now() - started) / 1000);
    const { tableText, full } = report({ apps, runs, info, busyBefore, startLoad, endLoad, seconds });
    console.log(tableText);
    await writeFile(RESULTS, `${full.trimEnd()}\n`);
    process.stderr.write(`bench: wrote ${RESULTS}\n`);
  } finally {
    await browser.close();
    await finderServer.close();
    await surveyServer.close();
    await rm(sj.dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`bench: ${err?.stack ?? err}`);
  process.exit(1);
});
