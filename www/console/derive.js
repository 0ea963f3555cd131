// What the views show that the engine computes from the state: the checks of the edited
// rules, the console's own checks of its fields, and the recommendations of Try. Each is
// remembered for the inputs it was computed from, so drawing again costs nothing.

import { rulesText } from './engine.js';
import { words } from './i18n.js';

let engine = null;

export function setEngine(e) {
  engine = e;
}

/** One remembered value per function, recomputed when an input changes (by identity). */
export function memo(f) {
  let last = null;
  return (...args) => {
    if (last && args.length === last.args.length && args.every((a, i) => a === last.args[i])) return last.value;
    const value = f(...args);
    last = { args, value };
    return value;
  };
}

export const textOf = memo((rules) => (rules ? rulesText(rules) : ''));

/** `{ readable, errors, warnings }` of the edited rules, the console's findings included. */
export const checkOf = memo((rules, raw, lang) => {
  const text = textOf(rules);
  let report;
  try {
    report = engine.consoleCheck(text);
  } catch (err) {
    report = { readable: false, errors: [{ path: '$', message: String(err?.message ?? err) }], warnings: [] };
  }
  const errors = [...report.errors.map((f) => ({ ...f, by: 'engine' })), ...consoleFindings(rules, raw, lang)];
  return { readable: report.readable, errors, warnings: report.warnings.map((f) => ({ ...f, by: 'engine' })) };
});

/**
 * What the console itself refuses: a number field whose text is not a whole number, and a
 * clinic default without a note (the engine only warns about it; the console asks for the
 * reason before saving, as every fact must say where it comes from).
 */
function consoleFindings(rules, raw, lang) {
  const t = words(lang);
  const out = Object.keys(raw).map((path) => ({ path, message: t.notWhole, by: 'console' }));
  walkCited(rules, '$', (path, cited) => {
    const parts = String(cited.source ?? '').split(',').map((s) => s.trim());
    if (parts.includes('clinic default') && !String(cited.note ?? '').trim()) {
      out.push({
        path: `${path}.note`,
        message: t.noteNeeded,
        by: 'console',
      });
    }
  });
  return out;
}

/** Calls `visit(path, object)` for every object of the rules that has a `source`. */
export function walkCited(value, path, visit) {
  if (value === null || typeof value !== 'object') return;
  if (!Array.isArray(value) && typeof value.source === 'string') visit(path, value);
  if (Array.isArray(value)) value.forEach((v, i) => walkCited(v, `${path}[${i}]`, visit));
  else for (const [k, v] of Object.entries(value)) walkCited(v, `${path}.${k}`, visit);
}

/** The rules text the finder serves now (the clinic's file, else the built-in rules). */
export function deployedText(state) {
  return state.deployed.status === 'clinic' ? state.deployed.text : state.builtinText;
}

/** `{ recommendation }` or `{ error }` for these rules and answers. */
function recommend(text, answers, lang) {
  try {
    const out = engine.consoleRecommend(text, JSON.stringify(answers), lang);
    return out.error ? { error: out.error } : { recommendation: out.recommendation };
  } catch (err) {
    return { error: String(err?.message ?? err) };
  }
}

// Two memories: Try asks for both every time it draws.
export const recommendEdited = memo(recommend);
export const recommendDeployed = memo(recommend);
