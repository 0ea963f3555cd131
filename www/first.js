/*
 * Shows the finder's first step at once, while its WebAssembly is still downloading
 * (ARCHITECTURE.md, src/app/first_screen.rs).
 *
 * The built page holds the first step drawn by the app's own components, once per language,
 * in <template id="tf-first-en"> and <template id="tf-first-fr"> (src/bin/prerender.rs
 * writes them after each build). This script, a classic one at the end of the body, shows
 * the visitor's language before the page is first painted. The visitor can tick goals,
 * switch the language and press "Next"; the app, when it starts, reads what they did
 * (src/web/first_screen.rs), removes this copy and carries on from there.
 *
 * If the app cannot start (a browser without WebAssembly or module scripts, or its files did
 * not arrive: www/start.js then sends START_FAILED_EVENT), it shows the page's message for
 * that, in the visitor's language, beside "Next", which it disables. What was ticked stays.
 *
 * It holds no text of its own. It sends nothing anywhere but, in a partner's widget, the
 * first step's height to the partner page.
 */
(() => {
  'use strict';

  const ROOT_ID = 'tf-first';
  const TEMPLATE_ID_PREFIX = 'tf-first-';
  const LANG_CHOSEN_ATTR = 'data-lang-chosen';
  const NEXT_ATTR = 'data-next';
  const CANNOT_START_TEMPLATE_ID_PREFIX = 'tf-cannot-start-';
  /** Dispatched on the document by www/start.js when the app could not start. */
  const START_FAILED_EVENT = 'tf-start-failed';
  /** The app's saved progress (src/draft.rs STORAGE_KEY). */
  const STORAGE_KEY = 'treatment-finder:v1';

  const script = document.currentScript;
  const root = document.createElement('div');
  root.id = ROOT_ID;

  document.addEventListener(START_FAILED_EVENT, cannotStart);
  showFirstStep();
  // Without these the app's start script cannot even run: say so at once.
  if (typeof WebAssembly !== 'object' || !('noModule' in HTMLScriptElement.prototype)) cannotStart();

  /** Shows the page's message for an app that cannot start, once, and disables "Next". */
  function cannotStart() {
    if (document.querySelector('.cannot-start')) return;
    const source = document.getElementById(CANNOT_START_TEMPLATE_ID_PREFIX + (root.getAttribute('lang') || chooseLanguage()));
    if (!source) return;
    const message = source.content.firstElementChild.cloneNode(true);
    const nav = root.isConnected && root.querySelector('.step-nav');
    if (nav) {
      nav.before(message);
      for (const button of nav.querySelectorAll('button[type=submit]')) button.disabled = true;
    } else {
      // No first step (the app was to open saved answers at their own step): the message
      // stands alone, and a widget's iframe takes its height.
      script.before(message);
      reportHeight(message);
    }
  }

  function template(lang) {
    return document.getElementById(TEMPLATE_ID_PREFIX + lang);
  }

  /** `en` or `fr` for a language tag (`fr-CA` → `fr`) the page has a template for, else null. */
  function language(tag) {
    const primary = String(tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
    return primary && template(primary) ? primary : null;
  }

  // The app's own choice (src/web/mod.rs boot): the `lang` parameter, else the clinic's
  // default language, else the browser's languages, else the page's.
  function chooseLanguage() {
    const asked = new URLSearchParams(location.search).getAll('lang').pop();
    if (asked !== undefined) {
      const lang = language(asked);
      if (lang) return lang;
    } else {
      const lang = language(script && script.dataset.defaultLang);
      if (lang) return lang;
    }
    for (const tag of navigator.languages || []) {
      const lang = language(tag);
      if (lang) return lang;
    }
    return language(navigator.language) || language(document.documentElement.lang) || 'en';
  }

  /** Shows `lang`'s first step, keeping the boxes already ticked. */
  function show(lang) {
    const ticked = Array.from(root.querySelectorAll('input[type=checkbox]:checked'), (input) => input.id);
    const source = template(lang);
    root.replaceChildren(source.content.cloneNode(true));
    root.setAttribute('lang', lang);
    // The clinic's colours, as the app sets them (through the CSSOM: no style attribute).
    const app = root.querySelector('.app');
    if (app && script.dataset.accent) {
      app.style.setProperty('--accent', script.dataset.accent);
      app.style.setProperty('--accent-text', script.dataset.accentText || '');
    }
    for (const id of ticked) {
      const input = document.getElementById(id);
      if (input && root.contains(input)) input.checked = true;
    }
    document.documentElement.lang = lang;
    if (source.dataset.title) document.title = source.dataset.title;
  }

  function showFirstStep() {
    // Answers to resume (a shared link, or saved progress) open at their own step when the
    // app starts: showing the first step meanwhile would show the wrong one.
    if (location.hash.length > 1) return;
    try {
      if (localStorage.getItem(STORAGE_KEY) !== null) return;
    } catch {
      // No storage (blocked by the browser): nothing can have been saved.
    }
    const lang = chooseLanguage();
    if (!template(lang)) return;
    show(lang);

    root.addEventListener('click', (event) => {
      const toggle = event.target.closest && event.target.closest('.lang-toggle');
      const other = toggle && language(toggle.getAttribute('lang'));
      if (!other) return;
      const failed = root.querySelector('.cannot-start');
      show(other);
      root.setAttribute(LANG_CHOSEN_ATTR, '');
      if (failed) cannotStart();
      const again = root.querySelector('.lang-toggle');
      if (again) again.focus();
    });
    // The page's policy has `form-action 'none'`: the form is never sent. "Next" is noted,
    // and pressed again by the app when it starts.
    root.addEventListener('submit', (event) => {
      event.preventDefault();
      root.setAttribute(NEXT_ATTR, '');
    });

    script.before(root);
    reportHeight(root);
  }

  /**
   * In a partner's widget (embed.js), the iframe keeps a first height until told the page's.
   * While `shown` (the first step, or the message that the app cannot start) is on the page
   * and the app has not started to do it (src/web/embed.rs), this tells it the page's
   * height, with the same message (src/embed.rs: `resize`, only a height) to the same parent
   * origin, so the iframe shows no scroll bar of its own and no empty space. An invalid
   * origin sends nothing: the app reports it when it starts.
   */
  function reportHeight(shown) {
    const query = new URLSearchParams(location.search);
    const widget = query.get('embed');
    const parentOrigin = query.get('parent_origin');
    if (!widget || !isOrigin(parentOrigin) || window.parent === window || typeof ResizeObserver !== 'function') return;
    document.documentElement.setAttribute('data-embed', '');
    let last = 0;
    const observer = new ResizeObserver(() => {
      if (!shown.isConnected) {
        observer.disconnect(); // the app took over, and reports its own height
        return;
      }
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height === 0 || height === last) return;
      last = height;
      try {
        window.parent.postMessage({ protocol: 'treatment-finder', version: 1, widget, type: 'resize', height }, parentOrigin);
      } catch {
        observer.disconnect(); // not an origin
      }
    });
    observer.observe(document.documentElement);
  }

  /** An exact http(s) origin (`https://partner.example`): never `*`, a path, or `null`. */
  function isOrigin(text) {
    try {
      const url = new URL(text);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text;
    } catch {
      return false;
    }
  }
})();
