// The console's one reducer: `reduce(state, action)` is the only place its state changes.
// Everything else reads the state (views, derive.js) or turns events and the engine's
// answers into actions (main.js). Values the engine computes from the state (the checks,
// the recommendations) are not kept here: derive.js recomputes them from it.

import { setAt } from './paths.js';
import * as partners from './partners.js';

/** The parts of the rules Change folds, in its order (change.js draws them). */
export const PARTS = ['settings', 'treatments', 'goals', 'screening', 'waits', 'cautions', 'age_schedules', 'goal_courses', 'aftercare', 'combination', 'messages'];

/** The part a JSON path is in (`$.goals[2].label` → `goals`). */
function partOf(path) {
  return /^\$\.([a-z_]+)/.exec(path)?.[1] ?? '';
}

export const VIEWS = ['open', 'see', 'change', 'check', 'try', 'sweep', 'save', 'partners'];

/** Blank answers for Try (the engine's answers contract). */
export const BLANK_ANSWERS = { goals: [], age: 30, areas: ['face'], screening: [], recent: [], cautions: [] };

export const initial = {
  lang: 'en',
  view: 'open',
  engine: { status: 'loading', message: '' }, // loading | ready | failed
  builtinText: '',
  cases: [],
  sweepSize: 0,
  // What the finder serves now: the clinic's rules file when clinic.json names one, else the
  // built-in rules. Try and the sweep compare the edited rules with these.
  deployed: { status: 'loading', url: '', text: '', message: '' }, // loading | builtin | clinic | error | none
  // The rules as opened (the base of "what changed") and as edited.
  opened: null, // { origin: builtin | clinic | file, name, rules }
  rules: null,
  // A number field whose text is not a whole number yet: its text, by path. The rules keep
  // the last whole number until it is one again (and saving is blocked meanwhile).
  raw: {},
  notice: null, // { kind: ok | error, text } after opening
  dragging: false,
  focus: null, // { path, seq }: the field to take the keyboard to after drawing
  openParts: { settings: true, treatments: true }, // the parts of the rules Change shows unfolded
  tryState: { answers: { ...BLANK_ANSWERS }, lang: 'en', client: '' },
  sweep: { status: 'idle', checked: 0, total: 0, changed: 0, examples: [], ms: 0, rulesKey: null, message: '' },
  revision: null, // the revision typed in Save (null: the proposed one)
  saved: null, // the file name last downloaded
  partners: partners.initial,
};

export function reduce(state, action) {
  switch (action.type) {
    case 'lang':
      return { ...state, lang: action.lang };
    case 'view':
      return VIEWS.includes(action.view) ? { ...state, view: action.view, focus: action.focus ?? null } : state;
    case 'engine-ready':
      return {
        ...state,
        engine: { status: 'ready', message: '' },
        builtinText: action.builtinText,
        cases: action.cases,
        sweepSize: action.sweepSize,
        ...(state.rules ? {} : opened({ origin: 'builtin', name: '', rules: JSON.parse(action.builtinText) })),
      };
    case 'engine-failed':
      return { ...state, engine: { status: 'failed', message: action.message } };
    case 'deployed':
      return { ...state, deployed: { status: action.status, url: action.url ?? '', text: action.text ?? '', message: action.message ?? '' } };
    case 'open':
      return { ...state, ...opened({ origin: action.origin, name: action.name ?? '', rules: action.rules }), notice: action.notice };
    case 'open-failed':
      return { ...state, notice: action.notice };
    case 'drag':
      return state.dragging === action.over ? state : { ...state, dragging: action.over };
    case 'edit': {
      const { [action.path]: _gone, ...raw } = state.raw;
      return { ...state, rules: setAt(state.rules, action.path, action.value), raw, saved: null };
    }
    case 'edit-raw':
      return { ...state, raw: { ...state.raw, [action.path]: action.text }, saved: null };
    case 'part':
      return { ...state, openParts: { ...state.openParts, [action.key]: action.open } };
    case 'parts':
      return { ...state, openParts: Object.fromEntries(PARTS.map((k) => [k, action.open])) };
    case 'go-to':
      return { ...state, view: 'change', openParts: { ...state.openParts, [partOf(action.path)]: true }, focus: { path: action.path, message: action.message ?? '', seq: (state.focus?.seq ?? 0) + 1 } };
    case 'focused':
      return { ...state, focus: null };
    case 'try-answers':
      return { ...state, tryState: { ...state.tryState, answers: action.answers, client: action.client ?? state.tryState.client } };
    case 'try-field':
      return { ...state, tryState: { ...state.tryState, answers: withField(state.tryState.answers, action.field, action.value) } };
    case 'try-client':
      return { ...state, tryState: { ...state.tryState, client: action.client } };
    case 'try-lang':
      return { ...state, tryState: { ...state.tryState, lang: action.lang } };
    case 'sweep-start':
      return { ...state, sweep: { status: 'running', checked: 0, total: action.total, changed: 0, examples: [], ms: 0, rulesKey: action.rulesKey, message: '' } };
    case 'sweep-progress':
      if (state.sweep.status !== 'running') return state;
      return {
        ...state,
        sweep: {
          ...state.sweep,
          checked: state.sweep.checked + action.checked,
          changed: state.sweep.changed + action.changed,
          examples: [...state.sweep.examples, ...action.examples].sort((a, b) => a.index - b.index).slice(0, 10),
        },
      };
    case 'sweep-done':
      return state.sweep.status === 'running' ? { ...state, sweep: { ...state.sweep, status: 'done', ms: action.ms } } : state;
    case 'sweep-stopped':
      return state.sweep.status === 'running' ? { ...state, sweep: { ...state.sweep, status: 'stopped' } } : state;
    case 'sweep-error':
      return { ...state, sweep: { ...state.sweep, status: 'error', message: action.message } };
    case 'revision':
      return { ...state, revision: action.text, saved: null };
    case 'saved':
      return { ...state, saved: action.fileName };
    case 'partners':
      return { ...state, partners: partners.reduce(state.partners, action.action) };
    default:
      return state;
  }
}

/** The fields that change when other rules are opened. */
function opened({ origin, name, rules }) {
  return {
    opened: { origin, name, rules },
    rules,
    raw: {},
    revision: null,
    saved: null,
    sweep: { ...initial.sweep },
  };
}

/** The answers with one field changed; an empty value removes an optional field. */
function withField(answers, field, value) {
  const next = { ...answers };
  if (value === '' || value === undefined || value === null) delete next[field];
  else next[field] = value;
  return next;
}
