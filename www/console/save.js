// Save: the revision, what changed since the rules were opened, the download (the engine's
// canonical text), and how to put the file in place. Blocked while the rules have errors.

import { h } from './dom.js';
import { diff } from './paths.js';
import { pathWords } from './views.js';

/** The revision proposed for a file edited today: `<old> + edited 2026-12-02`. */
export function proposedRevision(old, today) {
  const base = String(old ?? '').replace(/ \+ edited \d{4}-\d{2}-\d{2}$/, '');
  return `${base} + edited ${today}`.slice(0, 100);
}

export function saveView(ctx, { errors, revision, onSave }) {
  const { t, state, dispatch } = ctx;
  const changes = diff(state.opened.rules, { ...state.rules, revision });
  const show = (v) => (v === undefined ? null : typeof v === 'string' ? `“${v}”` : JSON.stringify(v));
  const blocked = errors > 0;
  return h('section', { 'aria-labelledby': 'save-title' },
    h('h2', { id: 'save-title', tabindex: '-1' }, t.saveTitle),
    h('p', {}, t.saveIntro),
    h('div', { class: 'field' },
      h('label', { for: 'save-revision' }, t.revision),
      h('input', { type: 'text', id: 'save-revision', maxlength: '100', value: revision, oninput: (e) => dispatch({ type: 'revision', text: e.target.value }) })),
    h('h3', {}, t.changesTitle),
    changes.length
      ? h('ul', { class: 'changes', id: 'save-changes' }, changes.map((c) =>
          h('li', {},
            h('span', { class: 'where' }, pathWords(t, state.rules, state.lang, c.path)), ' ',
            h('code', { class: 'path' }, c.path), ': ',
            c.before === undefined ? t.added : h('del', {}, show(c.before)), ' → ',
            c.after === undefined ? t.removed : h('ins', {}, show(c.after)))))
      : h('p', {}, t.noChanges),
    blocked ? h('p', { class: 'msg error', id: 'save-blocked' }, t.blocked(errors)) : null,
    h('div', { class: 'actions' },
      h('button', {
        type: 'button', id: 'save-button', 'aria-disabled': blocked ? 'true' : false,
        'aria-describedby': blocked ? 'save-blocked' : false,
        onclick: () => { if (!blocked) onSave(revision); },
      }, t.download)),
    h('p', { role: 'status', id: 'save-status' }, state.saved ? t.downloaded(state.saved) : ''),
    h('h3', {}, t.stepsTitle),
    h('ol', { class: 'steps' }, t.steps(state.deployed.status === 'clinic' ? state.deployed.url : '').map((s) => h('li', {}, s))));
}
