// The console's start: loads the engine, reads the clinic's deployed rules, keeps the one
// state (state.js) and draws it on every change. Side effects live here: reading files,
// fetching, the sweep's worker, the download, moving focus.

import { h, patch } from './dom.js';
import { initial, reduce, VIEWS } from './state.js';
import { words } from './i18n.js';
import { loadEngine, rulesText } from './engine.js';
import { checkOf, deployedText, memo, setEngine, textOf } from './derive.js';
import { ancestors, diff, fieldId } from './paths.js';
import { attachFindings, sourceOptions } from './fields.js';
import { changeView, focusTarget } from './change.js';
import { checkView, header, openView, seeView } from './views.js';
import { tryView } from './try.js';
import { sweepView } from './sweep.js';
import { proposedRevision, saveView } from './save.js';
import * as partners from './partners.js';

/** The largest rules file the engine reads, in bytes (`engine::json_text::MAX_RULES_BYTES`). */
const MAX_RULES_BYTES = 1_048_576;

let state = initial;
let engine = null;
let scheduled = false;
let drawnView = null;
/** The Partners view's dispatch: one function for its whole life (partners.js keys on it). */
const partnersDispatch = (action) => dispatch({ type: 'partners', action });

function dispatch(action) {
  const next = reduce(state, action);
  if (next === state) return;
  state = next;
  if (!scheduled) {
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      render();
    });
  }
}

/** Today in the browser's time zone, as YYYY-MM-DD. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The sources a fact may cite: those of the built-in rules (read once). */
const sourcesOf = memo((text) => (text ? sourceOptions(JSON.parse(text)) : []));

function render() {
  const t = words(state.lang);
  document.documentElement.lang = state.lang;
  document.title = `${t.views[state.view]} · ${t.title}`;
  const ctx = { state, dispatch, t, sources: sourcesOf(state.builtinText) };
  let main;
  let counts = { errors: 0, warnings: 0, edits: 0 };
  if (state.engine.status === 'failed') {
    main = h('p', { class: 'msg error', role: 'alert' }, t.engineMissing(state.engine.message));
  } else if (state.engine.status === 'loading' || !state.rules) {
    main = h('p', { role: 'status' }, t.loading);
  } else {
    const check = checkOf(state.rules, state.raw, state.lang);
    counts = {
      errors: check.errors.length,
      warnings: check.warnings.length,
      edits: diff(state.opened.rules, state.rules).length + Object.keys(state.raw).length,
    };
    main = viewOf(ctx, check, counts);
  }
  const tree = h('div', { id: 'app' }, header(ctx, counts), h('main', { id: 'main', 'data-view': state.view }, main));
  patch(document.getElementById('app'), tree);
  afterRender();
}

function viewOf(ctx, check, counts) {
  switch (state.view) {
    case 'open':
      return openView(ctx, { onFile: openFile, onBuiltin: () => openText(state.builtinText, 'builtin', ''), onClinic: () => openText(state.deployed.text, 'clinic', state.deployed.url) });
    case 'see':
      return seeView(ctx);
    case 'change': {
      const view = changeView(ctx, check);
      attachFindings(view, [
        ...check.errors.map((f) => ({ ...f, severity: 'error' })),
        ...check.warnings.map((f) => ({ ...f, severity: 'warning' })),
      ], ctx.t);
      return view;
    }
    case 'check':
      return checkView(ctx, check);
    case 'try':
      return tryView(ctx);
    case 'sweep':
      return sweepView(ctx, { errors: counts.errors, onRun: runSweep, onStop: stopSweep });
    case 'save':
      return saveView(ctx, { errors: counts.errors, revision: revisionOf(), onSave: save });
    case 'partners':
      // partners.js keeps its own element up to date (its preview's iframe must not reload):
      // it is put in this host once, after drawing (afterRender), and never redrawn here.
      return h('div', { id: 'partners-host', 'data-own': '' });
    default:
      return null;
  }
}

/** Takes the keyboard where the last action asked: a finding's field, or a new view's heading. */
function afterRender() {
  if (state.view === 'partners') {
    const host = document.getElementById('partners-host');
    const el = partners.view(state.partners, partnersDispatch, { lang: state.lang, appUrl: new URL('./', location.href).href });
    if (host && host.firstElementChild !== el) host.replaceChildren(el);
  }
  // The address names the view drawn (a finding's link opens Change without a hashchange).
  if (location.hash !== `#${state.view}`) history[location.hash ? 'pushState' : 'replaceState'](null, '', `#${state.view}`);
  if (state.focus && state.view === 'change' && state.rules) {
    const { path, message } = state.focus;
    const anchor = ancestors(path).map((p) => document.getElementById(fieldId(p))).find(Boolean);
    if (anchor) {
      const target = focusTarget(anchor, path, message);
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'center' });
    }
    drawnView = state.view;
    dispatch({ type: 'focused' });
    return;
  }
  if (drawnView !== null && drawnView !== state.view) {
    const heading = document.querySelector('#main h2');
    if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading?.focus();
  }
  drawnView = state.view;
}

function revisionOf() {
  return state.revision ?? proposedRevision(state.rules.revision, today());
}

// ---------------------------------------------------------------------------------------
// Opening rules

function openText(text, origin, name) {
  const t = words(state.lang);
  const what = origin === 'file' ? `“${name}”` : t.origin[origin];
  const report = engine.consoleCheck(text);
  if (!report.readable) {
    const first = report.errors[0];
    const why = first ? `${first.message} (${first.path}).` : t.notRules;
    dispatch({ type: 'open-failed', notice: { kind: 'error', text: t.openFailed(what, why) } });
    return;
  }
  const errors = report.errors.length;
  dispatch({
    type: 'open', origin, name, rules: JSON.parse(text),
    notice: { kind: errors ? 'error' : 'ok', text: errors ? t.openedWithErrors(what, errors) : t.opened(what) },
  });
}

async function openFile(file) {
  const t = words(state.lang);
  // Not read at all past the engine's limit (MAX_RULES_BYTES): a stray video dropped here
  // must not fill the tab's memory before the engine refuses it.
  if (file.size > MAX_RULES_BYTES) {
    dispatch({ type: 'open-failed', notice: { kind: 'error', text: t.openFailed(`“${file.name}”`, t.tooBig(file.size)) } });
    return;
  }
  let text;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    dispatch({ type: 'open-failed', notice: { kind: 'error', text: t.openFailed(`“${file.name}”`, t.notUtf8) } });
    return;
  }
  openText(text, 'file', file.name);
}

/** Reads clinic.json beside this page and the rules file it names (same origin only). */
async function readDeployed() {
  const configUrl = new URL('clinic.json', location.href);
  let config;
  try {
    const res = await fetch(configUrl, { cache: 'no-cache' });
    if (!res.ok) return dispatch({ type: 'deployed', status: 'none' });
    config = await res.json();
  } catch (err) {
    return dispatch({ type: 'deployed', status: 'error', message: `clinic.json: ${err.message}` });
  }
  const named = config?.rules_url;
  if (typeof named !== 'string' || !named.trim()) return dispatch({ type: 'deployed', status: 'builtin' });
  let url;
  try {
    url = new URL(named, configUrl);
  } catch {
    return dispatch({ type: 'deployed', status: 'error', url: named, message: `rules_url “${named}” is not an address` });
  }
  if (url.origin !== location.origin) {
    return dispatch({ type: 'deployed', status: 'error', url: named, message: `rules_url “${named}” is on another site; the finder reads rules from its own site only` });
  }
  try {
    const res = await fetch(url, { cache: 'no-cache' });
    if (!res.ok || new URL(res.url).origin !== location.origin) throw new Error(`${named}: HTTP ${res.status}`);
    const text = await res.text();
    await engineReady;
    const report = engine.consoleCheck(text);
    if (report.errors.length) {
      const f = report.errors[0];
      throw new Error(`${named}: ${f.message} (${f.path})`);
    }
    dispatch({ type: 'deployed', status: 'clinic', url: named, text });
  } catch (err) {
    dispatch({ type: 'deployed', status: 'error', url: named, message: err.message });
  }
}

// ---------------------------------------------------------------------------------------
// The sweep

let workers = [];

/**
 * Runs the sweep in module workers, one per core the browser reports (at most 4), each on its
 * own share of the combinations; the page's count adds up their reports.
 */
function runSweep() {
  stopSweep();
  const after = textOf(state.rules);
  const before = deployedText(state);
  const total = state.sweepSize;
  const count = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));
  const share = Math.ceil(total / count);
  const started = performance.now();
  let running = count;
  dispatch({ type: 'sweep-start', total, rulesKey: after });
  workers = Array.from({ length: count }, (_, i) => {
    const worker = new Worker(new URL('./sweep-worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') {
        dispatch({ type: 'sweep-progress', checked: data.checked, changed: data.changed, examples: data.examples });
      } else if (data.type === 'done') {
        worker.terminate();
        if (--running === 0) {
          workers = [];
          dispatch({ type: 'sweep-done', ms: performance.now() - started });
        }
      } else if (data.type === 'error') {
        stopSweep();
        dispatch({ type: 'sweep-error', message: data.message });
      }
    };
    worker.onerror = (e) => {
      stopSweep();
      dispatch({ type: 'sweep-error', message: e.message || 'the worker failed' });
    };
    worker.postMessage({ before, after, start: i * share, end: Math.min(total, (i + 1) * share) });
    return worker;
  });
}

function stopSweep() {
  if (!workers.length) return;
  for (const w of workers) w.terminate();
  workers = [];
  dispatch({ type: 'sweep-stopped' });
}

// ---------------------------------------------------------------------------------------
// Saving

function save(revision) {
  const text = engine.consoleFormat(rulesText({ ...state.rules, revision }));
  const named = state.deployed.status === 'clinic' ? state.deployed.url.split('/').pop() : '';
  const fileName = named || 'clinic-rules.json';
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  dispatch({ type: 'saved', fileName });
}

// ---------------------------------------------------------------------------------------
// Start

const viewOfHash = () => {
  const v = location.hash.slice(1);
  return VIEWS.includes(v) ? v : 'open';
};
window.addEventListener('hashchange', () => dispatch({ type: 'view', view: viewOfHash() }));
// Closing or reloading the page with changes not downloaded since they were made: the browser
// asks first (nothing of them is kept anywhere else).
window.addEventListener('beforeunload', (event) => {
  const unsaved = state.rules && !state.saved && (diff(state.opened.rules, state.rules).length > 0 || Object.keys(state.raw).length > 0);
  if (unsaved) event.preventDefault();
});

const asked = new URLSearchParams(location.search).get('lang');
const lang = asked === 'fr' || asked === 'en' ? asked : (navigator.language || '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
dispatch({ type: 'lang', lang });
dispatch({ type: 'try-lang', lang });
dispatch({ type: 'view', view: viewOfHash() });
dispatch({ type: 'try-field', field: 'today', value: today() });

const engineReady = loadEngine().then((e) => {
  engine = e;
  setEngine(e);
  dispatch({ type: 'engine-ready', builtinText: e.consoleBuiltin(), cases: JSON.parse(e.consoleCases()), sweepSize: e.consoleSweepSize() });
}, (err) => dispatch({ type: 'engine-failed', message: String(err?.message ?? err) }));
readDeployed();
render();
