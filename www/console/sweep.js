// "Who does this change affect": the sweep's view. main.js runs the worker; this draws its
// progress, its count and its examples (each opens in Try).

import { h } from './dom.js';
import { textOf } from './derive.js';

export function sweepView(ctx, { errors, onRun, onStop }) {
  const { t, state, dispatch } = ctx;
  const s = state.sweep;
  const stale = s.rulesKey !== null && s.rulesKey !== textOf(state.rules) && s.status !== 'running';
  const outcome = (o) => [
    h('strong', {}, t.treatmentWord[o.treatment] ?? o.treatment),
    Object.entries(o.dates ?? {}).filter(([, d]) => d.length).map(([k, d]) => h('span', { class: 'dates-line' }, ` · ${t.treatmentWord[k]}: ${d.join(', ')}`)),
    // Warnings by their codes (the same codes Try shows beside each warning's text).
    o.warnings?.length
      ? h('span', {}, ` · ${t.warningsOf}: `, o.warnings.flatMap((c, i) => [i ? ', ' : '', h('code', {}, c)]))
      : null,
  ];
  return h('section', { 'aria-labelledby': 'sweep-title' },
    h('h2', { id: 'sweep-title', tabindex: '-1' }, t.sweepTitle),
    h('p', {}, t.sweepIntro(state.sweepSize)),
    errors ? h('p', { class: 'msg error', id: 'sweep-blocked' }, t.sweepBlocked) : null,
    h('div', { class: 'actions' },
      s.status === 'running'
        ? h('button', { type: 'button', id: 'sweep-stop', class: 'secondary', onclick: onStop }, t.stopSweep)
        : h('button', { type: 'button', id: 'sweep-run', disabled: errors > 0, onclick: onRun }, t.runSweep)),
    s.status !== 'idle'
      ? h('div', { class: 'field' },
          h('label', { for: 'sweep-progress' }, t.sweepProgress),
          h('progress', { id: 'sweep-progress', max: String(s.total || 1), value: String(s.checked) }))
      : null,
    h('div', { id: 'sweep-status', role: 'status' },
      s.status === 'running' ? h('p', {}, t.sweepRunning(s.checked, s.total)) : null,
      s.status === 'done' ? [h('p', { id: 'sweep-count', class: 'big' }, t.sweepResult(s.changed, s.checked)), h('p', { id: 'sweep-time' }, t.sweepTook((s.ms / 1000).toFixed(1)))] : null,
      s.status === 'stopped' ? h('p', {}, t.sweepStopped, ' ', t.sweepRunning(s.checked, s.total)) : null,
      s.status === 'error' ? h('p', { class: 'msg error' }, s.message) : null,
      stale ? h('p', { class: 'msg warning' }, t.sweepStale) : null),
    s.examples.length
      ? [h('h3', {}, t.examples), h('ol', { class: 'examples', id: 'sweep-examples' }, s.examples.map((ex) =>
          h('li', {},
            h('p', { class: 'answers-line' }, answersWords(ctx, ex.answers)),
            h('p', {}, h('span', { class: 'tag' }, `${t.before}: `), outcome(ex.before)),
            h('p', {}, h('span', { class: 'tag' }, `${t.after}: `), outcome(ex.after)),
            h('button', {
              type: 'button', class: 'secondary',
              onclick: () => {
                dispatch({ type: 'try-answers', answers: { ...ex.answers }, client: '' });
                dispatch({ type: 'view', view: 'try' });
              },
            }, t.openInTry))))]
      : null);
}

/** A client's answers in a line staff can read: goals, age, event, areas, redness, health. */
function answersWords(ctx, a) {
  const { t, state } = ctx;
  const r = state.rules;
  const text = (x) => x?.[state.lang] || x?.en || x?.fr || '';
  const label = (list, key, id) => text(list.find((x) => x[key] === id)?.label) || id;
  const parts = [
    `${t.goals}: ${(a.goals ?? []).map((g) => label(r.goals, 'goal', g)).join(', ') || '—'}`,
    `${t.age}: ${a.age}`,
    a.event_date ? `${t.eventDate}: ${a.event_date}` : null,
    a.areas?.length ? `${t.areas}: ${a.areas.map((x) => t.areaNames[x] ?? x).join(', ')}` : null,
    a.downtime ? `${t.downtimeLabel}: ${t.downtimeNames[a.downtime] ?? a.downtime}` : null,
    ...[['screening', r.screening], ['recent', r.waits], ['cautions', r.cautions]]
      .filter(([k]) => a[k]?.length)
      .map(([k, list]) => a[k].map((id) => label(list, 'item', id)).join('; ')),
  ];
  return parts.filter(Boolean).join(' · ');
}
