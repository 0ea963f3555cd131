/*
 * The staff console's Partners view: the snippet builder. Staff choose the widget's language,
 * an accent colour and the partner's name; the view shows the widget live, the two lines a
 * partner pastes into their page, and a no-script fallback (a plain iframe and link) for site
 * builders that strip scripts (docs/embedding.md).
 *
 * One slice of the console's single reducer, with no dependency on the WebAssembly:
 *
 *   initial                      this view's state
 *   reduce(state, action)        pure; actions are { type: 'partners/…', … }; any other
 *                                action gives the state back unchanged
 *   view(state, dispatch, ctx)   the view's element; ctx = { lang: 'en' | 'fr' (the console's
 *                                language), appUrl: the finder's folder (where embed.js and
 *                                index.html are), a URL or a string }
 *
 * `view` returns the same element for the same `dispatch`, brought up to date with `state`:
 * put it in the page once. Re-inserting it on every change would move keyboard focus out of
 * the field being typed in and reload the preview's iframe.
 *
 * The console runs under `script-src 'self'; style-src 'self'; frame-src 'self'`: nothing
 * here writes a `style` attribute or HTML text (no innerHTML); the preview loads `embed.js`
 * from the finder's folder, which must be on the console's origin.
 */

/** A partner name, as www/embed.js and src/config.rs (`is_partner_name`) accept it. */
const PARTNER = /^[A-Za-z0-9_-]{1,40}$/;
/** An accent colour, as www/embed.js accepts it. */
const ACCENT = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
/** The no-script iframe's height: most steps fit, and a longer result scrolls inside it. */
const FALLBACK_HEIGHT = 900;
const LANGS = ['en', 'fr'];
/** The finder's name in each language (the iframe's title in www/embed.js). */
const FINDER_NAME = { en: 'Treatment finder', fr: 'Trouver mon traitement' };

/**
 * The console's words, in English and French (the console's language is ctx.lang). Exported
 * for tests/e2e/console.test.mjs, which checks them as it checks the rest of the console's.
 */
export const WORDS = {
  en: {
    heading: 'Partners',
    intro:
      'Make the code a partner pastes into their website to show the treatment finder. Nothing the visitor answers reaches the partner.',
    settings: 'Widget settings',
    widgetLang: 'Language of the finder',
    langNames: { en: 'English', fr: 'French' },
    accent: 'Accent colour',
    accentHint: "#rgb or #rrggbb, for example #7a4b94. Leave it empty for the clinic's colour.",
    accentError: (value) => `“${value}” is not a colour in the form #rgb or #rrggbb. It is left out of the code.`,
    partner: 'Partner name',
    partnerHint:
      'Letters, digits, - or _ (at most 40), for example salon-bella. The booking link then names the partner for the clinic’s statistics (utm_source).',
    partnerError: (value) =>
      `“${value}” is not a partner name: use 1 to 40 letters, digits, - or _, with no spaces or accents. It is left out of the code.`,
    code: 'Code to paste',
    codeHelp: 'Paste these two lines where the finder should appear on the partner’s page.',
    codeLabel: 'The two lines to paste',
    copy: 'Copy the two lines',
    copied: 'Copied.',
    fallback: 'If the website removes scripts',
    fallbackHelp:
      'Some site builders strip scripts from pasted code. Paste this instead: the finder in a plain frame of fixed height, and a link to it. It uses the clinic’s colour.',
    fallbackLabel: 'Code without scripts',
    copyFallback: 'Copy the code without scripts',
    selected: 'The code is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
    preview: 'Preview',
    previewHelp: 'The widget as the partner’s visitors will see it, with these settings.',
    linkText: 'Find your treatment with the clinic’s treatment finder',
  },
  fr: {
    heading: 'Partenaires',
    intro:
      'Préparez le code qu’un partenaire colle dans son site pour y afficher l’outil de recherche de traitement. Rien de ce que répond le visiteur n’est transmis au partenaire.',
    settings: 'Réglages du widget',
    widgetLang: 'Langue de l’outil',
    langNames: { en: 'Anglais', fr: 'Français' },
    accent: 'Couleur d’accent',
    accentHint: 'Sous la forme #rgb ou #rrggbb, par exemple #7a4b94. Laissez vide pour la couleur de la clinique.',
    accentError: (value) => `«\u00a0${value}\u00a0» n’est pas une couleur sous la forme #rgb ou #rrggbb. Elle n’est pas mise dans le code.`,
    partner: 'Nom du partenaire',
    partnerHint:
      'Lettres, chiffres, - ou _ (40 au plus), par exemple salon-bella. Le lien de rendez-vous nomme alors le partenaire pour les statistiques de la clinique (utm_source).',
    partnerError: (value) =>
      `«\u00a0${value}\u00a0» n’est pas un nom de partenaire. Utilisez de 1 à 40 lettres, chiffres, - ou _, sans espace ni accent. Il n’est pas mis dans le code.`,
    code: 'Code à coller',
    codeHelp: 'Collez ces deux lignes là où l’outil doit paraître dans la page du partenaire.',
    codeLabel: 'Les deux lignes à coller',
    copy: 'Copier les deux lignes',
    copied: 'Copié.',
    fallback: 'Si le site retire les scripts',
    fallbackHelp:
      'Certains outils de création de sites retirent les scripts du code collé. Collez plutôt celui-ci, l’outil dans un cadre simple de hauteur fixe et un lien vers lui. Il prend la couleur de la clinique.',
    fallbackLabel: 'Code sans script',
    copyFallback: 'Copier le code sans script',
    selected: 'Le code est sélectionné. Appuyez sur Ctrl+C (⌘C sur un Mac) pour le copier.',
    preview: 'Aperçu',
    previewHelp: 'Le widget tel que le verront les visiteurs du partenaire, avec ces réglages.',
    linkText: 'Trouvez votre traitement avec l’outil de la clinique',
  },
};

export const initial = Object.freeze({
  /** The widget's language (`lang`), not the console's. */
  lang: 'en',
  /** As typed; left out of the code unless it is a colour. */
  accent: '',
  /** As typed; left out of the code unless it is a partner name. */
  partner: '',
  /** The last copy: null, or { what: 'snippet' | 'fallback', done: 'copied' | 'selected' }. */
  copy: null,
});

export function reduce(state, action) {
  switch (action?.type) {
    case 'partners/lang':
      return LANGS.includes(action.lang) && action.lang !== state.lang ? { ...state, lang: action.lang, copy: null } : state;
    case 'partners/accent':
      return typeof action.accent === 'string' && action.accent !== state.accent
        ? { ...state, accent: action.accent, copy: null }
        : state;
    case 'partners/partner':
      return typeof action.partner === 'string' && action.partner !== state.partner
        ? { ...state, partner: action.partner, copy: null }
        : state;
    case 'partners/copied':
      return ['snippet', 'fallback'].includes(action.what) && ['copied', 'selected'].includes(action.done)
        ? { ...state, copy: { what: action.what, done: action.done } }
        : state;
    default:
      return state;
  }
}

/** The view of each console (its `dispatch`), built once and then kept up to date. */
const mounted = new WeakMap();

export function view(state, dispatch, ctx) {
  const lang = ctx?.lang === 'fr' ? 'fr' : 'en';
  const appUrl = new URL(String(ctx.appUrl), document.baseURI);
  if (!appUrl.pathname.endsWith('/')) appUrl.pathname += '/';
  let built = mounted.get(dispatch);
  if (!built || built.lang !== lang || built.appUrl !== appUrl.href) {
    built = build(dispatch, lang, appUrl.href);
    mounted.set(dispatch, built);
  }
  update(built, state);
  return built.root;
}

/** What the settings give: the checked values (null when empty or wrong) and the code. */
function settingsOf(state, appUrl) {
  const accent = state.accent.trim();
  const partner = state.partner.trim();
  const checked = {
    lang: state.lang,
    accent: ACCENT.test(accent) ? accent : null,
    partner: PARTNER.test(partner) ? partner : null,
  };
  const attributes = [['lang', checked.lang]];
  if (checked.accent) attributes.push(['accent', checked.accent]);
  if (checked.partner) attributes.push(['partner', checked.partner]);
  const snippet = [
    `<script src="${escapeHtml(new URL('embed.js', appUrl).href)}" async></script>`,
    `<treatment-finder ${attributes.map(([name, value]) => `${name}="${escapeHtml(value)}"`).join(' ')}></treatment-finder>`,
  ].join('\n');
  // The finder's own page takes `lang` and `partner` from its address (ARCHITECTURE.md), not
  // the colour: a link may not restyle the clinic's page.
  const page = new URL('index.html', appUrl);
  page.searchParams.set('lang', checked.lang);
  if (checked.partner) page.searchParams.set('partner', checked.partner);
  const fallback = [
    `<iframe src="${escapeHtml(page.href)}" title="${escapeHtml(FINDER_NAME[checked.lang])}" width="100%" height="${FALLBACK_HEIGHT}" loading="lazy"></iframe>`,
    `<p><a href="${escapeHtml(page.href)}">${escapeHtml(WORDS[checked.lang].linkText)}</a></p>`,
  ].join('\n');
  return {
    checked,
    accentError: accent !== '' && !checked.accent,
    partnerError: partner !== '' && !checked.partner,
    snippet,
    fallback,
  };
}

/** Text for an HTML attribute's value or an element's content. */
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** An element with attributes and children (strings become text, never HTML). */
function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children);
  return el;
}

function build(dispatch, lang, appUrl) {
  const w = WORDS[lang];
  loadEmbed(appUrl);

  const radios = LANGS.map((code) => {
    const input = h('input', { type: 'radio', name: 'partners-lang', id: `partners-lang-${code}`, value: code });
    input.addEventListener('change', () => {
      if (input.checked) dispatch({ type: 'partners/lang', lang: code });
    });
    return input;
  });
  const langGroup = h(
    'fieldset',
    { class: 'partners-langs' },
    h('legend', {}, w.widgetLang),
    ...LANGS.map((code, i) => h('div', { class: 'partners-choice' }, radios[i], ' ', h('label', { for: radios[i].id }, w.langNames[code]))),
  );

  const field = (name, label, hint, type) => {
    const input = h('input', {
      type: 'text',
      id: `partners-${name}`,
      name,
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': `partners-${name}-hint partners-${name}-error`,
    });
    input.addEventListener('input', () => dispatch({ type, [name]: input.value }));
    const error = h('p', { id: `partners-${name}-error`, class: 'partners-error' });
    const box = h(
      'div',
      { class: 'partners-field' },
      h('label', { for: input.id }, label),
      h('p', { id: `partners-${name}-hint`, class: 'partners-hint' }, hint),
      input,
      error,
    );
    return { box, input, error };
  };
  const accent = field('accent', w.accent, w.accentHint, 'partners/accent');
  const partner = field('partner', w.partner, w.partnerHint, 'partners/partner');
  const form = h('form', { class: 'partners-settings', 'aria-labelledby': 'partners-settings-heading' });
  form.addEventListener('submit', (event) => event.preventDefault());
  form.append(h('h3', { id: 'partners-settings-heading' }, w.settings), langGroup, accent.box, partner.box);

  const status = h('p', { id: 'partners-status', class: 'partners-status', role: 'status', 'aria-live': 'polite' });
  const code = (id, label, button, what, rows) => {
    const area = h('textarea', { id, readonly: true, rows, spellcheck: 'false', 'aria-describedby': `${id}-help` });
    // As wide as the view, whatever the console's stylesheet says (the CSSOM, not a style
    // attribute, which the console's policy refuses).
    area.style.display = 'block';
    area.style.width = '100%';
    area.style.boxSizing = 'border-box';
    const copy = h('button', { type: 'button', id: `${id}-copy` }, button);
    copy.style.minHeight = '24px'; // WCAG 2.2's smallest target, under any stylesheet
    copy.addEventListener('click', () => copyText(area, what, dispatch));
    return { area, copy, label: h('label', { for: id }, label) };
  };
  const snippet = code('partners-snippet', w.codeLabel, w.copy, 'snippet', 3);
  const fallback = code('partners-fallback', w.fallbackLabel, w.copyFallback, 'fallback', 4);
  const preview = h('div', { class: 'partners-preview', id: 'partners-preview' });

  const root = h(
    'section',
    { class: 'partners', 'aria-labelledby': 'partners-heading', lang },
    h('h2', { id: 'partners-heading' }, w.heading),
    h('p', {}, w.intro),
    form,
    h(
      'section',
      { 'aria-labelledby': 'partners-code-heading' },
      h('h3', { id: 'partners-code-heading' }, w.code),
      h('p', { id: 'partners-snippet-help' }, w.codeHelp),
      snippet.label,
      snippet.area,
      h('div', { class: 'partners-actions' }, snippet.copy),
      h('h3', { id: 'partners-fallback-heading' }, w.fallback),
      h('p', { id: 'partners-fallback-help' }, w.fallbackHelp),
      fallback.label,
      fallback.area,
      h('div', { class: 'partners-actions' }, fallback.copy),
      status,
    ),
    h(
      'section',
      { 'aria-labelledby': 'partners-preview-heading' },
      h('h3', { id: 'partners-preview-heading' }, w.preview),
      h('p', {}, w.previewHelp),
      preview,
    ),
  );
  return { root, lang, appUrl, w, radios, accent, partner, snippet, fallback, status, preview, shown: null, copyShown: undefined };
}

function update(built, state) {
  const { w } = built;
  const now = settingsOf(state, built.appUrl);
  for (const radio of built.radios) radio.checked = radio.value === state.lang;
  for (const [key, field, error, message] of [
    ['accent', built.accent, now.accentError, w.accentError],
    ['partner', built.partner, now.partnerError, w.partnerError],
  ]) {
    if (field.input.value !== state[key]) field.input.value = state[key];
    if (error) field.input.setAttribute('aria-invalid', 'true');
    else field.input.removeAttribute('aria-invalid');
    field.error.textContent = error ? message(state[key].trim()) : '';
    field.error.hidden = !error;
  }
  if (built.snippet.area.value !== now.snippet) built.snippet.area.value = now.snippet;
  if (built.fallback.area.value !== now.fallback) built.fallback.area.value = now.fallback;
  // Each copy is a new text in the live region, so a second copy is announced too.
  if (built.copyShown !== state.copy) {
    built.copyShown = state.copy;
    const said = state.copy ? (state.copy.done === 'copied' ? w.copied : w.selected) : '';
    built.status.replaceChildren(...(said ? [document.createTextNode(said)] : []));
  }

  // The preview: a new widget whenever what it is given changes.
  const key = JSON.stringify(now.checked);
  if (built.shown !== key) {
    built.shown = key;
    const widget = document.createElement('treatment-finder');
    widget.id = 'partners-preview-widget';
    for (const [name, value] of Object.entries(now.checked)) if (value) widget.setAttribute(name, value);
    built.preview.replaceChildren(widget);
  }
}

/** Copies a code's text; where the browser refuses, selects it for the keyboard's copy. */
function copyText(area, what, dispatch) {
  const selectIt = () => {
    area.focus();
    area.select();
    dispatch({ type: 'partners/copied', what, done: 'selected' });
  };
  if (!navigator.clipboard?.writeText) {
    selectIt();
    return;
  }
  navigator.clipboard.writeText(area.value).then(() => dispatch({ type: 'partners/copied', what, done: 'copied' }), selectIt);
}

/** Loads the finder's embed.js once per page (it defines <treatment-finder>). */
function loadEmbed(appUrl) {
  const src = new URL('embed.js', appUrl).href;
  if (customElements.get('treatment-finder') || [...document.scripts].some((s) => s.src === src)) return;
  document.head.append(h('script', { src, async: true }));
}
