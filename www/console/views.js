// The console's frame (title, language, sections) and the Open, See and Check views.

import { h } from './dom.js';
import { sourceName } from './fields.js';
import { segments } from './paths.js';

export const AXIS = [18, 99];

export function header(ctx, { errors, warnings, edits }) {
  const { t, state, dispatch } = ctx;
  const opened = state.opened;
  return h('header', { class: 'top' },
    h('div', { class: 'title-row' },
      h('h1', {}, t.title),
      h('button', {
        type: 'button', id: 'lang-switch', lang: t.switchLangCode, class: 'secondary',
        onclick: () => dispatch({ type: 'lang', lang: t.switchLangCode }),
      }, t.switchLang)),
    h('p', { class: 'tagline' }, t.tagline),
    opened
      ? h('p', { class: 'status-line', id: 'status-line' },
          `${t.nowOpen} ${opened.origin === 'file' ? opened.name : t.origin[opened.origin]} · ${t.revisionLabel} “${state.rules.revision}” · `,
          edits ? t.edited(edits) : t.noEdits, ' · ',
          h('span', { class: errors ? 'count-error' : '' }, t.errorsCount(errors)), ', ', t.warningsCount(warnings))
      : null,
    h('nav', { 'aria-label': t.nav, class: 'views' },
      h('ul', {}, Object.entries(t.views).map(([key, label]) =>
        h('li', {}, h('a', {
          href: `#${key}`, id: `tab-${key}`, 'aria-current': state.view === key ? 'page' : false,
        }, label, key === 'check' && errors ? h('span', { class: 'badge' }, `(${errors})`) : null))))));
}

// ---------------------------------------------------------------------------------------
// Open

export function openView(ctx, { onFile, onBuiltin, onClinic }) {
  const { t, state, dispatch } = ctx;
  const d = state.deployed;
  const clinicLine = {
    loading: t.clinicLoading,
    builtin: t.clinicBuiltin,
    none: t.clinicNoConfig,
    clinic: t.clinicNamed(d.url),
    error: t.clinicError(d.message),
  }[d.status];
  const notice = state.notice;
  return h('section', { 'aria-labelledby': 'open-title' },
    h('h2', { id: 'open-title', tabindex: '-1' }, t.openTitle),
    h('p', {}, t.openIntro),
    // Two live regions, always there, so each message is announced: a refusal as an alert.
    h('div', { id: 'open-alert', role: 'alert', class: notice?.kind === 'error' ? 'notice error' : 'notice empty' },
      notice?.kind === 'error' ? notice.text : ''),
    h('div', { id: 'open-status', role: 'status', class: notice?.kind === 'ok' ? 'notice ok' : 'notice empty' },
      notice?.kind === 'ok' ? notice.text : ''),
    h('div', { class: 'cards' },
      h('section', { class: 'card', 'aria-labelledby': 'open-builtin' },
        h('h3', { id: 'open-builtin' }, t.builtinTitle),
        h('p', {}, t.builtinText),
        h('button', { type: 'button', id: 'open-builtin-button', onclick: onBuiltin }, t.openBuiltin)),
      h('section', { class: 'card', 'aria-labelledby': 'open-clinic' },
        h('h3', { id: 'open-clinic' }, t.clinicTitle),
        h('p', { id: 'clinic-line' }, clinicLine),
        d.status === 'clinic' ? h('button', { type: 'button', id: 'open-clinic-button', onclick: onClinic }, t.openClinic) : null),
      h('section', { class: 'card', 'aria-labelledby': 'open-file' },
        h('h3', { id: 'open-file' }, t.fileTitle),
        h('p', { id: 'file-privacy' }, t.fileText),
        h('label', { for: 'file-input', class: 'file-label' }, t.fileLabel),
        h('input', {
          type: 'file', id: 'file-input', accept: '.json,application/json', 'aria-describedby': 'file-privacy',
          onchange: (e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) onFile(f); },
        }),
        h('div', {
          id: 'drop-zone', class: state.dragging ? 'drop-zone over' : 'drop-zone',
          ondragover: (e) => { e.preventDefault(); dispatch({ type: 'drag', over: true }); },
          ondragleave: () => dispatch({ type: 'drag', over: false }),
          ondrop: (e) => {
            e.preventDefault();
            dispatch({ type: 'drag', over: false });
            const f = e.dataTransfer?.files?.[0];
            if (f) onFile(f);
          },
        }, t.dropHere))));
}

// ---------------------------------------------------------------------------------------
// See

export function seeView(ctx) {
  const { t, state } = ctx;
  const r = state.rules;
  const lang = state.lang;
  const text = (x) => x?.[lang] || x?.en || x?.fr || '';
  const tname = (k) => text(r.treatments[k]?.name) || t.treatmentWord[k] || k;
  const src = (c) => sourceLine(t, c);
  const s = r.settings;
  const mnMin = Math.max(s.min_age.value, s.microneedling_min_age.value);
  // Who treats, as the finder fills it into every text.
  const fill = (x) => x.replaceAll('{practitioner}', text(s.practitioner));

  return h('section', { 'aria-labelledby': 'see-title' },
    h('h2', { id: 'see-title', tabindex: '-1' }, t.seeTitle),
    h('p', {}, t.seeIntro),

    h('section', { 'aria-labelledby': 'see-goals' },
      h('h3', { id: 'see-goals' }, t.goalsTitle),
      h('div', { class: 'table-wrap' },
        h('table', {},
          h('thead', {}, h('tr', {}, [t.colGoal, t.colTreatment, t.colAlternative, t.colAreas].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, r.goals.map((g) => h('tr', {},
            h('th', { scope: 'row' }, text(g.label)),
            h('td', {}, tname(g.treatment), src(g.reason)),
            h('td', {}, g.alternative ? [tname(g.alternative.treatment), src(g.alternative.reason)] : t.noAlternative),
            h('td', {}, g.areas?.length ? g.areas.map((a) => t.areaNames[a] ?? a).join(', ') : t.anyArea))))))),

    h('section', { 'aria-labelledby': 'see-consult' },
      h('h3', { id: 'see-consult' }, t.consultTitle),
      h('p', { class: 'safety' }, t.safetyCode),
      h('ul', { class: 'facts' },
        h('li', {}, t.underAge(s.min_age.value), src(s.min_age)),
        h('li', {}, t.mnUnderAge(mnMin), src(s.microneedling_min_age))),
      h('h4', {}, t.hardStops),
      h('ul', { class: 'facts' }, r.screening.map((x) => h('li', {}, h('strong', {}, text(x.label)), h('span', { class: 'why' }, fill(text(x.reason.text))), src(x.reason)))),
      h('h4', {}, t.waitsTitle),
      h('ul', { class: 'facts' }, r.waits.map((w) => h('li', {}, h('strong', {}, `${text(w.label)} → ${t.waitDays(w.days.value)}`), src(w.days)))),
      h('h4', {}, t.cautionsTitle),
      h('ul', { class: 'facts' }, r.cautions.map((c) => h('li', {}, h('strong', {}, text(c.label)), h('span', { class: 'why' }, fill(text(c.warning.text))), src(c.warning))))),

    h('section', { 'aria-labelledby': 'see-ages' },
      h('h3', { id: 'see-ages' }, t.agesTitle),
      h('p', {}, t.agesIntro),
      legend(t),
      ['microneedling', 'mesotherapy'].map((k) => ageAxis(ctx, k, tname(k), k === 'microneedling' ? mnMin : s.min_age.value))),

    h('section', { 'aria-labelledby': 'see-courses' },
      h('h3', { id: 'see-courses' }, t.coursesTitle),
      h('div', { class: 'cards' }, ['microneedling', 'mesotherapy'].map((k) => {
        const tr = r.treatments[k];
        const range = (x) => (x.min === x.max ? `${x.min}` : `${x.min}–${x.max}`);
        return h('section', { class: 'card', 'aria-labelledby': `see-course-${k}` },
          h('h4', { id: `see-course-${k}` }, tname(k)),
          h('p', {}, text(tr.explain)),
          h('dl', { class: 'facts-dl' },
            h('dt', {}, t.sessions), h('dd', {}, range(tr.sessions), src(tr.sessions)),
            h('dt', {}, t.interval), h('dd', {}, range(tr.interval_days), src(tr.interval_days)),
            h('dt', {}, t.minutes), h('dd', {}, range(tr.session_minutes), src(tr.session_minutes)),
            h('dt', {}, t.redness), h('dd', {}, String(tr.redness_days.value), src(tr.redness_days)),
            ...['downtime', 'results', 'maintenance', 'general_schedule'].flatMap((f) => [
              h('dt', {}, t.fieldNames[f]), h('dd', {}, text(tr[f].text), src(tr[f])),
            ])),
          r.goal_courses.some((c) => c.treatment === k)
            ? [h('h5', {}, t.goalCourses), h('ul', { class: 'facts' }, r.goal_courses.filter((c) => c.treatment === k).map((c) =>
                h('li', {}, t.goalCourseLine(c.goals.map((g) => text(r.goals.find((x) => x.goal === g)?.label) || g).join(', '), range(c.sessions), range(c.interval_days)), src(c.reason))))]
            : null);
      }))),

    h('section', { 'aria-labelledby': 'see-health' },
      h('h3', { id: 'see-health' }, t.healthTitle),
      h('div', { class: 'cards' },
        healthCard(t.hardStops, r.screening, text),
        healthCard(t.waitsTitle, r.waits, text),
        healthCard(t.cautionsTitle, r.cautions, text))),

    h('section', { 'aria-labelledby': 'see-settings' },
      h('h3', { id: 'see-settings' }, t.settingsTitle),
      h('dl', { class: 'facts-dl' },
        ...['min_age', 'microneedling_min_age', 'event_buffer_days', 'first_session_after_days', 'combined_gap_days'].flatMap((k) => [
          h('dt', {}, t.settingNames[k]), h('dd', {}, String(s[k].value), src(s[k])),
        ]),
        h('dt', {}, t.settingNames.practitioner), h('dd', {}, text(s.practitioner)))));
}

function healthCard(title, items, text) {
  return h('section', { class: 'card' }, h('h4', {}, title), h('ul', {}, items.map((x) => h('li', {}, text(x.label)))));
}

/** "Source: 001_….txt" or "Source: clinic default — its note". */
export function sourceLine(t, cited) {
  if (!cited) return null;
  const isDefault = String(cited.source ?? '').split(',').some((s) => s.trim() === 'clinic default');
  return h('span', { class: 'source' },
    h('span', { class: 'source-label' }, ` ${t.sourceLabel} `), sourceName(t, cited.source),
    cited.note && isDefault ? [' — ', cited.note] : null);
}

function legend(t) {
  return h('ul', { class: 'legend', 'aria-hidden': 'true' },
    h('li', {}, h('span', { class: 'swatch band' }), t.legendBand),
    h('li', {}, h('span', { class: 'swatch empty' }), t.legendEmpty),
    h('li', {}, h('span', { class: 'swatch gap' }), t.legendGap),
    h('li', {}, h('span', { class: 'swatch overlap' }), t.legendOverlap));
}

/**
 * One treatment's age schedules on the 18–99 axis: the bands (first in the list wins an age
 * two share), the gaps (ages from the treatment's lowest age that no band covers) and the
 * overlaps, drawn and said in words beside the drawing.
 */
export function ageBands(rules, kind, lowest) {
  const [lo, hi] = AXIS;
  const bands = rules.age_schedules
    .map((s, i) => ({ ...s, index: i }))
    .filter((s) => s.treatment === kind && s.ages.min <= s.ages.max);
  const owner = new Map();
  const overlaps = [];
  for (const b of bands) {
    for (let age = Math.max(lo, b.ages.min); age <= Math.min(hi, b.ages.max); age++) {
      if (owner.has(age)) overlaps.push({ age, winner: owner.get(age).id });
      else owner.set(age, b);
    }
  }
  const gaps = [];
  if (bands.length) {
    for (let age = Math.max(lo, lowest); age <= hi; age++) {
      if (owner.has(age)) continue;
      const last = gaps[gaps.length - 1];
      if (last && last.max === age - 1) last.max = age;
      else gaps.push({ min: age, max: age });
    }
  }
  const runs = [];
  for (const o of overlaps) {
    const last = runs[runs.length - 1];
    if (last && last.max === o.age - 1 && last.winner === o.winner) last.max = o.age;
    else runs.push({ min: o.age, max: o.age, winner: o.winner });
  }
  return { bands, gaps, overlaps: runs };
}

function ageAxis(ctx, kind, name, lowest) {
  const { t } = ctx;
  const [lo, hi] = AXIS;
  const span = hi - lo + 1;
  const { bands, gaps, overlaps } = ageBands(ctx.state.rules, kind, lowest);
  const seg = (cls, min, max, label) => {
    const a = Math.max(lo, min);
    const b = Math.min(hi, max);
    if (a > b) return null;
    const el = h('div', { class: `seg ${cls}`, title: label }, b - a >= 4 ? label : '');
    // Placed from script (the page's policy allows no style attribute in markup).
    el.style.left = `${((a - lo) / span) * 100}%`;
    el.style.width = `${((b - a + 1) / span) * 100}%`;
    return el;
  };
  const range = (x) => (x.min === x.max ? `${x.min}` : `${x.min}–${x.max}`);
  return h('figure', { class: 'age-axis', 'aria-labelledby': `axis-${kind}` },
    h('figcaption', { id: `axis-${kind}` }, t.axisLabel(name)),
    h('div', { class: 'axis', 'aria-hidden': 'true' },
      h('div', { class: 'row' },
        lowest > lo ? seg('below', lo, lowest - 1, t.belowMin(lowest)) : null,
        bands.map((b) => seg(b.sessions ? 'band' : 'empty', b.ages.min, b.ages.max, `${b.ages.min}–${b.ages.max}`)),
        gaps.map((g) => seg('gap', g.min, g.max, t.legendGap))),
      h('div', { class: 'row thin' }, overlaps.map((o) => seg('overlap', o.min, o.max, ''))),
      h('div', { class: 'ticks' }, [18, 30, 40, 50, 60, 70, 80, 90, 99].map((a) => {
        const el = h('span', {}, String(a));
        el.style.left = `${((a - lo + 0.5) / span) * 100}%`;
        return el;
      }))),
    bands.length === 0 ? h('p', {}, t.noBands) : h('ul', { class: 'facts' },
      bands.map((b) => h('li', {}, `${t.band(b.id, b.ages.min, b.ages.max)}: `,
        b.sessions ? t.bandSchedule(range(b.sessions), range(b.interval_days ?? { min: '?', max: '?' })) : t.bandNoSchedule,
        sourceLine(t, b.reason))),
      gaps.map((g) => h('li', { class: 'gap-line' }, t.gap(g.min, g.max))),
      overlaps.map((o) => h('li', { class: 'overlap-line' }, t.overlap(o.min, o.max, o.winner)))));
}

// ---------------------------------------------------------------------------------------
// Check

export function checkView(ctx, check) {
  const { t, state, dispatch } = ctx;
  const item = (f, severity) => h('li', { class: `finding ${severity}` },
    h('button', { type: 'button', class: 'link', onclick: () => dispatch({ type: 'go-to', path: f.path, message: f.message }) },
      h('span', { class: 'where' }, pathWords(t, state.rules, state.lang, f.path)),
      h('span', { class: 'what' }, f.message),
      h('span', { class: 'path' }, f.path)));
  return h('section', { 'aria-labelledby': 'check-title' },
    h('h2', { id: 'check-title', tabindex: '-1' }, t.checkTitle),
    h('p', {}, t.checkIntro),
    h('p', { id: 'check-summary', role: 'status' },
      check.errors.length + check.warnings.length === 0 ? t.noFindings : `${t.errorsCount(check.errors.length)}, ${t.warningsCount(check.warnings.length)}.`),
    state.lang === 'fr' ? h('p', { class: 'hint' }, t.engineWords) : null,
    check.errors.length ? [h('h3', {}, t.errorsTitle), h('ul', { class: 'findings', id: 'errors-list' }, check.errors.map((f) => item(f, 'error')))] : null,
    check.warnings.length ? [h('h3', {}, t.warningsTitle), h('ul', { class: 'findings', id: 'warnings-list' }, check.warnings.map((f) => item(f, 'warning')))] : null);
}

/** A JSON path in plain words: `$.goals[2].reason.text.fr` → "Goals › Acne or surgical scars › Reason › French". */
export function pathWords(t, rules, lang, path) {
  const segs = segments(path);
  const text = (x) => x?.[lang] || x?.en || x?.fr || '';
  const out = [];
  let node = rules;
  segs.forEach((s, i) => {
    const parent = segs[i - 1];
    node = node?.[s];
    if (typeof s === 'number') {
      out.push(text(node?.label) || node?.id || node?.goal || node?.item || `#${s + 1}`);
    } else if (i === 0) {
      out.push(t.sections[s] ?? t.fieldNames[s] ?? s);
    } else if (parent === 'settings') {
      out.push(t.settingNames[s] ?? s);
    } else if (parent === 'treatments') {
      out.push(t.treatmentWord[s] ?? s);
    } else if (s === 'en' || s === 'fr') {
      out.push(t[`lang_${s}`]);
    } else if (s === 'text' && segs[i + 1] === undefined && typeof node === 'object') {
      out.push(t.fieldNames.text);
    } else {
      out.push(t.fieldNames[s] ?? s);
    }
  });
  return out.length ? out.join(' › ') : '—';
}
