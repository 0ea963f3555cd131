// Change: every number, text and source of the rules as a field. The list items themselves
// (which goals, which health questions) are the finder's code and stay as they are.

import { h } from './dom.js';
import { PARTS } from './state.js';
import { languageOf, numberField, rangeField, settingField, sourceField, textPair, treatmentSelect } from './fields.js';

// The limits the engine's checks set (src/engine/lint.rs), said beside each number.
const AGE = [18, 120];
const DAYS = [0, 365];
const SESSIONS = [1, 24];
const INTERVAL = [1, 365];
const MINUTES = [1, 480];


/**
 * Change. Each part of the rules is folded under a button that says how many errors and
 * warnings it holds; only the open parts are drawn (a part holds up to a few hundred
 * fields), and a finding's link opens its part.
 */
export function changeView(ctx, check) {
  const { t, state, dispatch } = ctx;
  const rules = state.rules;
  const lang = state.lang;
  const text = (x) => x?.[lang] || x?.en || x?.fr || '';
  const count = (list, key) => list.filter((f) => f.path === `$.${key}` || f.path.startsWith(`$.${key}.`) || f.path.startsWith(`$.${key}[`)).length;
  const section = (key, body) => {
    const open = Boolean(state.openParts[key]);
    const errors = count(check.errors, key);
    const warnings = count(check.warnings, key);
    return h('section', { class: 'rules-part', 'aria-labelledby': `part-${key}` },
      h('h3', { id: `part-${key}` },
        h('button', {
          type: 'button', class: 'fold', id: `part-${key}-toggle`, 'aria-expanded': open ? 'true' : 'false', 'aria-controls': `part-${key}-body`,
          onclick: () => dispatch({ type: 'part', key, open: !open }),
        },
          h('span', { class: 'fold-mark', 'aria-hidden': 'true' }, open ? '▾ ' : '▸ '),
          t.sections[key],
          errors ? h('span', { class: 'count-error' }, ` · ${t.errorsCount(errors)}`) : null,
          warnings ? h('span', { class: 'count-warning' }, ` · ${t.warningsCount(warnings)}`) : null)),
      h('div', { id: `part-${key}-body`, hidden: !open },
        h('div', { id: `f-${key}`, tabindex: '-1', class: 'part-anchor' }, h('div', { class: 'msgs', 'data-msgs-for': `f-${key}` })),
        open ? body() : null));
  };
  const cited = (path, label) => h('div', { class: 'cited' }, textPair(ctx, `${path}.text`, label), sourceField(ctx, path));
  const fn = t.fieldNames;
  const sn = t.settingNames;
  const settings = ['min_age', 'microneedling_min_age', 'event_buffer_days', 'first_session_after_days', 'combined_gap_days'];
  const item = (id, title, ...body) => h('section', { class: 'item', 'aria-labelledby': id }, h('h4', { id }, title), ...body);

  const bodies = {
    settings: () => [
      ...settings.map((k) => settingField(ctx, `$.settings.${k}`, sn[k], k.endsWith('min_age') ? AGE : k === 'combined_gap_days' ? [1, 365] : DAYS)),
      textPair(ctx, '$.settings.practitioner', sn.practitioner),
    ],
    treatments: () => ['microneedling', 'mesotherapy'].map((k) => {
      const base = `$.treatments.${k}`;
      return item(`item-${k}`, t.treatmentWord[k],
        textPair(ctx, `${base}.name`, fn.name),
        textPair(ctx, `${base}.explain`, fn.explain),
        rangeField(ctx, `${base}.sessions`, fn.sessions, SESSIONS),
        rangeField(ctx, `${base}.interval_days`, fn.interval_days, INTERVAL),
        rangeField(ctx, `${base}.session_minutes`, fn.session_minutes, MINUTES),
        settingField(ctx, `${base}.redness_days`, fn.redness_days, DAYS),
        ...['downtime', 'results', 'maintenance', 'general_schedule'].map((f) => cited(`${base}.${f}`, fn[f])));
    }),
    goals: () => rules.goals.map((g, i) => {
      const base = `$.goals[${i}]`;
      return item(`item-goal-${i}`, text(g.label) || g.goal,
        treatmentSelect(ctx, `${base}.treatment`, t.treatmentOf),
        textPair(ctx, `${base}.label`, fn.label),
        textPair(ctx, `${base}.explain`, fn.explain),
        cited(`${base}.reason`, fn.reason),
        g.alternative ? treatmentSelect(ctx, `${base}.alternative.treatment`, t.alternativeOf) : null,
        g.alternative ? cited(`${base}.alternative.reason`, `${fn.alternative}: ${fn.reason}`) : null);
    }),
    screening: () => [
      h('p', { class: 'safety' }, t.safetyCode),
      ...rules.screening.map((x, i) => item(`item-screening-${i}`, text(x.label) || x.item,
        textPair(ctx, `$.screening[${i}].label`, fn.label),
        cited(`$.screening[${i}].reason`, fn.reason))),
    ],
    waits: () => rules.waits.map((w, i) => item(`item-wait-${i}`, text(w.label) || w.item,
      textPair(ctx, `$.waits[${i}].label`, fn.label),
      settingField(ctx, `$.waits[${i}].days`, fn.days, DAYS),
      cited(`$.waits[${i}].reason`, fn.reason))),
    cautions: () => rules.cautions.map((c, i) => item(`item-caution-${i}`, text(c.label) || c.item,
      textPair(ctx, `$.cautions[${i}].label`, fn.label),
      cited(`$.cautions[${i}].warning`, fn.warning))),
    age_schedules: () => rules.age_schedules.map((x, i) => item(`item-age-${i}`, `${x.id} · ${t.treatmentWord[x.treatment] ?? x.treatment}`,
      rangeField(ctx, `$.age_schedules[${i}].ages`, fn.ages, [0, 120]),
      x.sessions ? rangeField(ctx, `$.age_schedules[${i}].sessions`, fn.sessions, SESSIONS) : null,
      x.interval_days ? rangeField(ctx, `$.age_schedules[${i}].interval_days`, fn.interval_days, INTERVAL) : null,
      cited(`$.age_schedules[${i}].reason`, fn.reason))),
    goal_courses: () => rules.goal_courses.map((c, i) => item(`item-course-${i}`, `${c.id} · ${t.treatmentWord[c.treatment] ?? c.treatment}`,
      rangeField(ctx, `$.goal_courses[${i}].sessions`, fn.sessions, SESSIONS),
      rangeField(ctx, `$.goal_courses[${i}].interval_days`, fn.interval_days, INTERVAL),
      cited(`$.goal_courses[${i}].reason`, fn.reason))),
    aftercare: () => rules.aftercare.map((a, i) => item(`item-aftercare-${i}`, a.id,
      textPair(ctx, `$.aftercare[${i}].text`, fn.text),
      sourceField(ctx, `$.aftercare[${i}]`))),
    combination: () => [cited('$.combination', fn.text)],
    messages: () => Object.entries(rules.messages).map(([name, m]) => item(`item-msg-${name}`, name,
      typeof m?.source === 'string' ? cited(`$.messages.${name}`, fn.text) : textPair(ctx, `$.messages.${name}`, fn.text))),
  };

  return h('section', { 'aria-labelledby': 'change-title' },
    h('h2', { id: 'change-title', tabindex: '-1' }, t.changeTitle),
    h('p', {}, t.changeIntro),
    h('p', { class: 'safety', id: 'safety-note' }, t.safetyCode),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', id: 'parts-open-all', onclick: () => dispatch({ type: 'parts', open: true }) }, t.openAll),
      h('button', { type: 'button', class: 'secondary', id: 'parts-close-all', onclick: () => dispatch({ type: 'parts', open: false }) }, t.closeAll)),
    h('form', { id: 'f-root', class: 'rules-form', tabindex: '-1', onsubmit: (e) => e.preventDefault() },
      h('div', { class: 'msgs', 'data-msgs-for': 'f-root' }),
      PARTS.map((key) => section(key, bodies[key]))));
}

/** The element to take the keyboard to for a finding at `path` (Check's links). */
export function focusTarget(anchor, path, message) {
  if (/^(INPUT|SELECT|TEXTAREA)$/.test(anchor.tagName)) return anchor;
  const wantsSource = /\b(source|note)\b/i.test(message ?? '');
  const id = anchor.id;
  const language = languageOf(message);
  if (language && document.getElementById(`${id}-${language}`)) return document.getElementById(`${id}-${language}`);
  if (wantsSource) {
    const s = document.getElementById(`${id}-source`);
    if (s) return s;
  }
  return anchor.querySelector('input, select, textarea') && !anchor.classList.contains('part-anchor')
    ? anchor.querySelector('input, select, textarea')
    : anchor;
}
