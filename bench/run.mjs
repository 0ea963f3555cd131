// Performance benchmark: the treatment finder (a Trunk release build) against the same
// questionnaire built with SurveyJS, in Debian's headless Chromium via playwright-core.
//
//   node bench/run.mjs [--runs N] [--network loopback|mobile] <finder-dist-folder>
//                                                           (scripts/bench builds and calls it)
//
// Networks: `loopback` (the default) serves every file at once, uncompressed, on 127.0.0.1:
// what the apps cost the browser alone. `mobile` is a phone on a slow 4G connection, the
// finder's usual visitor: Lighthouse's mobile network profile (150 ms round trip, 1.6 Mbit/s
// down) applied by the bench's own servers to every file of every app (one shared link, each
// response gzip-compressed as a clinic's web server would; support.mjs slowLink). The CPU is
// not slowed down. Results go to bench/results.md and bench/results-mobile.md.
//
// Three apps, each measured the way a first-time visitor meets it:
//   - "treatment finder, widget": what a partner embeds (docs/embedding.md). A partner page on
//     an origin of its own (a second 127.0.0.1 port) holds only the two documented lines, the
//     <script src="http://127.0.0.1:<app port>/embed.js" async> and <treatment-finder>; the
//     finder's dist/ is served by the end-to-end tests' server (serveDist, with the app's CSP),
//     and the finder runs in the loader's cross-origin iframe. These are the budget's figures.
//   - "treatment finder, direct page": the finder's own index.html opened directly.
//   - "SurveyJS": the same questionnaire built with SurveyJS (bench/surveyjs/).
// For each app it does N cold runs (a fresh browser context each, HTTP cache disabled),
// interleaved and rotating which app goes first, after one discarded warm-up run each.
// Measured in the page (in every frame, from an init script), so Playwright's own round trips
// do not count:
//   - time to first question: from the navigation start of the page the visitor opened (the
//     partner page, for the widget) until the first goal checkbox ("Hydration") is in the
//     document, laid out, visible, enabled and the topmost element at its centre (or its
//     label). Inside the widget's iframe this is taken with the iframe's own clock and moved
//     to the partner page's timeline by the difference of the two documents'
//     performance.timeOrigin (both high-resolution times on the browser's one clock);
//   - app working: the moment the first question is ready, the probe ticks it and presses
//     "Next" (at once, as an eager visitor would); from the same navigation start until the
//     second step is drawn (its age field visible). For the finder that waits for its
//     WebAssembly: the first step drawn at build time only notes the press;
//   - last answer → result: from the click on "See my recommendation" (a capture-phase
//     listener) until #result-summary is visible with text, both in the frame that shows it;
//   - last answer → whole result: the same until every detail section of the result has its
//     contents (the finder draws them a frame after the suggestion).
// Bytes: every response of the app's own servers during a run, from both origins (derived from
// the requests Chromium made in every frame, not a list of files, and checked against what the
// servers were asked for), raw and gzip -9, plus what crossed the wire. The partner page's own
// HTML is not the widget's: it is shown apart and not counted.
// Prints a markdown table and writes it, with the details, to bench/results.md.
//
// Then the partner page's own load (`partnerLoad` below): a page modelled on the hostile demo
// partner page (www/partner-demo.html, with its stylesheet), with a hero image, a heading and
// an article above the fold and its two widgets below it, against the same page without the
// widgets (no embed.js, no element). N cold runs of each, interleaved, with no scroll:
// Largest Contentful Paint, total blocking time (the sum over the page's long tasks of what
// each lasted beyond 50 ms, from PerformanceObserver `longtask`, from the navigation start
// until the network has been idle for 500 ms and half a second more) and what the page pulled
// from the finder's origin. Long tasks of a cross-origin iframe that shares the page's renderer
// process (as here, on one site) block the page too, and are counted.
//
//   node bench/run.mjs --only partner …   this part only, printed and not written (to compare builds)

import { cpus, loadavg, tmpdir } from 'node:os';
import { copyFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import {
  answerAboutYou,
  answerGoals,
  answerHealth,
  goalLabel,
  launchBrowser,
  nextButton,
  serveDist,
  servePages,
  slowLink,
  UI,
  waitForStep,
  widgetFrame,
} from '../tests/e2e/support.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '..');

/** The simulated networks (see the top of this file). */
/** A file of the clinic's console (its page, its folder, its module): never in a visitor's download. */
const CONSOLE_FILE = /(^|\/)(console\.html|console\/|treatment-finder-console-)/;
const NETWORKS = {
  loopback: { results: 'results.md', link: null, describe: 'loopback (127.0.0.1), files sent at once and uncompressed' },
  mobile: {
    results: 'results-mobile.md',
    link: { rttMs: 150, kbitPerSecond: 1638.4 },
    describe:
      'simulated mobile network (Lighthouse\'s slow 4G: 150 ms round trip per request, 1.6 Mbit/s shared by every ' +
      'file, gzip -9 responses; no CPU slow-down)',
  },
};

const BUDGET_KB = 150;
const AIM_KB = 90;
const KB = 1000; // 1 KB = 1,000 bytes (stricter than 1,024 for the budget check)
const RATIO_GOAL = 0.2;
/** Issue 16's goal for the app working, as a share of SurveyJS's time. */
const WORKING_GOAL = 0.5;
const TIMEOUT = 30_000;
const BUSY = 0.15; // CPU share used by other work above which the times are flagged as noisy

// The answers of the timed journey (the engine's input format): gives "both".
const ANSWERS = { goals: ['hydration', 'scars'], age: 36, downtime: 'one_or_two_days', screening: [] };
const FIRST_GOAL = goalLabel('hydration');

/**
 * The partner's page: the two lines of docs/embedding.md and nothing else (a doctype first, so
 * the page is not in quirks mode). Its own bytes are the partner's, not the widget's.
 */
const PARTNER_PATH = '/partner.html';
const partnerPage = (appUrl) =>
  `<!doctype html>\n<script src="${appUrl}/embed.js" async></script>\n<treatment-finder></treatment-finder>\n`;

// ---------------------------------------------------------------------------------------
// Arguments

/** How much slower the CPU runs for the second "last answer → result" measure. */
const CPU_SLOWDOWN = 4;

function parseArgs(argv) {
  let runs = Number(process.env.RUNS || 7);
  let network = process.env.NETWORK || 'loopback';
  let only = null;
  let dist;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') runs = Number(argv[++i]);
    else if (a.startsWith('--runs=')) runs = Number(a.slice(7));
    else if (a === '--network') network = argv[++i];
    else if (a.startsWith('--network=')) network = a.slice(10);
    else if (a === '--only') only = argv[++i];
    else if (a === '-h' || a === '--help') {
      console.log('usage: node bench/run.mjs [--runs N] [--network loopback|mobile] <finder-dist-folder>   (RUNS=N, NETWORK=… also work)');
      process.exit(0);
    } else if (!dist) dist = a;
    else throw new Error(`unexpected argument: ${a}`);
  }
  if (!dist) throw new Error('usage: node bench/run.mjs [--runs N] <finder-dist-folder>');
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, not ${runs}`);
  if (!Object.hasOwn(NETWORKS, network)) throw new Error(`--network must be one of ${Object.keys(NETWORKS).join(', ')}, not ${network}`);
  if (only !== null && only !== 'partner') throw new Error(`--only takes partner, not ${only}`);
  return { runs, network, only, dist: resolve(dist) };
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

function probe({ firstLabel, host = null }) {
  const squash = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const bench = (window.__bench = {
    firstQuestion: null,
    firstQuestionFrame: null,
    appWorking: null,
    armed: false,
    lastClick: null,
    result: null,
    resultFrame: null,
    whole: null,
    ready: null,
  });
  // On a partner's page: when the widget's element says the finder is on screen.
  addEventListener('treatment-finder:ready', () => {
    if (bench.ready === null) bench.ready = performance.now();
  });
  // The partner's page only hosts the widget: it does not watch for the questions, so it adds
  // no work of its own (a MutationObserver, a check every frame) to what is measured.
  if (location.origin === host) return;
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

  // The first question ticked and "Next" pressed, from inside the page (no round trip to
  // Playwright): the finder's first step drawn at build time notes the press until its app runs.
  const tickAndNext = () => {
    const input = [...document.querySelectorAll('input[type="checkbox"]')].find((i) => nameOf(i) === firstLabel || nameOf(i).startsWith(`${firstLabel} `));
    input?.click();
    const buttons = document.querySelectorAll('button, input[type="button"], input[type="submit"]');
    [...buttons].find((b) => squash(b.textContent || b.value) === 'Next' && shown(b))?.click();
  };

  // The second step: its age field (a number input, in both apps) is on screen.
  const secondStepShown = () => [...document.querySelectorAll('input[type="number"]')].some((input) => shown(input));

  const resultShown = () => {
    const el = document.getElementById('result-summary');
    return !!el && squash(el.textContent) !== '' && el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
      el.getBoundingClientRect().height > 0;
  };

  // The whole result: every detail section of the finder's result has its contents (the
  // finder draws them a frame after the suggestion); SurveyJS draws its result at once.
  const wholeShown = () => [...document.querySelectorAll('.result .fold-body')].every((body) => body.childElementCount > 0);

  const check = () => {
    if (bench.firstQuestion === null && firstQuestionReady()) {
      bench.firstQuestion = performance.now();
      afterNextFrame('firstQuestionFrame');
      tickAndNext();
    }
    if (bench.firstQuestion !== null && bench.appWorking === null && secondStepShown()) {
      bench.appWorking = performance.now();
    }
    if (bench.lastClick !== null && bench.result === null && resultShown()) {
      bench.result = performance.now();
      afterNextFrame('resultFrame');
    }
    if (bench.result !== null && bench.whole === null && wholeShown()) bench.whole = performance.now();
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
    if (bench.firstQuestion === null || bench.appWorking === null || bench.result === null || bench.whole === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

// ---------------------------------------------------------------------------------------
// Driving each questionnaire to its last answer (the timed click is done by `run`).

async function finderToLastAnswer(page) {
  // The probe ticked the first goal and pressed "Next" (app working): back to the goals.
  await waitForStep(page, 2);
  await page.getByRole('button', { name: UI.en.back, exact: true }).click();
  await waitForStep(page, 1);
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
  // The probe ticked the first goal and pressed "Next" (app working): back to the goals.
  await page.getByText('About you', { exact: true }).first().waitFor();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  if (!(await page.getByRole('checkbox', { name: FIRST_GOAL, exact: true }).isChecked())) throw new Error('SurveyJS: the first goal is not ticked');
  for (const goal of ANSWERS.goals.slice(1)) await tick('checkbox', goalLabel(goal));
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

/** Read in a frame at the end of a run: the probe's times and the frame's own timeline. */
function collect() {
  return {
    ...window.__bench,
    timeOrigin: performance.timeOrigin,
    // This frame's high-resolution clock against the wall clock (Date.now(), 1 ms steps): the
    // same in both frames when their timeOrigins are on one clock.
    clock: performance.timeOrigin + performance.now() - Date.now(),
    summary: document.getElementById('result-summary')?.textContent ?? null,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
    // When each file was requested and fully received (ms from this frame's navigation start).
    timing: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
      url: e.name,
      initiator: e.entryType === 'navigation' ? 'navigation' : e.initiatorType,
      start: e.entryType === 'navigation' ? 0 : e.startTime,
      end: e.responseEnd,
    })),
  };
}

/** `origin + path` of a URL, `/` read as `/index.html` (the key of a file in `bytesOf`). */
const fileKey = (url) => {
  const u = new URL(url);
  return u.origin + decodeURIComponent(u.pathname).replace(/\/$/, '/index.html');
};

/**
 * A fresh browser context at 1280 × 800 with the HTTP cache off, running `init(arg)` in every
 * frame before its scripts: its page, the page's uncaught errors, and its CDP session.
 */
async function coldPage(browser, init, arg) {
  const context = await browser.newContext({ locale: 'en-CA', viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(TIMEOUT);
  await context.addInitScript(init, arg);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { context, page, errors, cdp };
}

async function run(browser, app, { cpuRate = 1 } = {}) {
  const { context, page, errors, cdp } = await coldPage(browser, probe, { firstLabel: FIRST_GOAL, host: app.host ?? null });
  // A slower phone: Chromium runs the page's main thread `cpuRate` times slower (the widget's
  // iframe too: on one site it shares the page's renderer process).
  if (cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  // Every request of every frame (the widget's iframe included), as Playwright sees it.
  const finished = [];
  context.on('requestfinished', (request) =>
    finished.push(
      (async () => {
        const [response, sizes] = await Promise.all([request.response(), request.sizes()]);
        return { url: request.url(), status: response?.status() ?? 0, wire: sizes.responseHeadersSize + sizes.responseBodySize };
      })(),
    ),
  );
  const failed = [];
  context.on('requestfailed', (request) => failed.push(`${request.url()} (${request.failure()?.errorText})`));
  const asked = app.sites.map((site) => site.server.requests().length);

  try {
    await page.goto(app.url, { waitUntil: 'commit' });
    // Where the questionnaire is: the page itself, or the widget's iframe.
    let frame = page;
    if (app.widget) {
      await page.waitForFunction(() => !!document.querySelector('treatment-finder')?.shadowRoot?.querySelector('iframe'), null, {
        polling: 50,
        timeout: TIMEOUT,
      });
      frame = await widgetFrame(page, 'treatment-finder');
    }
    await frame.waitForFunction((origin) => location.origin === origin && window.__bench?.appWorking != null, app.origin, {
      polling: 50,
      timeout: TIMEOUT,
    });
    const last = await app.toLastAnswer(frame);
    await last.waitFor();
    await frame.evaluate(() => {
      window.__bench.armed = true;
    });
    await last.click();
    await frame.waitForFunction(() => window.__bench?.resultFrame != null && window.__bench.whole != null, null, { polling: 50, timeout: TIMEOUT });
    // An iframe in a renderer process of its own would be a target of its own.
    const { targetInfos } = await cdp.send('Target.getTargets');
    const ownProcess = targetInfos.some((t) => t.type === 'iframe');
    const b = await frame.evaluate(collect);
    const top = app.widget ? await page.evaluate(collect) : b;
    // The frame's times on the visited page's timeline: 0 there for a page, the iframe's
    // navigation start (its timeOrigin's distance from the partner page's) for the widget.
    const offset = b.timeOrigin - top.timeOrigin;
    const shift = (x) => (x === null ? null : x + offset);
    // Let late requests (a favicon, a lazily loaded file) finish before counting bytes.
    await page.waitForLoadState('load');
    await page.waitForTimeout(200);
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    const responses = (await Promise.all(finished)).filter((r) => /^https?:/.test(r.url));
    // What the servers were asked for during this run: each must be among the responses seen.
    const seen = new Set(responses.map((r) => fileKey(r.url)));
    const unseen = app.sites.flatMap((site, i) =>
      site.server
        .requests()
        .slice(asked[i])
        .map((path) => fileKey(site.server.url + path))
        .filter((key) => !seen.has(key)),
    );
    return {
      firstQuestion: shift(b.firstQuestion),
      firstQuestionFrame: shift(b.firstQuestionFrame),
      appWorking: shift(b.appWorking),
      // In the iframe's own timeline (from its navigation start), for the widget.
      firstQuestionInFrame: b.firstQuestion,
      iframeStart: app.widget ? offset : null,
      // The same moment as the partner page's resource timing has it, to check the offset.
      iframeEntry: app.widget ? (top.timing.find((e) => e.initiator === 'iframe')?.start ?? null) : null,
      ready: app.widget ? top.ready : null,
      clockGap: app.widget ? b.clock - top.clock : null,
      ownProcess,
      resultFrame: b.resultFrame - b.lastClick,
      fcp: shift(b.fcp),
      dcl: shift(b.dcl),
      // The frame's own entries first: its document's navigation entry is the one to show.
      timing: [...b.timing.map((e) => ({ ...e, start: e.start + offset, end: e.end + offset })), ...(app.widget ? top.timing : [])].map(
        (e) => ({ key: fileKey(e.url), start: e.start, end: e.end }),
      ),
      lastToResult: b.result - b.lastClick,
      lastToWhole: b.whole - b.lastClick,
      summary: b.summary.replace(/\s+/g, ' ').trim(),
      responses,
      failed,
      unseen,
    };
  } finally {
    await context.close();
    // Let the closed context's renderer exit before the next run starts.
    await new Promise((ok) => setTimeout(ok, 300));
  }
}

// ---------------------------------------------------------------------------------------
// Bytes: the files behind the app's own 200 responses, from each of its origins, raw and gzip -9.
// A site is `{ origin, root }` (files on disk) or `{ origin, pages }` (the partner's page, in
// memory: shown apart, never counted as the widget's).

const gzipSize = (body) => gzipSync(body, { level: zlibConstants.Z_BEST_COMPRESSION }).length;

async function bytesOf(app, responses) {
  const files = new Map();
  const external = [];
  const notCounted = new Map();
  const apart = (key, text) => notCounted.set(key, text);
  for (const r of responses) {
    const url = new URL(r.url);
    const site = app.sites.find((s) => s.origin === url.origin);
    if (!site) {
      external.push(r.url);
      continue;
    }
    const key = fileKey(r.url);
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    if (r.status !== 200) {
      apart(key, `\`${r.url}\`: status ${r.status}`);
      continue;
    }
    if (site.pages) {
      const body = Buffer.from(site.pages[url.pathname] ?? '');
      apart(key, `\`${r.url}\` (the partner page itself): ${body.length} bytes raw, ${gzipSize(body)} gzip -9, ${r.wire} over the wire`);
      continue;
    }
    const base = resolve(site.root);
    const file = normalize(join(base, path));
    if (!file.startsWith(base + sep)) continue;
    const entry = files.get(key) ?? { key, path, file, wire: [] };
    entry.wire.push(r.wire);
    files.set(key, entry);
  }
  const out = [];
  for (const entry of files.values()) {
    const body = await readFile(entry.file);
    out.push({ key: entry.key, path: entry.path, raw: body.length, gzip: gzipSize(body), wire: Math.max(...entry.wire) });
  }
  out.sort((a, b) => b.gzip - a.gzip);
  return { files: out, external: [...new Set(external)], notCounted: [...notCounted.values()] };
}

// ---------------------------------------------------------------------------------------
// The partner page's own load, with its widgets below the fold and without them.

/**
 * A hero picture for the partner page: 1200 × 500, flat 4-pixel blocks of a soft gradient with
 * a little noise, about 126 KB as PNG (a photograph's weight as a JPEG), the same bytes in
 * every run. Made here so that the bench needs no binary file.
 */
function heroPng(width = 1200, height = 500) {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
    return Buffer.concat([head, data, crc]);
  };
  let seed = 0x9e3779b9;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const BLOCK = 4;
  const noise = new Map();
  const rows = Buffer.alloc((width * 3 + 1) * height);
  const byte = (v) => Math.max(0, Math.min(255, Math.round(v)));
  let at = 0;
  for (let y = 0; y < height; y++) {
    rows[at++] = 0; // no filter
    for (let x = 0; x < width; x++) {
      const bx = x - (x % BLOCK) + BLOCK / 2;
      const by = y - (y % BLOCK) + BLOCK / 2;
      const key = by * width + bx;
      if (!noise.has(key)) noise.set(key, (random() - 0.5) * 16);
      const n = noise.get(key);
      rows[at++] = byte(200 + 40 * Math.sin(bx / 90) + n);
      rows[at++] = byte(170 + 50 * Math.cos(by / 70) + n);
      rows[at++] = byte(150 + 30 * Math.sin((bx + by) / 120) + n);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The partner page's article: real sentences, several screens of them under the hero. */
const ARTICLE = [
  'Our spa has welcomed clients in the Plateau since 2009. Every treatment starts with a conversation: what you would like to change, what you have tried, and how much time you can give it.',
  'Microneedling and mesotherapy are two of the treatments our partner clinic offers. Both are done by a nurse or a physician, after a consultation, and both take a few sessions to show their results.',
  'Before your first visit, take two minutes with the finder below. It asks about your goals, a little about you and a short health screen, and suggests what to discuss at your consultation.',
  'Nothing you answer leaves your browser: the finder runs entirely on your device, and this page hears only which treatment it suggests, never your answers.',
  'Our team speaks French and English. Appointments are available from Tuesday to Saturday, and the first consultation at the clinic is free.',
];

/**
 * The partner page (`widgets`: with the two widgets of partner-demo.html below the article, and
 * embed.js in its head, or without both), on an origin of its own, with partner-demo.css.
 */
function partnerArticle(appUrl, widgets) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Spa Belle Peau</title>
    <link rel="stylesheet" href="partner-demo.css">
    ${widgets ? `<script src="${appUrl}/embed.js" async></script>` : ''}
  </head>
  <body>
    <header>
      <h1 id="partner-title">Spa Belle Peau</h1>
      <img id="hero" src="hero.png" alt="The spa's treatment room">
      <p id="partner-intro">Skin care in the heart of Montréal.</p>
    </header>
    <article>
${ARTICLE.map((text) => `      <p>${text}</p>`).join('\n')}
    </article>
${
  widgets
    ? `    <section lang="fr" aria-labelledby="fr-heading">
      <h2 id="fr-heading">En français</h2>
      <treatment-finder id="finder-fr" lang="fr" clinic-name="Clinique Éclat, Montréal"
        booking-url="https://booking.example.com/consultation?partner=belle-peau" accent="#7a4b94"></treatment-finder>
    </section>
    <section aria-labelledby="en-heading">
      <h2 id="en-heading">In English</h2>
      <treatment-finder id="finder-en" lang="en" clinic-name="Éclat Clinic, Montreal"></treatment-finder>
    </section>
`
    : ''
}    <footer><p>Spa Belle Peau · 4500 rue Saint-Denis, Montréal</p></footer>
  </body>
</html>
`;
}

/** In the partner page (an init script): its largest contentful paint and long tasks. */
function pageProbe() {
  if (window !== window.top) return;
  const seen = (window.__partner = { lcp: null, lcpElement: null, longTasks: [] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      seen.lcp = entry.startTime;
      seen.lcpElement = entry.element ? `${entry.element.tagName.toLowerCase()}#${entry.element.id}` : entry.url;
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** One cold run of the partner page `path`: LCP, TBT, and what the finder's server was asked. */
async function partnerRun(browser, { url, finder }) {
  const { context, page, errors } = await coldPage(browser, pageProbe);
  const asked = finder.requests().length;
  try {
    await page.goto(url, { waitUntil: 'networkidle', timeout: TIMEOUT });
    // Long tasks that follow the last download (compiling, starting an app) count too.
    await page.waitForTimeout(500);
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    const seen = await page.evaluate(() => ({ ...window.__partner, scrollY }));
    if (seen.scrollY !== 0) throw new Error('the partner page scrolled by itself');
    return {
      lcp: seen.lcp,
      lcpElement: seen.lcpElement,
      tbt: sum(seen.longTasks.map((t) => Math.max(0, t.duration - 50))),
      longTasks: seen.longTasks.length,
      finderFiles: finder.requests().slice(asked),
    };
  } finally {
    await context.close();
    await new Promise((ok) => setTimeout(ok, 300));
  }
}

/**
 * The partner page's own load with its widgets below the fold and without them (see the top of
 * this file). Resolves to the two variants with their runs, and the finder's files the page
 * pulled (raw and gzip -9 bytes of each, by path).
 */
async function partnerLoad(browser, { dist, link, runs, serve }) {
  const finder = await serve(serveDist({ root: dist, link }));
  const hero = heroPng();
  const css = await readFile(join(ROOT, 'www', 'partner-demo.css'));
  const pages = {
    '/with-widgets.html': partnerArticle(finder.url, true),
    '/without.html': partnerArticle(finder.url, false),
    '/partner-demo.css': { html: css, headers: { 'Content-Type': 'text/css; charset=utf-8' } },
    '/hero.png': { html: hero, headers: { 'Content-Type': 'image/png' } },
  };
  const site = await serve(servePages(pages, { link }));
  const variants = [
    { name: 'partner page, widgets below the fold', url: `${site.url}/with-widgets.html`, results: [] },
    { name: 'partner page without the widgets', url: `${site.url}/without.html`, results: [] },
  ];
  for (const v of variants) {
    process.stderr.write(`bench: warm-up ${v.name}\n`);
    await partnerRun(browser, { url: v.url, finder });
  }
  for (let i = 0; i < runs; i++) {
    for (const v of i % 2 ? [...variants].reverse() : variants) {
      const r = await partnerRun(browser, { url: v.url, finder });
      v.results.push(r);
      process.stderr.write(`bench: run ${i + 1}/${runs} ${v.name}: LCP ${ms(r.lcp)} ms (${r.lcpElement}), TBT ${ms(r.tbt)} ms\n`);
    }
  }
  // Every file the page pulled from the finder's origin in any run, once, with its size.
  const base = resolve(dist);
  const files = new Map();
  for (const v of variants) {
    v.files = [];
    for (const path of new Set(v.results.flatMap((r) => r.finderFiles))) {
      let name = decodeURIComponent(new URL(path, 'http://x').pathname);
      if (name.endsWith('/')) name += 'index.html';
      const file = normalize(join(base, name));
      if (!file.startsWith(base + sep)) continue;
      if (!files.has(name)) {
        const body = await readFile(file);
        files.set(name, { path: name, raw: body.length, gzip: gzipSize(body) });
      }
      if (!v.files.some((f) => f.path === name)) v.files.push(files.get(name));
    }
  }
  return { variants, hero: { raw: hero.length } };
}

/** The partner-page table and its notes, in markdown. */
function partnerReport({ variants, hero }, { runs, network }) {
  const [withWidgets, without] = variants;
  const lines = [];
  lines.push(`## The partner page's own load${network === 'loopback' ? '' : ` (${network} network)`}`);
  lines.push('');
  lines.push(
    '| page | LCP, ms (median, min–max) | total blocking time, ms (median, min–max) | files from the finder\'s origin before any scroll | raw KB | gzip -9 KB |',
  );
  lines.push('|---|---:|---:|---|---:|---:|');
  for (const v of variants) {
    const lcp = v.results.map((r) => r.lcp);
    const tbt = v.results.map((r) => r.tbt);
    lines.push(
      `| ${v.name} | ${ms(median(lcp))} (${ms(Math.min(...lcp))}–${ms(Math.max(...lcp))}) | ` +
        `${ms(median(tbt))} (${ms(Math.min(...tbt))}–${ms(Math.max(...tbt))}) | ` +
        `${v.files.length ? v.files.map((f) => `\`${f.path}\``).join(', ') : 'none'} | ` +
        `${kb(sum(v.files.map((f) => f.raw)))} | ${kb(sum(v.files.map((f) => f.gzip)))} |`,
    );
  }
  lines.push('');
  const ratio = median(withWidgets.results.map((r) => r.lcp)) / median(without.results.map((r) => r.lcp));
  lines.push(
    `- LCP with the widgets below the fold: ${((ratio - 1) * 100).toFixed(1)} % against the page without them ` +
      `(target: within 5 %: ${Math.abs(ratio - 1) <= 0.05 ? 'met' : 'NOT met'}).`,
  );
  const elements = [...new Set(variants.flatMap((v) => v.results.map((r) => r.lcpElement)))];
  lines.push(
    `- ${runs} cold runs of each page (+1 warm-up each), alternating which goes first, at 1280 × 800, never scrolled. ` +
      `The page is modelled on www/partner-demo.html and uses its hostile stylesheet: a heading, a ${kb(hero.raw)} KB hero ` +
      'picture and an article above the fold, then its French and English widgets several screens below. ' +
      `Largest contentful paint element: ${elements.map((e) => `\`${e}\``).join(', ')}. Total blocking time: the sum over ` +
      'the page\'s long tasks (PerformanceObserver `longtask`, which counts those of a same-process iframe too) of ' +
      'what each lasted beyond 50 ms, from the navigation start until the network had been idle for 500 ms and half ' +
      'a second more. Files: what the finder\'s server was asked for during those runs.',
  );
  lines.push(
    `- Runs, LCP ms: with widgets ${withWidgets.results.map((r) => ms(r.lcp)).join(', ')}; without ${without.results
      .map((r) => ms(r.lcp))
      .join(', ')}. TBT ms: with widgets ${withWidgets.results.map((r) => ms(r.tbt)).join(', ')}; without ${without.results
      .map((r) => ms(r.tbt))
      .join(', ')}.`,
  );
  return lines.join('\n');
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

function report({ apps, runs, network, info, busyBefore, startLoad, endLoad, seconds }) {
  const [widget, direct] = apps;
  const survey = apps.find((a) => a.version);
  const lines = [];
  const date = new Date();
  const medianOf = (a, f) => median(a.results.map(f));
  lines.push(`# Benchmark: treatment finder vs SurveyJS${network === 'loopback' ? '' : ` (${network} network)`}`);
  lines.push('');
  lines.push(
    `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC · Chromium ${info.chromium} (headless) · ` +
      `${info.cpu}, ${info.cores} cores · CPU ${busyBefore === null ? '?' : `${Math.round(busyBefore * 100)} %`} busy just before, ` +
      `load average ${startLoad} at start, ${endLoad} at end · ` +
      `${runs} cold runs per app (+1 warm-up each, not counted) · ${survey.version} · took ${seconds} s · ` +
      `network: ${NETWORKS[network].describe}`,
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
    '| app | files | raw KB | gzip -9 KB | time to first question, ms (median, min–max) | app working, ms (median, min–max) | last answer → result, ms (median, min–max) |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const a of apps) {
    const raw = sum(a.bytes.files.map((f) => f.raw));
    const gz = sum(a.bytes.files.map((f) => f.gzip));
    const fq = a.results.map((r) => r.firstQuestion);
    const lr = a.results.map((r) => r.lastToResult);
    const aw = a.results.map((r) => r.appWorking);
    lines.push(
      `| ${a.name} | ${a.bytes.files.length} | ${kb(raw)} | ${kb(gz)} | ` +
        `${ms(median(fq))} (${ms(Math.min(...fq))}–${ms(Math.max(...fq))}) | ` +
        `${ms(median(aw))} (${ms(Math.min(...aw))}–${ms(Math.max(...aw))}) | ` +
        `${ms(median(lr))} (${ms(Math.min(...lr))}–${ms(Math.max(...lr))}) |`,
    );
  }
  lines.push('');

  const fGz = sum(widget.bytes.files.map((f) => f.gzip));
  const dGz = sum(direct.bytes.files.map((f) => f.gzip));
  const within = fGz <= BUDGET_KB * KB;
  lines.push(
    `- finder widget gzip -9 total ${kb(fGz)} KB: ${within ? `within the ${BUDGET_KB} KB budget` : `OVER the ${BUDGET_KB} KB budget`}` +
      ` (aim ${AIM_KB} KB: ${fGz <= AIM_KB * KB ? 'met' : 'not met'}; direct page ${kb(dGz)} KB)`,
  );
  const fq = medianOf(widget, (r) => r.firstQuestion);
  const dq = medianOf(direct, (r) => r.firstQuestion);
  const sq = medianOf(survey, (r) => r.firstQuestion);
  const ratio = fq / sq;
  lines.push(
    `- time to first question: finder widget ${ms(fq)} ms vs SurveyJS ${ms(sq)} ms = ${ratio.toFixed(2)}` +
      ` (goal ≤ ${RATIO_GOAL.toFixed(2)}: ${ratio <= RATIO_GOAL ? 'met' : 'NOT met'}; direct page ${ms(dq)} ms = ${(dq / sq).toFixed(2)})`,
  );
  const fw = medianOf(widget, (r) => r.appWorking);
  const dw = medianOf(direct, (r) => r.appWorking);
  const sw = medianOf(survey, (r) => r.appWorking);
  lines.push(
    `- app working (the first question ticked and "Next" pressed as soon as it is ready, until the second step is drawn): ` +
      `finder widget ${ms(fw)} ms vs SurveyJS ${ms(sw)} ms = ${(fw / sw).toFixed(2)} (goal ≤ ${WORKING_GOAL.toFixed(2)}: ${fw / sw <= WORKING_GOAL ? 'met' : 'NOT met'}; direct page ${ms(dw)} ms = ${(dw / sw).toFixed(2)})`,
  );
  const slow = (app, key = 'slow') => {
    const sorted = [...app[key]].sort((a, b) => a - b);
    return `${ms(sorted[Math.floor((sorted.length - 1) / 2)])} ms (${ms(sorted[0])}–${ms(sorted[sorted.length - 1])})`;
  };
  lines.push(
    `- last answer → result with the CPU ${CPU_SLOWDOWN}× slower (Chromium's throttling; ${runs} more cold runs each, medians and ranges): ` +
      `finder widget ${slow(widget)}, direct page ${slow(direct)}, SurveyJS ${slow(survey)} (goal for the finder: under one frame, 16 ms)`,
  );
  lines.push(
    `- last answer → whole result (the finder draws its detail sections' contents a frame after the suggestion; SurveyJS draws all at once), medians and ranges: ` +
      `finder widget ${slow({ t: widget.results.map((r) => r.lastToWhole) }, 't')}, direct page ${slow({ t: direct.results.map((r) => r.lastToWhole) }, 't')}; ` +
      `with the CPU ${CPU_SLOWDOWN}× slower: finder widget ${slow(widget, 'slowWhole')}, direct page ${slow(direct, 'slowWhole')}`,
  );
  lines.push('');
  lines.push(
    'KB = 1,000 bytes. **Widget** = what a partner embeds: a page on a second 127.0.0.1 port (another origin) ' +
      'holding only `<script src="http://127.0.0.1:<app port>/embed.js" async></script>` and ' +
      '`<treatment-finder></treatment-finder>` (after a doctype), the finder\'s build served by the end-to-end tests\' ' +
      'server (serveDist) with the app\'s Content-Security-Policy; **direct page** = the finder\'s index.html opened by ' +
      'itself. Bytes are every file the servers sent during a full journey, from both origins (taken from the ' +
      'requests Chromium made in every frame, checked against what the servers were asked for), raw and compressed ' +
      'with gzip -9 (zlib level 9); ' +
      (network === 'loopback'
        ? 'the bench servers send them uncompressed. '
        : 'the bench servers send them gzip -9 compressed over the simulated link, so "over the wire" is compressed. ') +
      'For the widget that is embed.js, the ' +
      'iframe\'s index.html, JS, WASM, CSS, first.js, start.js and clinic.json (Chromium requests no favicon for a frame); the ' +
      'partner page\'s own HTML is not counted (shown below). Times are medians of cold runs (a fresh browser context ' +
      'each, HTTP cache disabled, on 127.0.0.1), measured in the page with performance.now() from the navigation ' +
      'start of the page the visitor opened: the partner page, for the widget. There the first question is watched ' +
      'inside the iframe (visible, enabled and the topmost element at its centre in the iframe\'s document), and the ' +
      'moment is the iframe\'s performance.timeOrigin + performance.now() minus the partner page\'s ' +
      'performance.timeOrigin: both frames run in one renderer process on one clock, which a Date.now() check in ' +
      'each run confirms (below). Last answer → result is timed inside the frame that shows the questionnaire.',
  );
  const oopif = widget.results.some((r) => r.ownProcess);
  lines[lines.length - 1] = lines[lines.length - 1].replace(
    'both frames run in one renderer process on one clock',
    oopif ? 'the iframe ran in a renderer process of its own in some runs; the two clocks agree' : 'both frames ran in one renderer process, on one clock',
  );
  const tableText = lines.join('\n');

  const details = [''];
  for (const a of apps) {
    details.push(`## ${a.name}: files`);
    details.push('');
    if (a.widget) {
      details.push(
        `Served from ${a.sites.map((s) => `${s.origin} (${s.pages ? 'the partner page' : 'the finder\'s dist/'})`).join(' and ')}. ` +
          'Times are from the partner page\'s navigation start.',
      );
      details.push('');
    }
    details.push('| file | raw bytes | gzip -9 bytes | over the wire (with headers) | requested → received, ms (medians) |');
    details.push('|---|---:|---:|---:|---:|');
    for (const f of a.bytes.files) {
      const t = a.results.flatMap((r) => r.timing.filter((e) => e.key === f.key).slice(0, 1));
      const when = t.length ? `${ms(median(t.map((e) => e.start)))} → ${ms(median(t.map((e) => e.end)))}` : '–';
      details.push(`| \`${f.path}\` | ${f.raw} | ${f.gzip} | ${f.wire} | ${when} |`);
    }
    details.push(
      `| total | ${sum(a.bytes.files.map((f) => f.raw))} | ${sum(a.bytes.files.map((f) => f.gzip))} | ` +
        `${sum(a.bytes.files.map((f) => f.wire))} | |`,
    );
    // The clinic's console is an entry point of its own (ARCHITECTURE.md): none of its files
    // may be in what a visitor or a partner page pulls.
    if (a.name !== 'SurveyJS') {
      const consoleFiles = a.bytes.files.filter((f) => CONSOLE_FILE.test(f.path));
      details.push(
        '',
        `Files of the clinic's console (\`console.html\`, \`console/\`, \`treatment-finder-console-*\`) in this download: ${
          consoleFiles.length ? consoleFiles.map((f) => `\`${f.path}\``).join(', ') : 'none'
        }.`,
      );
    }
    if (a.widget) {
      const own = new Set(a.bytes.files.map((f) => f.path));
      const missing = direct.bytes.files.filter((f) => !own.has(f.path));
      if (missing.length) {
        details.push(
          '',
          `Fetched by the direct page but not by the widget (so not counted here): ${missing
            .map((f) => `\`${f.path}\` (${f.raw} bytes, ${f.gzip} gzip -9)`)
            .join(', ')}. Chromium loads no favicon for a frame.`,
        );
      }
    }
    if (a.bytes.notCounted.length) details.push('', `Not counted: ${a.bytes.notCounted.join('; ')}.`);
    if (a.bytes.external.length) details.push('', `Requests that left the servers (not counted): ${a.bytes.external.join(', ')}`);
    const failed = [...new Set(a.results.flatMap((r) => r.failed))];
    if (failed.length) details.push('', `Failed requests: ${failed.join(', ')}`);
    const unseen = [...new Set(a.results.flatMap((r) => r.unseen))];
    if (unseen.length) details.push('', `**Asked of the servers but not seen by the browser (not counted):** ${unseen.join(', ')}`);
    details.push('');
    details.push(`Runs (ms): time to first question ${a.results.map((r) => ms(r.firstQuestion)).join(', ')}; ` +
      `app working ${a.results.map((r) => ms(r.appWorking)).join(', ')}; ` +
      `last answer → result ${a.results.map((r) => ms(r.lastToResult)).join(', ')}; ` +
      `last answer → whole result ${a.results.map((r) => ms(r.lastToWhole)).join(', ')}.`);
    details.push(
      `Until the frame after (on screen), medians: first question ${ms(medianOf(a, (r) => r.firstQuestionFrame))} ms, ` +
        `last answer → result ${ms(medianOf(a, (r) => r.resultFrame))} ms.`,
    );
    if (a.widget) {
      const entry = a.results.map((r) => r.iframeEntry).filter((x) => x !== null);
      const ready = a.results.map((r) => r.ready).filter((x) => x !== null);
      details.push(
        `The widget's timeline, medians: the iframe's navigation starts ${ms(medianOf(a, (r) => r.iframeStart))} ms after the ` +
          `partner page's (timeOrigin difference; the partner page's resource timing entry for the iframe: ` +
          `${entry.length ? `${ms(median(entry))} ms` : 'none'}); the first question is ready ` +
          `${ms(medianOf(a, (r) => r.firstQuestionInFrame))} ms after that, in the iframe's own clock; the page hears ` +
          `\`treatment-finder:ready\` at ${ready.length ? `${ms(median(ready))} ms` : '–'}. Per run, iframe start ` +
          `(timeOrigin / resource entry) ms: ${a.results.map((r) => `${ms(r.iframeStart)}/${r.iframeEntry === null ? '–' : ms(r.iframeEntry)}`).join(', ')}. ` +
          `Clock check: in each frame, performance.timeOrigin + performance.now() − Date.now() differs between the iframe ` +
          `and the partner page by at most ${Math.max(...a.results.map((r) => Math.abs(r.clockGap))).toFixed(1)} ms over the runs ` +
          '(Date.now() moves in 1 ms steps).',
      );
    }
    const fcps = a.results.map((r) => r.fcp).filter((x) => x !== null);
    const dcls = a.results.map((r) => r.dcl).filter((x) => x !== null);
    if (fcps.length && dcls.length) {
      details.push(
        `For reference (medians${a.widget ? ', the iframe\'s document, on the partner page\'s timeline' : ''}): ` +
          `DOMContentLoaded ${ms(median(dcls))} ms, first contentful paint ${ms(median(fcps))} ms.`,
      );
    }
    details.push(`Result shown: “${a.results[0].summary}”`);
    details.push('');
  }
  return { tableText, full: `${tableText}\n${details.join('\n')}` };
}

// ---------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const { runs, network, only, dist } = parseArgs(process.argv.slice(2));
  const RESULTS = join(HERE, NETWORKS[network].results);
  // One link for every server: a phone loads the partner page, the finder and SurveyJS over
  // the same connection (only one app is measured at a time).
  const link = NETWORKS[network].link && slowLink(NETWORKS[network].link);
  const sj = await surveyjsRoot();
  const servers = [];
  try {
    const serve = async (promise) => {
      const server = await promise;
      servers.push(server);
      return server;
    };
    // The finder, as a clinic serves it (the end-to-end tests' server, with the app's CSP): one
    // server for the widget's runs and one for the direct page's, so each counts only its own.
    const widgetServer = await serve(serveDist({ root: dist, link }));
    const directServer = await serve(serveDist({ root: dist, link }));
    // The partner's page, on an origin of its own (another port), without a policy.
    const pages = { [PARTNER_PATH]: partnerPage(widgetServer.url) };
    const partnerServer = await serve(servePages(pages, { link }));
    // SurveyJS's page has an inline <style>: served without the finder's CSP.
    const surveyServer = await serve(serveDist({ root: sj.dir, csp: false, link }));
    const site = (server, more) => ({ server, origin: new URL(server.url).origin, ...more });
    const browser = await launchBrowser();
    try {
      if (only === 'partner') {
        const info = await machine(browser);
        const partner = await partnerLoad(browser, { dist, link, runs, serve });
        console.log(`${dist} · Chromium ${info.chromium} · ${info.cpu} · ${NETWORKS[network].describe}\n`);
        console.log(partnerReport(partner, { runs, network }));
        return;
      }
      const apps = [
        {
          name: 'treatment finder, widget',
          widget: true,
          url: `${partnerServer.url}${PARTNER_PATH}`,
          origin: new URL(widgetServer.url).origin,
          host: new URL(partnerServer.url).origin,
          sites: [site(partnerServer, { pages }), site(widgetServer, { root: dist })],
          toLastAnswer: finderToLastAnswer,
          results: [],
        },
        {
          name: 'treatment finder, direct page',
          url: `${directServer.url}/`,
          origin: new URL(directServer.url).origin,
          sites: [site(directServer, { root: dist })],
          toLastAnswer: finderToLastAnswer,
          results: [],
        },
        {
          name: 'SurveyJS',
          url: `${surveyServer.url}/`,
          origin: new URL(surveyServer.url).origin,
          sites: [site(surveyServer, { root: sj.dir })],
          toLastAnswer: surveyjsToLastAnswer,
          results: [],
          version: sj.version,
        },
      ];
      const info = await machine(browser);
      const busyBefore = await cpuBusy();
      const startLoad = loadavg().map((l) => l.toFixed(2)).join(' ');
      process.stderr.write(`bench: ${runs} cold runs per app, Chromium ${info.chromium}, network ${network}\n`);
      for (const app of apps) {
        process.stderr.write(`bench: warm-up ${app.name}\n`);
        await run(browser, app);
      }
      for (let i = 0; i < runs; i++) {
        // Each app takes each place in the order in turn.
        const order = apps.map((_, j) => apps[(i + j) % apps.length]);
        for (const app of order) {
          const r = await run(browser, app);
          app.results.push(r);
          process.stderr.write(
            `bench: run ${i + 1}/${runs} ${app.name}: first question ${ms(r.firstQuestion)} ms, app working ${ms(r.appWorking)} ms, last answer → result ${ms(r.lastToResult)} ms\n`,
          );
        }
      }
      // "Last answer → result" again on a CPU 4× slower (Chromium's throttling), as on a
      // cheap phone: the same cold runs, only that time kept.
      for (let i = 0; i < runs; i++) {
        for (const app of apps) {
          const r = await run(browser, app, { cpuRate: CPU_SLOWDOWN });
          (app.slow ??= []).push(r.lastToResult);
          (app.slowWhole ??= []).push(r.lastToWhole);
          process.stderr.write(`bench: run ${i + 1}/${runs} ${app.name} at ${CPU_SLOWDOWN}× CPU: last answer → result ${ms(r.lastToResult)} ms\n`);
        }
      }
      for (const app of apps) {
        // Every run should fetch the same files; count each file once, whichever run asked for it.
        app.bytes = await bytesOf(app, app.results.flatMap((r) => r.responses));
      }
      const partner = partnerReport(await partnerLoad(browser, { dist, link, runs, serve }), { runs, network });
      const endLoad = loadavg().map((l) => l.toFixed(2)).join(' ');
      const seconds = Math.round((Date.now() - started) / 1000);
      const { tableText, full } = report({ apps, runs, network, info, busyBefore, startLoad, endLoad, seconds });
      console.log(tableText);
      console.log(`\n${partner}`);
      await writeFile(RESULTS, `${full.trimEnd()}\n\n${partner}\n`);
      process.stderr.write(`bench: wrote ${RESULTS}\n`);
    } finally {
      await browser.close();
    }
  } finally {
    for (const server of servers) await server.close();
    await rm(sj.dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`bench: ${err?.stack ?? err}`);
  process.exit(1);
});
