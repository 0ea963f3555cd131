// A placeholder for the partners view (another part of issue 15 replaces this file): the
// shape the console expects, `initial`, `reduce(state, action)` and `view(state, dispatch, ctx)`
// with ctx = { lang, appUrl }.

import { h } from './dom.js';

export const initial = {};

export function reduce(state, _action) {
  return state;
}

export function view(_state, _dispatch, { lang }) {
  const fr = lang === 'fr';
  return h('section', { 'aria-labelledby': 'partners-title' },
    h('h2', { id: 'partners-title', tabindex: '-1' }, fr ? 'Partenaires' : 'Partners'),
    h('p', {}, fr ? 'Les sites partenaires qui montrent l’outil seront gérés ici.' : 'The partner sites that show the finder will be managed here.'));
}
