// Shared helpers for the end-to-end tests (node:test + playwright-core + Debian's Chromium).
// The tests run against the release build in dist/ (scripts/test builds it first).

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

/**
 * The release build that `trunk build --release` writes (dist/). E2E_DIST points the tests at
 * another build folder, e.g. `E2E_DIST=/tmp/e2e-dist node --test tests/e2e/`.
 */
export const DIST = process.env.E2E_DIST
  ? resolve(process.env.E2E_DIST)
  : fileURLToPath(new URL('../../dist/', import.meta.url));

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ics': 'text/calendar; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * The app's Content-Security-Policy (docs/embedding.md): nothing inline, WebAssembly allowed,
 * everything from the app's own origin. `frameAncestors` lists who may show it in a frame.
 */
export function appCsp({ frameAncestors = '*', frameSrc = null } = {}) {
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    ...(frameSrc ? [`frame-src ${frameSrc}`] : []),
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/**
 * The clinic console's Content-Security-Policy (docs/embedding.md, "Headers for the clinic's
 * console"): the app's, plus `frame-src 'self'` for the Partners view's live widget, and no
 * site may frame the console.
 */
export function consoleCsp() {
  return appCsp({ frameAncestors: "'none'", frameSrc: "'self'" });
}

/** A path of the clinic's console: its page, or a file of its folder. */
export const CONSOLE_PATH = /^\/console(\.html$|\/)/;

/**
 * The headers that let a partner page isolated with `Cross-Origin-Embedder-Policy:
 * require-corp` load embed.js and frame the finder (docs/embedding.md).
 */
export const APP_ISOLATION_HEADERS = {
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * A file of a build whose name Trunk made from its content (`treatment-finder-<hash>_bg.wasm`,
 * `treatment-finder-<hash>.js`, `styles-<hash>.css`, `favicon-<hash>.svg`): a new build
 * that changes it gives it a new name. Trunk's <hash> is a 64-bit number in hex without its
 * leading zeros: 16 digits, or fewer in one build in 16 (12 or more but once in a million,
 * when such a file is only revalidated: the safe side). Only the file's own name counts: wasm-bindgen's
 * `snippets/treatment-finder-<16 hex>/…` folder is named from the crate's name and version,
 * not from the files in it, so `snippets/…/crash.js` keeps its address when it changes.
 */
export const HASHED_FILE = /(?:^|\/)[^/]+-[0-9a-f]{12,16}(?:_bg)?\.[0-9a-z]+$/;

/** Cache-Control for a hashed file: the same address never holds other bytes. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control for every other file: kept, but asked again (a 304 when unchanged) each time. */
export const CACHE_REVALIDATE = 'no-cache';

/**
 * The Cache-Control a clinic's server sends with a file of dist/, by its path
 * (docs/embedding.md, "Caching"): a year, immutable, for a hashed file; `no-cache` for the
 * rest (embed.js, the pages, clinic.json, start.js, first.js, finder-api.js,
 * finder-assets.js, the snippets), whose address stays the same from one build to the next.
 */
export function cacheControl(path) {
  return HASHED_FILE.test(path) ? CACHE_IMMUTABLE : CACHE_REVALIDATE;
}

/**
 * Serves the files under `root` on 127.0.0.1 (never another interface), with the app's
 * Content-Security-Policy header as a clinic would send it, APP_ISOLATION_HEADERS, and the
 * Cache-Control of `cacheControl` (`cache: false` sends `no-store` instead):
 * `csp: false` sends none, a string
 * sends that policy instead, and `frameAncestors` changes only who may frame the pages.
 * `port` 0 picks a free port. Resolves to `{ url, close, requests }`; `url` has no trailing
 * slash and `requests()` lists the URLs the server was asked for (path and query).
 */
export async function serveDist({ root = DIST, port = 0, csp = true, frameAncestors = '*', link = null, cache = true } = {}) {
  const base = resolve(root);
  try {
    await stat(join(base, 'index.html'));
  } catch {
    throw new Error(`${base}/index.html is missing: build the app first (trunk build --release --offline, or scripts/test)`);
  }
  const policy = csp === true ? appCsp({ frameAncestors }) : csp || null;
  const requests = [];

  const server = createServer(async (req, res) => {
    requests.push(req.url);
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      let path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      const body = await readFile(file);
      await respond(req, res, link, body, {
        'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': cache ? cacheControl(path) : 'no-store',
        ...(policy ? { 'Content-Security-Policy': csp === true && CONSOLE_PATH.test(path) ? consoleCsp() : policy } : {}),
        ...APP_ISOLATION_HEADERS,
      });
    } catch (err) {
      const missing = err?.code === 'ENOENT' || err?.code === 'EISDIR' || err instanceof URIError;
      res.writeHead(missing ? 404 : 500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(missing ? 'not found' : 'server error');
    }
  });
  return listen(server, port, requests);
}

/**
 * Serves in-memory pages on 127.0.0.1, e.g. a partner's page on an origin of its own:
 * `pages` maps a path (`/partner.html`) to its HTML, or to `{ html, csp, headers }` for a page
 * with a policy (and other headers) of its own; `csp` is the Content-Security-Policy sent with
 * the other pages (none when omitted). Resolves like `serveDist`.
 */
export async function servePages(pages, { port = 0, csp, link = null } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    const page = Object.hasOwn(pages, path) ? pages[path] : null;
    if (page === null) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const body = Buffer.from(typeof page === 'string' ? page : page.html);
    const policy = typeof page === 'string' ? csp : page.csp;
    await respond(req, res, link, body, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      ...(policy ? { 'Content-Security-Policy': policy } : {}),
      ...(typeof page === 'string' ? {} : page.headers),
    });
  });
  return listen(server, port, requests);
}

/**
 * A simulated slow network for the benchmark (bench/run.mjs), shared by every server given it,
 * as one phone's connection is shared by every file it loads: each response waits one round
 * trip (`rttMs`) before its first byte, is sent gzip-compressed (level 9) when the browser
 * accepts it, as a clinic's web server would, and its bytes queue on the one link at
 * `kbitPerSecond`. Connection set-up is not simulated. The tests never use it.
 */
export function slowLink({ rttMs, kbitPerSecond }) {
  const bytesPerMs = (kbitPerSecond * 1000) / 8 / 1000;
  let freeAt = 0;
  const wait = (ms) => new Promise((done) => setTimeout(done, Math.max(0, ms)));
  return {
    rttMs,
    wait,
    /** Resolves once `bytes` more bytes have crossed the link, after what was queued before. */
    carry(bytes) {
      const now = performance.now();
      freeAt = Math.max(now, freeAt) + bytes / bytesPerMs;
      return wait(freeAt - now);
    },
  };
}

const CHUNK = 16 * 1024;

/** Sends `body` with `headers`: at once, or over `link` (see `slowLink`). */
async function respond(req, res, link, body, headers) {
  const head = req.method === 'HEAD';
  if (!link) {
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    res.end(head ? undefined : body);
    return;
  }
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const sent = gzip ? gzipSync(body, { level: 9 }) : body;
  await link.wait(link.rttMs);
  res.writeHead(200, {
    ...headers,
    'Content-Length': sent.length,
    ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
  });
  if (head) {
    res.end();
    return;
  }
  for (let at = 0; at < sent.length; at += CHUNK) {
    const chunk = sent.subarray(at, at + CHUNK);
    await link.carry(chunk.length);
    if (res.destroyed) return;
    res.write(chunk);
  }
  res.end();
}

async function listen(server, port, requests) {
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}`,
    requests: () => [...requests],
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Chromium flags: quiet on a machine without outside network, and runnable as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches Debian's headless Chromium (never a browser downloaded by Playwright). */
export function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

/**
 * What most test files share: one server of dist/ (serveDist) and one Chromium, started
 * before the file's first test and closed after its last. Call it at the top of the file;
 * `server` and `browser` are set once the file's tests run.
 */
export function distAndBrowser() {
  const shared = { server: null, browser: null };
  before(async () => {
    shared.server = await serveDist();
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for URLs that stay on this machine (loopback, or data:/blob:/about: with no network). */
export function isLocalUrl(url) {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return LOCAL_HOSTS.has(u.hostname);
}

/**
 * Records every request a page (or a whole browser context) makes, and aborts any that
 * would leave this machine, so a test can assert on them without traffic going out.
 * Call it before navigating. Returns `{ all, external }`: functions giving the URLs so far.
 */
export async function recordRequests(pageOrContext) {
  const urls = [];
  pageOrContext.on('request', (request) => urls.push(request.url()));
  await pageOrContext.route((url) => !isLocalUrl(url.href), (route) => route.abort('blockedbyclient'));
  return {
    all: () => [...urls],
    external: () => urls.filter((url) => !isLocalUrl(url)),
  };
}

// ---------------------------------------------------------------------------------------
// Helpers for the questionnaire journeys (journeys, privacy, a11y, config, screenshots).
// They drive the app only through accessible names, taken from rules/default.json (the
// texts the engine and the questionnaire show) and from the UI's own words below.

/** The rules file whose labels and messages the app shows. */
export const RULES = JSON.parse(
  await readFile(fileURLToPath(new URL('../../rules/default.json', import.meta.url)), 'utf8'),
);

/** The engine's cases, with the dates they expect (tests/data/recommend.json). */
export const CASES = JSON.parse(
  await readFile(fileURLToPath(new URL('../data/recommend.json', import.meta.url)), 'utf8'),
);

/** The engine case whose name starts with `prefix` (throws when there is none). */
export function engineCase(prefix) {
  const found = CASES.find((c) => c.name.startsWith(prefix));
  if (!found) throw new Error(`no engine case named "${prefix}…" in tests/data/recommend.json`);
  return found;
}

/** The date every test pretends is today: the engine cases' `today`. */
export const TODAY = '2026-11-22';
/** Mid-morning in Montreal on TODAY. */
export const NOW = new Date(`${TODAY}T10:00:00-05:00`);
export const TIMEZONE = 'America/Montreal';

/** The UI's own words (not from the rules file), by language. */
export const UI = {
  en: {
    title: 'Treatment finder',
    switchTo: 'Français',
    next: 'Next',
    back: 'Back',
    seeResult: 'See my suggestion',
    step: (n, of) => `Step ${n} of ${of}`,
    stepPattern: /^\s*Step (\d+) of (\d+)\s*$/,
    eventDate: 'Date of your event',
    age: 'Your age',
    areas: { face: 'Face', neck: 'Neck', decolletage: 'Décolletage', body: 'Body' },
    downtime: { none: 'None', one_or_two_days: 'One or two days', a_week: 'Up to a week', not_sure: 'Not sure' },
    noneApply: 'None of these apply to me',
    healthGroups: { stops: 'Your health and skin', recent: 'In the last few weeks', cautions: 'Worth mentioning at your consultation' },
    book: 'Book a consultation',
    calendar: 'Add to calendar',
    copyLink: 'Copy link',
    print: 'Print or save as PDF',
    startOver: 'Start over',
    remember: 'Remember my answers on this device',
    forget: 'Forget my answers',
    fromArticles: 'From the clinic’s articles:',
    clinicPractice: 'The clinic’s practice',
  },
  fr: {
    title: 'Trouver mon traitement',
    switchTo: 'English',
    next: 'Suivant',
    back: 'Retour',
    seeResult: 'Voir ma suggestion',
    step: (n, of) => `Étape ${n} sur ${of}`,
    stepPattern: /^\s*Étape (\d+) sur (\d+)\s*$/,
    eventDate: 'Date de votre événement',
    age: 'Votre âge',
    areas: { face: 'Visage', neck: 'Cou', decolletage: 'Décolleté', body: 'Corps' },
    downtime: { none: 'Aucune', one_or_two_days: 'Un ou deux jours', a_week: 'Jusqu’à une semaine', not_sure: 'Je ne sais pas' },
    noneApply: 'Rien de cela ne me concerne',
    healthGroups: { stops: 'Votre santé et votre peau', recent: 'Au cours des dernières semaines', cautions: 'À mentionner lors de votre consultation' },
    book: 'Prendre rendez-vous',
    calendar: 'Ajouter à mon agenda',
    copyLink: 'Copier le lien',
    print: 'Imprimer ou enregistrer en PDF',
    startOver: 'Recommencer',
    remember: 'Garder mes réponses sur cet appareil',
    forget: 'Effacer mes réponses',
    fromArticles: 'Tiré des articles de la clinique (en anglais)\u00a0:',
    clinicPractice: 'Pratique de la clinique',
  },
};

/** A goal's label in the rules file (`hydration` → "Hydration"). */
export function goalLabel(goal, lang = 'en') {
  const rule = RULES.goals.find((g) => g.goal === goal);
  if (!rule) throw new Error(`no goal "${goal}" in rules/default.json`);
  return rule.label[lang];
}

/** A screening item's label in the rules file. */
export function screeningLabel(item, lang = 'en') {
  const rule = RULES.screening.find((s) => s.item === item);
  if (!rule) throw new Error(`no screening item "${item}" in rules/default.json`);
  return rule.label[lang];
}

/** Every screening item id in the rules file (the hard stops). */
export const SCREENING_IDS = RULES.screening.map((s) => s.item);

/** A waiting period's question in the rules file (`sunburn_or_tan` → "I have a sunburn…"). */
export function waitLabel(item, lang = 'en') {
  const rule = RULES.waits.find((w) => w.item === item);
  if (!rule) throw new Error(`no waiting period "${item}" in rules/default.json`);
  return rule.label[lang];
}

/** A soft warning's question in the rules file. */
export function cautionLabel(item, lang = 'en') {
  const rule = RULES.cautions.find((c) => c.item === item);
  if (!rule) throw new Error(`no caution "${item}" in rules/default.json`);
  return rule.label[lang];
}

/** Every waiting-period id (`recent` in the answers) and every soft-warning id (`cautions`). */
export const RECENT_IDS = RULES.waits.map((w) => w.item);
export const CAUTION_IDS = RULES.cautions.map((c) => c.item);

/**
 * Every health answer the visitor can give, as `{ id, labels: { en, fr } }`: hard stops,
 * waiting periods and soft warnings. None may be stored, shared or sent.
 */
export const HEALTH_ANSWERS = [
  ...SCREENING_IDS.map((id) => ({ id, labels: { en: screeningLabel(id, 'en'), fr: screeningLabel(id, 'fr') } })),
  ...RECENT_IDS.map((id) => ({ id, labels: { en: waitLabel(id, 'en'), fr: waitLabel(id, 'fr') } })),
  ...CAUTION_IDS.map((id) => ({ id, labels: { en: cautionLabel(id, 'en'), fr: cautionLabel(id, 'fr') } })),
];

/** The summary sentence the engine gives for a treatment (`both`, `consult`, …). */
export function summaryText(treatment, lang = 'en') {
  return ruleText(RULES.messages[`summary_${treatment}`], lang);
}

/**
 * A rules text (`{ en, fr }`) in `lang` as the app shows it: `{practitioner}` is who treats at
 * the clinic (`settings.practitioner`), other placeholders come from `values`, and it is
 * squashed as the page's text is read (French no-break spaces become spaces).
 */
export function ruleText(text, lang = 'en', values = {}) {
  const all = { practitioner: RULES.settings.practitioner[lang], ...values };
  return squash(text[lang].replace(/\{(\w+)\}/g, (whole, key) => (key in all ? String(all[key]) : whole)));
}

/** A number of days with its unit, as the engine fills `{days}` ("1 day", « 14 jours »). */
export function days(n, lang = 'en') {
  if (lang === 'fr') return `${n}\u00a0${n > 1 ? 'jours' : 'jour'}`;
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

/** "2026-11-29" → "29 November 2026" / "29 novembre 2026" ("1er" for the first, in French). */
export function longDate(iso, lang = 'en') {
  const [y, m, d] = iso.split('-').map(Number);
  const day = lang === 'fr' && d === 1 ? '1er' : String(d);
  return `${day} ${MONTHS[lang][m - 1]} ${y}`;
}

/** `iso` plus `days` days, as an ISO date. */
export function addDays(iso, days) {
  const t = Date.UTC(...iso.split('-').map(Number).map((v, i) => (i === 1 ? v - 1 : v))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Collapses runs of white space (text read from the page). */
export const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * A browser context whose clock is fixed at NOW in Montreal, so the app's "today" is TODAY.
 * `options` go to browser.newContext (locale, viewport, permissions…).
 */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({
    locale: 'en-CA',
    timezoneId: TIMEZONE,
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  await context.clock.setFixedTime(NOW);
  // Auto-waiting fails within 10 s rather than Playwright's 30 s: the app answers at once.
  context.setDefaultTimeout(10_000);
  return context;
}

/** A page URL with query parameters (`{ lang: 'fr' }` → `/?lang=fr`). */
export function appUrl(base, query = {}, fragment = '') {
  const url = new URL(`${base}/`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  if (fragment) url.hash = fragment;
  return url.href;
}

/**
 * Opens the app and waits until the first step (or whatever step it resumes on) is shown by the
 * app itself. The page shows its first step drawn at build time (`#tf-first`, www/first.js)
 * until the app takes over and draws it anew: an element read in between may be gone the next
 * moment, and the clinic's settings (its accent) are not applied yet. tests/e2e/first-screen
 * tests that early screen on its own.
 */
export async function openApp(page, url) {
  await page.goto(url);
  await page.locator('[data-step-heading], h2').first().waitFor();
  await page.locator('#tf-first').waitFor({ state: 'detached' });
}

/** The "Step N of M" text currently shown, as numbers `{ n, of }` (null when absent). */
export async function stepNumber(page, lang = 'en') {
  const el = page.getByText(UI[lang].stepPattern).first();
  await el.waitFor();
  const m = UI[lang].stepPattern.exec(await el.textContent());
  return m && { n: Number(m[1]), of: Number(m[2]) };
}

/** Waits until "Step n of …" is shown. */
export async function waitForStep(page, n, lang = 'en') {
  const re = lang === 'fr' ? new RegExp(`^\\s*Étape ${n} sur \\d+\\s*$`) : new RegExp(`^\\s*Step ${n} of \\d+\\s*$`);
  await page.getByText(re).first().waitFor();
}

/** The button that continues the current step. */
export function nextButton(page, lang = 'en') {
  return page.getByRole('button', { name: UI[lang].next, exact: true });
}

/**
 * Answers the questionnaire through its controls and lands on the result.
 * `answers`: `{ goals: [...ids], event_date, age, areas: [...ids], downtime, screening: [...ids],
 * recent: [...ids], cautions: [...ids] }` in the engine's input format (tests/data/recommend.json);
 * with no health item at all, "None of these apply to me" is ticked. The areas in `areas` are
 * ticked (face when there is none, as the engine reads answers without areas), the others not.
 */
export async function completeQuiz(page, answers, lang = 'en') {
  await answerSteps(page, answers, lang);
  await page.getByRole('button', { name: UI[lang].seeResult, exact: true }).click();
  await waitForResult(page);
}

/**
 * Waits until the result is drawn whole. Its top (the suggestion, the Book link, the warnings,
 * the sections' headings) is drawn on the click, and the rest (the sections' contents, the
 * disclaimer, the actions) a frame later: reading the result right after `#result-summary`
 * appears would race that frame. `scope`: a page or a frame locator.
 */
export async function waitForResult(scope) {
  await scope.locator('#result-summary').waitFor();
  await scope.locator('.result .disclaimer').waitFor({ state: 'attached' });
}

/** Answers the three steps as `completeQuiz` does, and stops on the health step's answers. */
export async function answerSteps(page, answers, lang = 'en') {
  await answerGoals(page, answers, lang);
  await nextButton(page, lang).click();
  await waitForStep(page, 2, lang);
  await answerAboutYou(page, answers, lang);
  await nextButton(page, lang).click();
  await waitForStep(page, 3, lang);
  await answerHealth(page, answers, lang);
}

export async function answerGoals(page, { goals = [], event_date } = {}, lang = 'en') {
  for (const goal of goals) {
    await page.getByRole('checkbox', { name: goalLabel(goal, lang), exact: true }).check();
  }
  if (event_date) {
    await page.getByLabel(UI[lang].eventDate, { exact: true }).fill(event_date);
  }
}

export async function answerAboutYou(page, { age, areas, downtime } = {}, lang = 'en') {
  if (age !== undefined) await page.getByLabel(UI[lang].age, { exact: true }).fill(String(age));
  // Nothing is ticked for the visitor: without `areas`, face (the engine's default area).
  const wanted = areas ?? ['face'];
  for (const [id, label] of Object.entries(UI[lang].areas)) {
    await page.getByRole('checkbox', { name: label, exact: true }).setChecked(wanted.includes(id));
  }
  if (downtime) {
    await page.getByRole('radio', { name: UI[lang].downtime[downtime], exact: true }).check();
  }
}

export async function answerHealth(page, { screening = [], recent = [], cautions = [] } = {}, lang = 'en') {
  if (screening.length + recent.length + cautions.length === 0) {
    await page.getByRole('checkbox', { name: UI[lang].noneApply, exact: true }).check();
  }
  for (const item of screening) {
    await page.getByRole('checkbox', { name: screeningLabel(item, lang), exact: true }).check();
  }
  for (const item of recent) {
    await page.getByRole('checkbox', { name: waitLabel(item, lang), exact: true }).check();
  }
  for (const item of cautions) {
    await page.getByRole('checkbox', { name: cautionLabel(item, lang), exact: true }).check();
  }
}

/** The timeline's entries as `{ datetime, text }` (an empty list when there is none). */
export async function timelineEntries(page) {
  return page.locator('#timeline > li').evaluateAll((items) =>
    items.map((li) => ({
      datetime: li.querySelector('time')?.getAttribute('datetime') ?? null,
      text: li.textContent.replace(/\s+/g, ' ').trim(),
    })),
  );
}

/**
 * Opens every folded detail section of a plan result (a phone shows them folded), as a visitor
 * who taps each heading, and waits until each is open.
 */
export async function openSections(page) {
  const folded = page.locator('button.fold-button[aria-expanded="false"]');
  while ((await folded.count()) > 0) {
    const before = await folded.count();
    await folded.first().click();
    await page.waitForFunction((n) => document.querySelectorAll('button.fold-button[aria-expanded="false"]').length < n, before);
  }
}

/** The text of `#result-summary`. */
export async function summary(page) {
  return squash(await page.locator('#result-summary').textContent());
}

/**
 * Collects console messages and uncaught errors of a page: `{ messages, errors, pageErrors }`,
 * where `messages` holds `{ type, text, url }` and `errors()` the `console.error` texts.
 */
export function collectConsole(page) {
  const messages = [];
  const pageErrors = [];
  page.on('console', (msg) => messages.push({ type: msg.type(), text: msg.text(), url: msg.location()?.url ?? '' }));
  page.on('pageerror', (err) => pageErrors.push(String(err?.stack ?? err)));
  return {
    messages,
    pageErrors,
    // Chromium asks for /favicon.ico by itself and logs its 404; that is not the app's error.
    errors: () =>
      messages.filter((m) => m.type === 'error' && !m.url.endsWith('/favicon.ico')).map((m) => m.text),
  };
}

/** Presses Tab until `predicate(activeElementInfo)` holds (at most `max` times). */
export async function tabUntil(page, predicate, { max = 60, shift = false, what = 'the wanted element' } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const info = await activeElement(page);
    if (predicate(info)) return info;
  }
  throw new Error(`pressed Tab ${max} times without reaching ${what}`);
}

/** What has focus: tag, id, type, role, accessible-ish name (label or text), checked. */
export function activeElement(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body' };
    const labels = el.labels ? [...el.labels].map((l) => l.textContent.replace(/\s+/g, ' ').trim()) : [];
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      type: el.getAttribute('type'),
      role: el.getAttribute('role'),
      name: (labels[0] ?? el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      checked: 'checked' in el ? el.checked : undefined,
      isHeading: /^H[1-6]$/.test(el.tagName) || el.getAttribute('role') === 'heading',
    };
  });
}

/** Every long date ("29 November 2026", "1er décembre 2026") in `text`, as ISO dates. */
export function datesIn(text, lang = 'en') {
  const months = MONTHS[lang].join('|');
  const re = new RegExp(`(\\d{1,2})(?:er)? (${months}) (\\d{4})`, 'g');
  return [...text.matchAll(re)].map(([, d, m, y]) => {
    const month = MONTHS[lang].indexOf(m) + 1;
    return `${y}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  });
}

/** Waits until keyboard focus is on a heading whose text is `name` (any heading when omitted). */
export async function waitForFocusedHeading(page, name) {
  await page.waitForFunction((want) => {
    const el = document.activeElement;
    if (!el || !(/^H[1-6]$/.test(el.tagName) || el.getAttribute('role') === 'heading')) return false;
    return want === undefined || el.textContent.replace(/\s+/g, ' ').trim() === want;
  }, name);
}

/**
 * Clicks "Copy link" and returns the link: from the clipboard when the browser allowed it
 * (grant 'clipboard-read' and 'clipboard-write'), else from the read-only field shown instead.
 */
export async function copyLink(page, lang = 'en') {
  await page.getByRole('button', { name: UI[lang].copyLink, exact: true }).click();
  const copied = page.getByRole('status').filter({ hasText: lang === 'fr' ? 'Lien copié.' : 'Link copied.' });
  const field = page.locator('#share-link');
  await copied.or(field).first().waitFor();
  if (await field.isVisible()) return field.inputValue();
  return page.evaluate(() => navigator.clipboard.readText());
}

/**
 * Waits until keyboard focus is on the heading of step `n`: a heading inside the same
 * section as the "Step n of M" text (not the page's h1).
 */
export async function waitForFocusedStepHeading(page, n, lang = 'en') {
  const source = (lang === 'fr' ? `^\\s*Étape ${n} sur \\d+\\s*$` : `^\\s*Step ${n} of \\d+\\s*$`);
  await page.waitForFunction((src) => {
    const el = document.activeElement;
    if (!el || !(/^H[1-6]$/.test(el.tagName) || el.getAttribute('role') === 'heading') || el.tagName === 'H1') return false;
    const re = new RegExp(src);
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const texts = [...box.querySelectorAll('p, span, div, li')].map((e) => e.textContent);
      if (texts.some((t) => re.test(t))) return true;
    }
    return false;
  }, source);
}

// ---------------------------------------------------------------------------------------
// Helpers for the partner widget (embed.js) and the Content-Security-Policy.

/**
 * Records every Content-Security-Policy violation in every frame of the pages the context
 * opens (`window.__cspViolations`). Call it before opening a page; read with `cspViolations`.
 */
export async function watchCsp(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

/** The CSP violations recorded so far in `page` and all its frames, as "frame URL: violation". */
export async function cspViolations(page) {
  const all = [];
  for (const frame of page.frames()) {
    if (frame.isDetached()) continue;
    let found;
    try {
      found = await frame.evaluate(() => window.__cspViolations ?? []);
    } catch (err) {
      if (frame.isDetached()) continue; // it went away while being asked: nothing to read
      throw err;
    }
    all.push(...found.map((v) => `${frame.url()}: ${v}`));
  }
  return all;
}

/** The iframe (a Playwright Frame) of the <treatment-finder> matching `selector`. */
export async function widgetFrame(page, selector) {
  const iframe = await page.locator(selector).evaluateHandle((el) => el.shadowRoot.querySelector('iframe'));
  const frame = await iframe.asElement()?.contentFrame();
  if (!frame) throw new Error(`${selector} has no iframe`);
  return frame;
}
