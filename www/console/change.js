// Change: every number, text and source of the rules as a field. The list items themselves
// (which goals, which health questions) are the finder's code and stay as they are.

import { h } from './dom.js';
import { languageOf, numberField, rangeField, settingField, sourceField, textPair, treatmentSelect } from './fields.js';

// The limits the engine's checks set (src/engine/lint.rs), said beside each number.
const AGE = [18, 120];
const DAYS = [0, 365];
const SESSIONS = [1, 24];
const INTERVAL = [1, 365];
const MINUTES = [1, 480];

export function changeView(ctx) {
  const { t, state } = ctx;
  const rules = state.rules;
  const lang = state.lang;
  const text = (x) => x?.[lang] || x?.en || x?.fr || '';
  const section = (key, ...body) =>
    h('section', { class: 'rules-part', 'aria-labelledby': `part-${key}` },
      h('h3', { id: `part-${key}` }, t.sections[key]),
      h('div', { id: `f-${key}`, tabindex: '-1', class: 'part-anchor' }, h('div', { class: 'msgs', 'data-msgs-for': `f-${key}` })),
      ...body);
  const cited = (path, label) => h('div', { class: 'cited' }, textPair(ctx, `${path}.text`, label), sourceField(ctx, path));
  const fn = t.fieldNames;
  const sn = t.settingNames;
  const settings = ['min_age', 'microneedling_min_age', 'event_buffer_days', 'first_session_after_days', 'combined_gap_days'];

  return h('section', { 'aria-labelledby': 'change-title' },
    h('h2', { id: 'change-title', tabindex: '-1' }, t.changeTitle),
    h('p', {}, t.changeIntro),
    h('p', { class: 'safety', id: 'safety-note' }, t.safetyCode),
    h('nav', { 'aria-label': t.sectionsNav, class: 'part-nav' },
      h('ul', {}, ['settings', 'treatments', 'goals', 'screening', 'waits', 'cautions', 'age_schedules', 'goal_courses', 'aftercare', 'combination', 'messages']
        .map((k) => h('li', {}, h('a', { href: `#part-${k}`, onclick: (e) => { e.preventDefault(); jump(`part-${k}`); } }, t.sections[k]))))),
    h('form', { id: 'f-root', class: 'rules-form', tabindex: '-1', onsubmit: (e) => e.preventDefault() },
      h('div', { class: 'msgs', 'data-msgs-for': 'f-root' }),
      section('settings',
        ...settings.map((k) => settingField(ctx, `$.settings.${k}`, sn[k], k.endsWith('min_age') ? AGE : k === 'combined_gap_days' ? [1, 365] : DAYS)),
        textPair(ctx, '$.settings.practitioner', sn.practitioner)),
      section('treatments', ...['microneedling', 'mesotherapy'].map((k) => {
        const base = `$.treatments.${k}`;
        return h('section', { class: 'item', 'aria-labelledby': `item-${k}` },
          h('h4', { id: `item-${k}` }, t.treatmentWord[k]),
          textPair(ctx, `${base}.name`, fn.name),
          textPair(ctx, `${base}.explain`, fn.explain),
          rangeField(ctx, `${base}.sessions`, fn.sessions, SESSIONS),
          rangeField(ctx, `${base}.interval_days`, fn.interval_days, INTERVAL),
          rangeField(ctx, `${base}.session_minutes`, fn.session_minutes, MINUTES),
          settingField(ctx, `${base}.redness_days`, fn.redness_days, DAYS),
          ...['downtime', 'results', 'maintenance', 'general_schedule'].map((f) => cited(`${base}.${f}`, fn[f])));
      })),
      section('goals', ...rules.goals.map((g, i) => {
        const base = `$.goals[${i}]`;
        return h('section', { class: 'item', 'aria-labelledby': `item-goal-${i}` },
          h('h4', { id: `item-goal-${i}` }, text(g.label) || g.goal),
          treatmentSelect(ctx, `${base}.treatment`, t.treatmentOf),
          textPair(ctx, `${base}.label`, fn.label),
          textPair(ctx, `${base}.explain`, fn.explain),
          cited(`${base}.reason`, fn.reason),
          g.alternative ? treatmentSelect(ctx, `${base}.alternative.treatment`, t.alternativeOf) : null,
          g.alternative ? cited(`${base}.alternative.reason`, `${fn.alternative}: ${fn.reason}`) : null);
      })),
      section('screening', h('p', { class: 'safety' }, t.safetyCode), ...rules.screening.map((s, i) =>
        h('section', { class: 'item', 'aria-labelledby': `item-screening-${i}` },
          h('h4', { id: `item-screening-${i}` }, text(s.label) || s.item),
          textPair(ctx, `$.screening[${i}].label`, fn.label),
          cited(`$.screening[${i}].reason`, fn.reason)))),
      section('waits', ...rules.waits.map((w, i) =>
        h('section', { class: 'item', 'aria-labelledby': `item-wait-${i}` },
          h('h4', { id: `item-wait-${i}` }, text(w.label) || w.item),
          textPair(ctx, `$.waits[${i}].label`, fn.label),
          settingField(ctx, `$.waits[${i}].days`, fn.days, DAYS),
          cited(`$.waits[${i}].reason`, fn.reason)))),
      section('cautions', ...rules.cautions.map((c, i) =>
        h('section', { class: 'item', 'aria-labelledby': `item-caution-${i}` },
          h('h4', { id: `item-caution-${i}` }, text(c.label) || c.item),
          textPair(ctx, `$.cautions[${i}].label`, fn.label),
          cited(`$.cautions[${i}].warning`, fn.warning)))),
      section('age_schedules', ...rules.age_schedules.map((s, i) =>
        h('section', { class: 'item', 'aria-labelledby': `item-age-${i}` },
          h('h4', { id: `item-age-${i}` }, `${s.id} · ${t.treatmentWord[s.treatment] ?? s.treatment}`),
          rangeField(ctx, `$.age_schedules[${i}].ages`, fn.ages, [0, 120]),
          s.sessions ? rangeField(ctx, `$.age_schedules[${i}].sessions`, fn.sessions, SESSIONS) : null,
          s.interval_days ? rangeField(ctx, `$.age_schedules[${i}].interval_days`, fn.interval_days, INTERVAL) : null,
          cited(`$.age_schedules[${i}].reason`, fn.reason)))),
      section('goal_courses', ...rules.goal_courses.map((c, i) =>
        h('section', { class: 'item', 'aria-labelledby': `item-course-${i}` },
          h('h4', { id: `item-course-${i}` }, `${c.id} · ${t.treatmentWord[c.treatment] ?? c.treatment}`),
          rangeField(ctx, `$.goal_courses[${i}].sessions`, fn.sessions, SESSIONS),
          rangeField(ctx, `$.goal_courses[${i}].interval_days`, fn.interval_days, INTERVAL),
          cited(`$.goal_courses[${i}].reason`, fn.reason)))),
      section('aftercare', ...rules.aftercare.map((a, i) =>
        h('section', { class: 'item', 'aria-labelledby': `item-aftercare-${i}` },
          h('h4', { id: `item-aftercare-${i}` }, a.id),
          textPair(ctx, `$.aftercare[${i}].text`, fn.text),
          sourceField(ctx, `$.aftercare[${i}]`)))),
      section('combination', cited('$.combination', fn.text)),
      section('messages', ...Object.entries(rules.messages).map(([name, m]) =>
        h('section', { class: 'item', 'aria-labelledby': `item-msg-${name}` },
          h('h4', { id: `item-msg-${name}` }, name),
          typeof m?.source === 'string' ? cited(`$.messages.${name}`, fn.text) : textPair(ctx, `$.messages.${name}`, fn.text))))));
}

function jump(id) {
  const el = document.getElementById(id);
  el?.scrollIntoView({ block: 'start' });
  el?.setAttribute('tabindex', '-1');
  el?.focus({ preventScroll: true });
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
