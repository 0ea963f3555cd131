// The crash guard: what the visitor sees when the finder's WebAssembly traps.
//
// The release build has `panic = "abort"`, so a bug anywhere in Rust (a panic, `unreachable`,
// running out of memory, a stack overflow) is a trap: a `WebAssembly.RuntimeError` thrown into
// whatever JavaScript called the WebAssembly. That is an event listener or a timer (the
// window's `error` event), a promise job of wasm-bindgen-futures (`unhandledrejection`), or
// `startApp()` (www/start.js, which rethrows into a rejected promise). Nothing in the page
// would otherwise change: the visitor would press buttons that do nothing.
//
// After a trap the instance's Rust state may be half-updated, so nothing here calls the
// WebAssembly, and the guard keeps the visitor's events from reaching it. src/web/crash.rs
// installs it before the app starts, with the words in both languages and the saved-progress
// key, copied here as plain strings.
//
// On the first trap (several errors make one message), for each finder on the page:
// - a message with role="alert" at the top of the finder, in the finder's language, saying
//   that answers are kept on this device only when saved progress is there ("Remember"), and
//   a Reload button (the widget's own document, in a partner's iframe);
// - what the visitor entered stays on screen, but inert: no event inside reaches the dead app.
// The message lives in a shadow root attached to the finder's parent (its `<slot>` shows the
// app below it), styled by www/styles.css through `::part()` (or its classes, when the message has to
// go inside the app). A shadow root's insides are not
// mutations of the document, so the widget's MutationObserver (src/web/embed.rs), which would
// call the WebAssembly, sees nothing; in a widget the finder also keeps its height, so neither
// its ResizeObserver nor the partner page hears of it. Nothing is posted to the partner page.
// A `treatment-finder:crashed` event (no detail) on this window says the message is shown.

const CRASHED_EVENT = 'treatment-finder:crashed';

/** Events that would run the app's handlers (Yew's, and the widget bridge's `message`). */
const BLOCKED = [
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
  'touchstart', 'touchend', 'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change',
  'submit', 'reset', 'focus', 'blur', 'focusin', 'focusout', 'paste', 'cut', 'copy', 'drop',
];
/** Of those, the ones whose default would change what the visitor entered. */
const PREVENTED = new Set(['click', 'auxclick', 'beforeinput', 'paste', 'cut', 'drop', 'submit', 'reset']);

let installed = false;
let crashed = false;
/** The elements whose finder has stopped, and the messages shown in them. */
const dead = new Set();
const alerts = new Set();

/**
 * Installs the guard once per window. `texts` is `{ en: { crashed, kept, notKept, reload },
 * fr: { … } }`; `storageKey` names saved progress in localStorage.
 */
export function installCrashGuard(texts, storageKey) {
  if (installed) return;
  installed = true;
  const words = structuredClone(texts);
  const onTrap = () => {
    if (crashed) return;
    crashed = true;
    show(words, storageKey);
  };
  window.addEventListener('error', (event) => {
    if (event.error instanceof WebAssembly.RuntimeError) onTrap();
  });
  window.addEventListener('unhandledrejection', (event) => {
    if (event.reason instanceof WebAssembly.RuntimeError) onTrap();
  });
  // Installed before the app adds its own listeners, and capturing from the window: after a
  // trap, an event in a stopped finder goes no further. Events in the message pass.
  for (const type of BLOCKED) window.addEventListener(type, block, { capture: true });
  window.addEventListener('message', (event) => {
    if (crashed && isWidget()) event.stopImmediatePropagation();
  }, { capture: true });
}

function block(event) {
  if (!crashed) return;
  const path = event.composedPath();
  if (path.some((node) => alerts.has(node)) || !path.some((node) => dead.has(node))) return;
  event.stopImmediatePropagation();
  if (event.cancelable && PREVENTED.has(event.type)) event.preventDefault();
}

function isWidget() {
  return document.documentElement.hasAttribute('data-embed');
}

function show(words, storageKey) {
  // Not the first step drawn before the app started (www/first.js's #tf-first): the app
  // takes it over when it starts, so a trap before that is first.js's to tell.
  const apps = [...document.querySelectorAll('.app')].filter((app) => !app.closest('#tf-first'));
  for (const host of document.querySelectorAll('[data-treatment-finder]')) {
    const app = host.shadowRoot && host.shadowRoot.querySelector('.app');
    if (app) apps.push(app);
  }
  if (apps.length === 0) {
    // Stopped before it drew anything: www/first.js says the finder could not start.
    document.dispatchEvent(new Event('tf-start-failed'));
    return;
  }
  const saved = hasSaved(storageKey);
  let first = null;
  for (const app of apps) {
    // Kept only if this finder's "Remember" box (src/app/components/remember_box.rs) is ticked
    // and its progress is on this device: another finder on the page may be the one saving.
    const remember = app.querySelector('#remember');
    const kept = saved && remember !== null && remember.checked;
    const lang = (app.getAttribute('lang') || document.documentElement.lang || 'en').slice(0, 2).toLowerCase();
    const text = Object.hasOwn(words, lang) ? words[lang] : words.en;
    const reload = message(app, lang, [text.crashed, kept ? text.kept : text.notKept], text.reload);
    first ||= reload;
  }
  if (first) first.focus();
  window.dispatchEvent(new CustomEvent(CRASHED_EVENT));
}

/** Whether saved progress ("Remember") is on this device; it survives the reload. */
function hasSaved(storageKey) {
  try {
    return window.localStorage.getItem(storageKey) !== null;
  } catch {
    return false;
  }
}

/** Shows the message above `app`, makes the app inert, and returns the Reload button. */
function message(app, lang, lines, reloadLabel) {
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.className = 'tf-crash';
  box.setAttribute('part', 'tf-crash');
  box.lang = lang;
  for (const [i, line] of lines.entries()) {
    const p = document.createElement('p');
    const part = i === 0 ? 'tf-crash-title' : 'tf-crash-line';
    p.className = part;
    p.setAttribute('part', part);
    p.textContent = line;
    box.append(p);
  }
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'tf-crash-reload';
  reload.setAttribute('part', 'tf-crash-reload');
  reload.textContent = reloadLabel;
  reload.addEventListener('click', () => location.reload());
  box.append(reload);
  // The finder's accent colour, through the CSSOM (a `style-src 'self'` policy allows it).
  const style = getComputedStyle(app);
  for (const name of ['--accent', '--accent-text']) {
    const value = style.getPropertyValue(name).trim();
    if (value) box.style.setProperty(name, value);
  }
  alerts.add(box);

  const host = app.parentElement;
  const frameHeight = host ? host.getBoundingClientRect().height : 0;
  let root = null;
  try {
    root = host && !host.shadowRoot ? host.attachShadow({ mode: 'open' }) : null;
  } catch {
    root = null;
  }
  if (root) {
    const frame = document.createElement('div');
    frame.setAttribute('part', 'tf-crashed');
    const stopped = document.createElement('div');
    stopped.inert = true;
    stopped.append(document.createElement('slot'));
    frame.append(box, stopped);
    if (isWidget() && frameHeight > 0) {
      // The iframe keeps its height: the message scrolls with the app inside it.
      frame.style.setProperty('height', `${frameHeight}px`);
      frame.style.setProperty('overflow-y', 'auto');
    }
    root.append(frame);
    dead.add(host);
  } else {
    // The parent already has a shadow root (or none can be attached): the message goes in
    // the app itself, whose other children are made inert.
    for (const child of app.children) child.inert = true;
    app.prepend(box);
    dead.add(app);
  }
  return reload;
}
