/*
 * The treatment finder's partner widget: defines <treatment-finder> (docs/embedding.md).
 *
 *   <script src="https://clinic.example/finder/embed.js" async></script>
 *   <treatment-finder lang="fr" booking-url="https://clinic.example/book"></treatment-finder>
 *
 * Each element shows the finder in an iframe served from the clinic's site (the folder this
 * script comes from), inside a shadow root: the partner page's CSS, scripts and
 * Content-Security-Policy cannot reach the finder, and the finder cannot reach the page. The
 * iframe takes the height of its content. The page receives bubbling DOM events on the
 * element: treatment-finder:ready, treatment-finder:result and treatment-finder:book (with
 * `detail: { treatment }`), never an answer.
 *
 * Messages with the iframe follow a small versioned schema (src/embed.rs); a message is read
 * only when it comes from the finder's origin *and* from this element's own iframe.
 *
 * The iframe is made only when the element comes within about one screen of the viewport
 * (IntersectionObserver), at once when it is already there: until then the widget is an empty
 * box of the iframe's first height, so the page does not move when it loads, and the partner
 * page downloads nothing of the finder but this script.
 */
(() => {
  'use strict';

  const TAG = 'treatment-finder';
  if (!window.customElements || customElements.get(TAG)) return;

  // The finder's address comes from this script's own src, read now: document.currentScript
  // is set only while a classic script (async or not) first runs.
  const script = document.currentScript;
  if (!script || !script.src) {
    console.error(`${TAG}: load embed.js with <script src="https://…/embed.js">; the widget cannot tell where the finder is`);
    return;
  }
  const APP = new URL('./', script.src);

  const PROTOCOL = 'treatment-finder';
  const VERSION = 1;
  const TREATMENTS = ['microneedling', 'mesotherapy', 'both', 'consult'];
  const TITLES = { en: 'Treatment finder', fr: 'Trouver mon traitement' };
  /** The iframe's height until the finder reports its own, and the empty box's before it. */
  const FIRST_HEIGHT = 600;
  /**
   * How near the viewport a widget starts loading: one screen beyond each edge (percentages of
   * a rootMargin are of the viewport's height above and below, of its width at the sides), so
   * that a visitor scrolling at a reading pace finds the finder there.
   */
  const NEAR = '100%';
  const MAX_HEIGHT = 100000;
  /** A partner name (`partner`): what src/config.rs `is_partner_name` accepts. */
  const PARTNER = /^[A-Za-z0-9_-]{1,40}$/;
  /** The keys each message type has: exactly these, or the message is ignored. */
  const KEYS = {
    ready: ['protocol', 'version', 'widget', 'type'],
    resize: ['protocol', 'version', 'widget', 'type', 'height'],
    result: ['protocol', 'version', 'widget', 'type', 'treatment'],
    book: ['protocol', 'version', 'widget', 'type', 'treatment'],
    lang: ['protocol', 'version', 'widget', 'type', 'lang'],
  };

  // `!important` in a shadow root's :host rule wins over any rule of the page, even an
  // `!important` one, so `* { all: unset }` or `treatment-finder { display: none }` cannot
  // hide or shrink the widget (the `hidden` attribute still can). In a flex row the widget
  // takes the room its neighbours leave (else it would be the iframe's default 300 px);
  // the page may size it otherwise. The iframe's own rule resets the properties it would
  // inherit from the page (visibility, pointer-events…).
  const CSS = `
    :host { display: block !important; flex-grow: 1; }
    :host([hidden]) { display: none !important; }
    iframe {
      all: initial;
      display: block;
      box-sizing: border-box;
      width: 100%;
      min-width: 100%;
      border: 0;
      margin: 0;
      padding: 0;
      color-scheme: normal;
    }
    .tf-placeholder {
      all: initial;
      display: block;
      height: ${FIRST_HEIGHT}px;
    }
    /* On paper a widget that never loaded would be a blank box, so it takes no room there.
       Printing does not load it either: the print is laid out at once, before a frame could
       arrive, and a visitor printing the partner's page before reaching the widget is
       printing the page, not the questionnaire (one they scrolled to is loaded and prints
       as the finder prints itself). */
    @media print {
      .tf-placeholder { display: none; }
    }`;
  let sheet = null;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  } catch {
    sheet = null; // A browser without constructable stylesheets gets a <style> element.
  }

  let count = 0;
  /** A widget id, unique on the page: a counter and a random part. */
  function newId() {
    const bytes = crypto.getRandomValues(new Uint8Array(4));
    return `tf${++count}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  }

  /** `en` or `fr` for a language tag (`fr-CA` → `fr`), else null. */
  function language(tag) {
    const primary = String(tag || '').trim().toLowerCase().split(/[-_]/)[0];
    return primary in TITLES ? primary : null;
  }

  function isWebUrl(text) {
    try {
      const url = new URL(text);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }

  function problem(attribute, message) {
    console.error(`${TAG}: attribute ${attribute}: ${message}`);
  }

  /**
   * The query parameters for the finder from the element's attributes. A bad value is
   * reported on the console, naming the attribute, and left out: the clinic's own setting
   * (clinic.json) applies instead.
   */
  function settings(element) {
    const query = {};
    const booking = element.getAttribute('booking-url');
    if (booking !== null && booking.trim() !== '') {
      if (isWebUrl(booking.trim())) query.booking_url = new URL(booking.trim()).href;
      else problem('booking-url', `"${booking}" is not an absolute http: or https: URL; using the clinic's own booking link`);
    }
    const accent = element.getAttribute('accent');
    if (accent !== null && accent.trim() !== '') {
      if (/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(accent.trim())) query.accent = accent.trim();
      else problem('accent', `"${accent}" is not a colour in the form #rgb or #rrggbb; using the clinic's colour`);
    }
    for (const [attribute, param] of [['clinic-name', 'clinic_name'], ['contact', 'contact']]) {
      const value = element.getAttribute(attribute);
      if (value !== null && value.trim() !== '') query[param] = value.trim();
    }
    // Tags the Book link (utm_source) for the clinic's statistics; never an answer.
    const partner = element.getAttribute('partner');
    if (partner !== null && partner.trim() !== '') {
      if (PARTNER.test(partner.trim())) query.partner = partner.trim();
      else problem('partner', `"${partner}" is not a partner name (1 to 40 letters, digits, - or _); the Book link names no partner`);
    }
    return query;
  }

  /**
   * The element's `lang`, else the language of the page around it (`<html lang>`), when the
   * finder speaks it; else null and the finder follows the clinic's setting, then the
   * visitor's browser.
   */
  function chosenLanguage(element) {
    const lang = element.getAttribute('lang');
    if (lang !== null && !language(lang)) {
      problem('lang', `"${lang}" is not a supported language (en or fr); using the page's language, else the visitor's`);
    }
    const around = element.parentElement && element.parentElement.closest('[lang]');
    return language(lang) || language(around && around.getAttribute('lang'));
  }

  class TreatmentFinder extends HTMLElement {
    static get observedAttributes() {
      return ['lang', 'booking-url', 'clinic-name', 'accent', 'contact', 'partner'];
    }

    #shadow;
    #iframe = null;
    #id = null;
    #ready = false;
    /** The finder said `ready` in this iframe already (a later one is its own reload). */
    #announced = false;
    /** `lang` / other attributes were sent since the iframe opened: its address is older. */
    #langSent = false;
    #settingsSent = false;
    /** `lang` changed before the finder was ready: tell it when it is. */
    #langPending = false;
    /** Another attribute changed before the finder was ready: tell it when it is. */
    #settingsPending = false;
    #onmessage = null;
    #settingsQueued = false;
    #openQueued = false;
    /** The empty box that holds the iframe's place until it is made. */
    #placeholder;
    /** Watched by the shared IntersectionObserver (not near enough yet). */
    #watched = false;
    /** A load once the page is idle, for a widget with no box (`hidden`): its cancel. */
    #idleCancel = null;

    /** One observer for every widget of the page; made with the first. */
    static #observer = null;

    static #observe(element) {
      if (!TreatmentFinder.#observer) {
        TreatmentFinder.#observer = new IntersectionObserver(
          (entries) => {
            for (const entry of entries) entry.target.#seen(entry);
          },
          { rootMargin: NEAR },
        );
      }
      TreatmentFinder.#observer.observe(element);
    }

    constructor() {
      super();
      this.#shadow = this.attachShadow({ mode: 'open' });
      if (sheet) {
        this.#shadow.adoptedStyleSheets = [sheet];
      } else {
        const style = document.createElement('style');
        style.textContent = CSS;
        this.#shadow.append(style);
      }
      this.#placeholder = document.createElement('div');
      this.#placeholder.className = 'tf-placeholder';
      this.#shadow.append(this.#placeholder);
    }

    connectedCallback() {
      if (this.#iframe || this.#openQueued || this.#watched) return;
      if (typeof IntersectionObserver === 'function') {
        // Its first report comes after the current script and a layout: attributes set just
        // after the element was added (as frameworks do) are in its first iframe.
        this.#watched = true;
        TreatmentFinder.#observe(this);
        return;
      }
      // A browser without IntersectionObserver loads every widget at once, after the current
      // script for the same reason.
      this.#openQueued = true;
      queueMicrotask(() => {
        this.#openQueued = false;
        if (this.isConnected && !this.#iframe) this.#open();
      });
    }

    disconnectedCallback() {
      // Removed before it was ever near: nothing was loaded, and nothing keeps it.
      this.#unwatch();
      this.#close();
    }

    /** The observer's report: near the viewport (load now), or without a box at all. */
    #seen(entry) {
      if (!this.isConnected || this.#iframe) return;
      if (entry.isIntersecting) {
        this.#unwatch();
        this.#open();
      } else if (this.getClientRects().length === 0) {
        this.#loadWhenIdle();
      }
    }

    /**
     * A widget with no box (`hidden`, or inside something with `display: none`) has no place
     * to be near. It is still `ready` while hidden (docs/embedding.md: a page may wait for that
     * before showing it), so it loads once the page has loaded and is idle, never during the
     * page's own first load; shown near the viewport before then, it loads at once.
     */
    #loadWhenIdle() {
      if (this.#idleCancel) return;
      let cancelled = false;
      let handle = null;
      const load = () => {
        handle = null;
        if (cancelled) return;
        this.#idleCancel = null;
        // Shown meanwhile (far from the viewport), it waits to be near like any other.
        if (this.isConnected && !this.#iframe && this.getClientRects().length === 0) {
          this.#unwatch();
          this.#open();
        }
      };
      const whenIdle = () => {
        if (cancelled) return;
        handle = window.requestIdleCallback ? requestIdleCallback(load, { timeout: 2000 }) : setTimeout(load, 0);
      };
      if (document.readyState === 'complete') whenIdle();
      else window.addEventListener('load', whenIdle, { once: true });
      this.#idleCancel = () => {
        cancelled = true;
        window.removeEventListener('load', whenIdle);
        if (handle !== null) {
          if (window.cancelIdleCallback) cancelIdleCallback(handle);
          else clearTimeout(handle);
        }
        this.#idleCancel = null;
      };
    }

    #unwatch() {
      if (this.#watched) TreatmentFinder.#observer.unobserve(this);
      this.#watched = false;
      if (this.#idleCancel) this.#idleCancel();
    }

    // Moved with `moveBefore()`, the element keeps its iframe, and the visitor their answers
    // (any other move reloads an iframe, so the finder starts again).
    connectedMoveCallback() {}

    attributeChangedCallback(name, before, after) {
      if (!this.#iframe || before === after) return;
      if (name === 'lang') {
        // The finder keeps the visitor's answers, also those of a first step shown before
        // it started: it is told when it is ready.
        if (this.#ready) this.#sendLang();
        else this.#langPending = true;
      } else if (!this.#settingsQueued) {
        // The finder takes the new settings as it is, keeping the visitor's answers; several
        // attributes set in a row go in one message.
        this.#settingsQueued = true;
        queueMicrotask(() => {
          this.#settingsQueued = false;
          if (!this.#iframe) return;
          if (this.#ready) this.#sendSettings();
          else this.#settingsPending = true;
        });
      }
    }

    #open() {
      const query = settings(this);
      const lang = chosenLanguage(this);
      if (lang) query.lang = lang;
      const origin = window.origin || location.origin;
      if (origin === 'null') {
        console.error(`${TAG}: this page has no origin (a file: or sandboxed page), so the widget cannot be sized or send events`);
      }
      this.#id = newId();
      this.#ready = false;
      this.#announced = false;
      this.#langSent = false;
      this.#settingsSent = false;
      const url = new URL(APP.href);
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
      url.searchParams.set('embed', this.#id);
      url.searchParams.set('parent_origin', origin);

      const iframe = document.createElement('iframe');
      iframe.title = TITLES[query.lang || 'en'];
      if (query.lang) iframe.lang = query.lang;
      // Scripts, its own origin's storage, its forms (the steps are forms, which it never
      // sends: its CSP has form-action 'none'), new tabs (Book), downloads (a calendar
      // file), printing; not navigating this page.
      iframe.setAttribute(
        'sandbox',
        'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals',
      );
      iframe.setAttribute('allow', 'clipboard-write');
      iframe.style.height = `${FIRST_HEIGHT}px`;
      iframe.src = url.href;
      this.#iframe = iframe;
      this.#onmessage = (event) => this.#receive(event);
      window.addEventListener('message', this.#onmessage);
      this.#placeholder.replaceWith(iframe);
    }

    #close() {
      if (this.#onmessage) window.removeEventListener('message', this.#onmessage);
      // The empty box again, for when the element is put back in a page.
      if (this.#iframe) this.#iframe.replaceWith(this.#placeholder);
      this.#onmessage = null;
      this.#iframe = null;
      this.#id = null;
      this.#ready = false;
      this.#langPending = false;
      this.#settingsPending = false;
    }

    #receive(event) {
      if (!this.#iframe || event.source !== this.#iframe.contentWindow || event.origin !== APP.origin) return;
      const message = event.data;
      if (!this.#isOurs(message)) return;
      switch (message.type) {
        case 'ready':
          this.#ready = true;
          if (this.#langPending) {
            this.#langPending = false;
            this.#sendLang();
          }
          if (this.#settingsPending) {
            this.#settingsPending = false;
            this.#sendSettings();
          }
          // A second `ready` is the finder's own reload (its Reload button, after it stopped
          // on an error, src/web/crash.js): it starts from the iframe's address, so what was
          // sent since goes again; the page was told `ready` once and hears nothing of it.
          if (this.#announced) {
            if (this.#langSent) this.#sendLang();
            if (this.#settingsSent) this.#sendSettings();
            break;
          }
          this.#announced = true;
          this.#emit('ready', null);
          break;
        case 'resize':
          this.#iframe.style.height = `${message.height}px`;
          break;
        case 'result':
        case 'book':
          this.#emit(message.type, Object.freeze({ treatment: message.treatment }));
          break;
        case 'lang':
          // The finder's language (the visitor may switch it): its title follows.
          this.#title(message.lang);
          break;
      }
    }

    /** True for a well-formed message of the schema, for this widget, and nothing more. */
    #isOurs(m) {
      if (typeof m !== 'object' || m === null || Array.isArray(m)) return false;
      const keys = Object.hasOwn(KEYS, m.type) ? KEYS[m.type] : null;
      if (!keys) return false;
      const own = Object.keys(m);
      if (own.length !== keys.length || !keys.every((k) => own.includes(k))) return false;
      if (m.protocol !== PROTOCOL || m.version !== VERSION || m.widget !== this.#id) return false;
      if (m.type === 'resize') return Number.isInteger(m.height) && m.height >= 0 && m.height <= MAX_HEIGHT;
      if (m.type === 'result' || m.type === 'book') return TREATMENTS.includes(m.treatment);
      if (m.type === 'lang') return Object.hasOwn(TITLES, m.lang);
      return true;
    }

    /**
     * Tells the finder the element's other attributes changed: each setting as checked (a bad
     * value is reported on the console and sent as null, so the clinic's own setting applies).
     */
    #sendSettings() {
      const query = settings(this);
      const value = (key) => (Object.hasOwn(query, key) ? query[key] : null);
      const message = {
        protocol: PROTOCOL,
        version: VERSION,
        widget: this.#id,
        type: 'settings',
        settings: {
          booking_url: value('booking_url'),
          clinic_name: value('clinic_name'),
          accent: value('accent'),
          contact: value('contact'),
          partner: value('partner'),
        },
      };
      this.#iframe.contentWindow.postMessage(message, APP.origin);
      this.#settingsSent = true;
    }

    /** Names the iframe for assistive technology, in the finder's language. */
    #title(lang) {
      this.#iframe.title = TITLES[lang];
      this.#iframe.lang = lang;
    }

    #emit(type, detail) {
      this.dispatchEvent(new CustomEvent(`${TAG}:${type}`, { bubbles: true, composed: true, detail }));
    }

    /** Tells the finder the element's language changed (it keeps the visitor's answers). */
    #sendLang() {
      const lang = chosenLanguage(this);
      if (!lang) return;
      // The title follows when the finder says it speaks it (a `lang` message).
      const message = { protocol: PROTOCOL, version: VERSION, widget: this.#id, type: 'lang', lang };
      this.#iframe.contentWindow.postMessage(message, APP.origin);
      this.#langSent = true;
    }
  }

  customElements.define(TAG, TreatmentFinder);
})();
