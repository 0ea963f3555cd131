// The editable fields of Change: a whole number, a min–max range, a text in English and in
// French side by side, and a fact's source with its note. Each field's element id is the
// id of its JSON path (paths.js), so a finding of the checks can be shown at its field and
// the Check view can take the keyboard there.

import { h } from './dom.js';
import { ancestors, fieldId, getAt } from './paths.js';

/** `ctx`: `{ state, dispatch, t, sources }` (sources: the options of a source). */
export function numberField(ctx, path, label, [lo, hi]) {
  const id = fieldId(path);
  const raw = ctx.state.raw[path];
  const value = raw ?? String(getAt(ctx.state.rules, path) ?? '');
  return h('div', { class: 'field number', 'data-key': `${id}-wrap` },
    h('label', { for: id }, label),
    h('input', {
      id, type: 'number', step: '1', min: String(lo), max: String(hi), inputmode: 'numeric', value,
      'aria-describedby': `${id}-hint`, 'data-path': path,
      oninput: (e) => {
        const text = e.target.value.trim();
        if (/^-?\d{1,9}$/.test(text)) ctx.dispatch({ type: 'edit', path, value: Number(text) });
        else ctx.dispatch({ type: 'edit-raw', path, text });
      },
    }),
    h('p', { id: `${id}-hint`, class: 'hint' }, ctx.t.allowed(lo, hi)),
    slot(id));
}

/** A min–max range (`sessions`, `interval_days`…), with its source when it has one. */
export function rangeField(ctx, path, label, limits) {
  const id = fieldId(path);
  const value = getAt(ctx.state.rules, path);
  return h('fieldset', { class: 'group range', id, tabindex: '-1' },
    h('legend', {}, label),
    h('div', { class: 'range-pair' },
      numberField(ctx, `${path}.min`, ctx.t.min, limits),
      numberField(ctx, `${path}.max`, ctx.t.max, limits)),
    slot(id),
    value && typeof value.source === 'string' ? sourceField(ctx, path) : null);
}

/** A setting: `{ value, source, note }`. */
export function settingField(ctx, path, label, limits) {
  const id = fieldId(path);
  return h('fieldset', { class: 'group setting', id, tabindex: '-1' },
    h('legend', {}, label),
    numberField(ctx, `${path}.value`, label, limits),
    slot(id),
    sourceField(ctx, path));
}

/** A text in English and in French, side by side. */
export function textPair(ctx, path, label) {
  const id = fieldId(path);
  const text = getAt(ctx.state.rules, path) ?? {};
  const cell = (lang) => {
    const cid = fieldId(`${path}.${lang}`);
    return h('div', { class: 'field text' },
      h('label', { for: cid }, `${label} (${ctx.t[`lang_${lang}`]})`),
      h('textarea', {
        id: cid, lang, rows: '3', value: text[lang] ?? '', 'data-path': `${path}.${lang}`,
        oninput: (e) => ctx.dispatch({ type: 'edit', path: `${path}.${lang}`, value: e.target.value === '' ? undefined : e.target.value }),
      }),
      slot(cid));
  };
  return h('div', { class: 'group text-pair', id, tabindex: '-1', role: 'group', 'aria-label': label },
    h('div', { class: 'pair' }, cell('en'), cell('fr')),
    slot(id));
}

/** A fact's source (a select) and note. */
export function sourceField(ctx, path) {
  const cited = getAt(ctx.state.rules, path) ?? {};
  const sid = fieldId(`${path}.source`);
  const nid = fieldId(`${path}.note`);
  const current = cited.source ?? '';
  const options = ctx.sources.includes(current) ? ctx.sources : [current, ...ctx.sources];
  return h('div', { class: 'source-fields' },
    h('div', { class: 'field' },
      h('label', { for: sid }, ctx.t.source),
      h('select', {
        id: sid, value: current, 'aria-describedby': `${sid}-hint`, 'data-path': `${path}.source`,
        onchange: (e) => ctx.dispatch({ type: 'edit', path: `${path}.source`, value: e.target.value }),
      }, options.map((s) => h('option', { value: s }, sourceName(ctx.t, s)))),
      h('p', { id: `${sid}-hint`, class: 'hint' }, ctx.t.sourceHelp),
      slot(sid)),
    h('div', { class: 'field' },
      h('label', { for: nid }, ctx.t.note),
      h('textarea', {
        id: nid, rows: '2', value: cited.note ?? '', 'data-path': `${path}.note`,
        oninput: (e) => ctx.dispatch({ type: 'edit', path: `${path}.note`, value: e.target.value === '' ? undefined : e.target.value }),
      }),
      slot(nid)));
}

/** A select of the two treatments. */
export function treatmentSelect(ctx, path, label) {
  const id = fieldId(path);
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, value: getAt(ctx.state.rules, path), onchange: (e) => ctx.dispatch({ type: 'edit', path, value: e.target.value }) },
      ['microneedling', 'mesotherapy'].map((k) => h('option', { value: k }, ctx.t.treatmentWord[k]))),
    slot(id));
}

/** How a source reads: the file names as they are, "clinic default" in the console's words. */
export function sourceName(t, source) {
  if (!source) return t.noSource;
  return source
    .split(',')
    .map((s) => s.trim())
    .map((s) => (s === 'clinic default' && t.clinicDefault !== s ? `${t.clinicDefault} (clinic default)` : s))
    .join(', ');
}

/** Every source used in the built-in rules, and each article name alone, then "clinic default". */
export function sourceOptions(builtin) {
  const seen = new Set();
  const articles = new Set();
  const visit = (v) => {
    if (v === null || typeof v !== 'object') return;
    if (!Array.isArray(v) && typeof v.source === 'string' && v.source) {
      seen.add(v.source);
      for (const part of v.source.split(',').map((s) => s.trim())) if (part !== 'clinic default') articles.add(part);
    }
    Object.values(v).forEach(visit);
  };
  visit(builtin);
  const singles = [...articles].sort();
  const combined = [...seen].filter((s) => s.includes(',')).sort();
  return [...singles, 'clinic default', ...combined];
}

function slot(id) {
  return h('div', { class: 'msgs', 'data-msgs-for': id });
}

/**
 * Writes each finding beside its field in a freshly drawn tree: under the deepest drawn
 * field its path names, in that field's message slot, as part of the control's description
 * (aria-describedby), an error also making it `aria-invalid`.
 */
export function attachFindings(tree, findings, t) {
  let n = 0;
  for (const f of findings) {
    const anchor = ancestors(f.path).map((p) => tree.querySelector(`#${cssId(fieldId(p))}`)).find(Boolean);
    if (!anchor) continue;
    const slotEl = tree.querySelector(`[data-msgs-for="${anchor.id}"]`);
    if (!slotEl) continue;
    const mid = `msg-${n++}`;
    const word = f.severity === 'error' ? t.errorWord : t.warningWord;
    slotEl.append(h('p', { id: mid, class: `msg ${f.severity}`, 'data-path': f.path }, h('strong', {}, `${word} `), f.message));
    const language = languageOf(f.message);
    const controls = /^(INPUT|SELECT|TEXTAREA)$/.test(anchor.tagName)
      ? [anchor]
      : [...anchor.querySelectorAll(':scope > .range-pair input, :scope > .field > input, :scope .pair textarea')]
          .filter((c) => !language || c.tagName !== 'TEXTAREA' || c.lang === language);
    for (const c of controls) {
      c.setAttribute('aria-describedby', [c.getAttribute('aria-describedby'), mid].filter(Boolean).join(' '));
      if (f.severity === 'error') c.setAttribute('aria-invalid', 'true');
      else c.classList.add('has-warning');
    }
  }
}

/** The language a finding about a text is about ("has no French text" → `fr`), if it says. */
export function languageOf(message) {
  if (/\bFrench\b/.test(message ?? '')) return 'fr';
  if (/\bEnglish\b/.test(message ?? '')) return 'en';
  return null;
}

function cssId(id) {
  return CSS.escape(id);
}
