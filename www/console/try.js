// Try: a client's answers, and the suggestion with the edited rules beside the one with the
// deployed rules, each difference marked in words and colour.

import { h } from './dom.js';
import { deployedText, recommendDeployed, recommendEdited, textOf } from './derive.js';

const GOALS = ['hydration', 'texture', 'scars', 'fine_lines', 'pigmentation', 'dullness', 'pores', 'stretch_marks', 'event'];
const AREAS = ['face', 'neck', 'decolletage', 'body'];

export function tryView(ctx) {
  const { t, state, dispatch } = ctx;
  const { answers, lang: resultLang, client } = state.tryState;
  const rules = state.rules;
  const text = (x) => x?.[state.lang] || x?.en || x?.fr || '';
  const setField = (field, value) => dispatch({ type: 'try-field', field, value });
  const toggle = (field, id, on) => {
    const list = new Set(answers[field] ?? []);
    if (on) list.add(id);
    else list.delete(id);
    setField(field, [...list]);
  };
  const checks = (field, legend, items) =>
    h('fieldset', { class: 'checks' },
      h('legend', {}, legend),
      items.map(([id, label]) => {
        const cid = `try-${field}-${id}`;
        return h('div', { class: 'check' },
          h('input', { type: 'checkbox', id: cid, checked: (answers[field] ?? []).includes(id), onchange: (e) => toggle(field, id, e.target.checked) }),
          h('label', { for: cid }, label));
      }));
  const goalLabel = (g) => text(rules.goals.find((x) => x.goal === g)?.label) || g;

  const edited = recommendEdited(textOf(rules), answers, resultLang);
  const deployed = recommendDeployed(deployedText(state), answers, resultLang);
  const diffs = edited.recommendation && deployed.recommendation ? differences(edited.recommendation, deployed.recommendation) : null;
  const deployedName = state.deployed.status === 'clinic' ? t.origin.clinic : t.origin.builtin;

  return h('section', { 'aria-labelledby': 'try-title' },
    h('h2', { id: 'try-title', tabindex: '-1' }, t.tryTitle),
    h('p', {}, t.tryIntro),
    h('div', { class: 'field inline' },
      h('label', { for: 'try-client' }, t.clients),
      h('select', { id: 'try-client', value: client, onchange: (e) => dispatch({ type: 'try-client', client: e.target.value }) },
        h('option', { value: '' }, '—'),
        state.cases.map((c, i) => h('option', { value: String(i) }, c.name))),
      h('button', {
        type: 'button', id: 'try-use-client', class: 'secondary',
        onclick: () => {
          const c = state.cases[Number(client)];
          if (client !== '' && c) dispatch({ type: 'try-answers', answers: { ...c.answers }, client });
        },
      }, t.useClient)),
    h('div', { class: 'try-grid' },
      h('form', { class: 'answers', 'aria-labelledby': 'try-answers-title', onsubmit: (e) => e.preventDefault() },
        h('h3', { id: 'try-answers-title' }, t.answersTitle),
        checks('goals', t.goals, GOALS.map((g) => [g, goalLabel(g)])),
        h('div', { class: 'field' },
          h('label', { for: 'try-event' }, t.eventDate),
          h('input', { type: 'date', id: 'try-event', value: answers.event_date ?? '', onchange: (e) => setField('event_date', e.target.value) })),
        h('div', { class: 'field' },
          h('label', { for: 'try-age' }, t.age),
          h('input', {
            type: 'number', id: 'try-age', step: '1', min: '0', max: '120', inputmode: 'numeric', value: answers.age ?? '',
            oninput: (e) => setField('age', /^\d{1,3}$/.test(e.target.value) ? Number(e.target.value) : ''),
          })),
        checks('areas', t.areas, AREAS.map((a) => [a, t.areaNames[a]])),
        h('div', { class: 'field' },
          h('label', { for: 'try-downtime' }, t.downtimeLabel),
          h('select', { id: 'try-downtime', value: answers.downtime ?? '', onchange: (e) => setField('downtime', e.target.value) },
            Object.entries(t.downtimeNames).map(([v, l]) => h('option', { value: v }, l)))),
        checks('screening', t.screeningLegend, rules.screening.map((s) => [s.item, text(s.label)])),
        checks('recent', t.recentLegend, rules.waits.map((s) => [s.item, text(s.label)])),
        checks('cautions', t.cautionsLegend, rules.cautions.map((s) => [s.item, text(s.label)])),
        h('div', { class: 'field' },
          h('label', { for: 'try-today' }, t.today),
          h('input', { type: 'date', id: 'try-today', value: answers.today ?? '', onchange: (e) => setField('today', e.target.value) })),
        h('div', { class: 'field' },
          h('label', { for: 'try-lang' }, t.resultLang),
          h('select', { id: 'try-lang', value: resultLang, onchange: (e) => dispatch({ type: 'try-lang', lang: e.target.value }) },
            h('option', { value: 'en' }, 'English'), h('option', { value: 'fr', lang: 'fr' }, 'Français')))),
      h('div', { class: 'results' },
        h('p', { id: 'try-diff', role: 'status', class: diffs?.length ? 'diff-summary changed' : 'diff-summary' },
          diffs === null ? '' : diffs.length ? t.differs(diffs.map((d) => t.diffNames[d] ?? d).join(', ')) : t.same),
        h('div', { class: 'side-by-side' },
          resultColumn(ctx, 'try-edited', t.editedRules, edited, diffs, resultLang, deployed.recommendation),
          resultColumn(ctx, 'try-deployed', t.deployedRules(deployedName), deployed, null, resultLang, null)))));
}

/** Which parts of two recommendations differ: treatment, summary, dates, warnings, reasons, aftercare, plan. */
export function differences(a, b) {
  const same = (x, y) => JSON.stringify(x) === JSON.stringify(y);
  const out = [];
  if (a.treatment !== b.treatment) out.push('treatment');
  if (a.summary !== b.summary) out.push('summary');
  const dates = (r) => r.plan.map((p) => [p.treatment, p.dates]);
  if (!same(dates(a), dates(b))) out.push('dates');
  const noDates = (r) => r.plan.map(({ dates: _d, ...rest }) => rest);
  if (!same(noDates(a), noDates(b))) out.push('plan');
  if (!same(a.warnings, b.warnings)) out.push('warnings');
  if (!same(a.reasons, b.reasons)) out.push('reasons');
  if (!same(a.aftercare, b.aftercare)) out.push('aftercare');
  return out;
}

const span = (r) => (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`);

/** A date as staff read it ("9 December 2026"), the ISO date kept in `datetime`. */
function longDate(iso, lang) {
  const d = new Date(`${iso}T12:00:00`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(lang === 'fr' ? 'fr-CA' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/**
 * One column of Try. `other` (the deployed rules' recommendation, for the edited column)
 * marks each date, warning and reason this one has and the other has not.
 */
function resultColumn(ctx, id, title, result, diffs, lang, other) {
  const { t } = ctx;
  const otherDates = (k) => other?.plan.find((p) => p.treatment === k)?.dates ?? [];
  const isNew = (found) => (other && !found ? 'changed' : false);
  const mark = (part) => (diffs?.includes(part) ? 'changed' : '');
  const tag = (part) => (diffs?.includes(part) ? h('strong', { class: 'changed-tag' }, ` (${t.changed})`) : null);
  const body = result.error
    ? h('p', { class: 'msg error' }, t.rulesError(result.error))
    : (() => {
        const r = result.recommendation;
        return [
          h('p', { class: `treatment ${mark('treatment')}`, 'data-part': 'treatment' }, h('strong', {}, t.treatmentWord[r.treatment] ?? r.treatment), tag('treatment')),
          h('p', { class: `summary ${mark('summary')}`, lang }, r.summary, tag('summary')),
          h('h4', {}, t.planTitle, tag('dates') ?? tag('plan')),
          r.plan.length
            ? h('ul', { class: `plan ${mark('dates')} ${mark('plan')}`, 'data-part': 'plan' }, r.plan.map((p) =>
                h('li', { 'data-treatment': p.treatment },
                  h('strong', { lang }, p.name), ` · ${t.bandSchedule(span(p.sessions), span(p.interval_days))}`,
                  h('ul', { class: 'dates' }, p.dates.length
                    ? p.dates.map((d) => h('li', { class: isNew(otherDates(p.treatment).includes(d)) }, h('time', { datetime: d }, longDate(d, lang))))
                    : h('li', {}, t.noDates)))))
            : h('p', {}, t.noDates),
          h('h4', {}, t.warningsOf, tag('warnings')),
          r.warnings.length
            ? h('ul', { class: `warnings ${mark('warnings')}` }, r.warnings.map((w) => h('li', { 'data-code': w.code, lang, class: isNew(other?.warnings.some((x) => x.code === w.code && x.text === w.text)) }, h('code', {}, w.code), ' ', w.text)))
            : h('p', {}, t.noWarnings),
          h('h4', {}, t.reasonsOf, tag('reasons')),
          h('ul', { class: `reasons ${mark('reasons')}` }, r.reasons.map((x) => h('li', { lang, class: isNew(other?.reasons.some((y) => y.text === x.text && y.source === x.source)) }, x.text, h('span', { class: 'source' }, ` · ${x.source}`)))),
          h('h4', {}, t.aftercareOf, tag('aftercare')),
          h('ul', { class: `aftercare ${mark('aftercare')}` }, r.aftercare.map((x) => h('li', { lang }, x))),
        ];
      })();
  return h('section', { class: 'result-col', id, 'aria-labelledby': `${id}-title` }, h('h3', { id: `${id}-title` }, title), body);
}
