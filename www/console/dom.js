// A very small view layer: `h` builds real DOM nodes from a description, and `patch` makes
// the page's tree look like a freshly built one while keeping the nodes that stay (so an
// input being typed in keeps its focus, caret and scroll position). No framework, no build.

/**
 * `h('p', { class: 'x', onclick: f }, 'text', child, [more])`: an element. Attributes whose
 * value is `false`, `null` or `undefined` are left out, `true` sets an empty attribute;
 * `value` and `checked` are set as properties (what the control shows); `on<event>`
 * attaches a listener. Children may be strings, nodes, arrays, or null/false (skipped).
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  let value;
  for (const [name, v] of Object.entries(attrs ?? {})) {
    if (v === false || v === null || v === undefined) continue;
    if (name.startsWith('on') && typeof v === 'function') {
      listen(el, name.slice(2));
      el.__handlers[name.slice(2)] = v;
    } else if (name === 'value') {
      value = v;
    } else if (name === 'checked') {
      el.checked = Boolean(v);
      el.__checked = Boolean(v);
    } else {
      el.setAttribute(name, v === true ? '' : String(v));
    }
  }
  append(el, children);
  // A select's value can only be set once its options are there.
  if (value !== undefined) {
    el.value = String(value);
    el.__value = String(value);
  }
  return el;
}

/** One listener per node and event type, calling whatever handler the node holds now. */
function listen(el, type) {
  el.__handlers ??= {};
  el.__listening ??= new Set();
  if (el.__listening.has(type)) return;
  el.__listening.add(type);
  el.addEventListener(type, (event) => el.__handlers[type]?.(event));
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Makes `from` (in the page) look like `to` (just built), reusing nodes where it can. */
export function patch(from, to) {
  if (from.nodeType !== to.nodeType || from.nodeName !== to.nodeName || key(from) !== key(to)) {
    from.replaceWith(to);
    return to;
  }
  if (from.nodeType === Node.TEXT_NODE) {
    if (from.nodeValue !== to.nodeValue) from.nodeValue = to.nodeValue;
    return from;
  }
  if (from.nodeType !== Node.ELEMENT_NODE) return from;
  for (const { name } of [...from.attributes]) {
    if (!to.hasAttribute(name)) from.removeAttribute(name);
  }
  for (const { name, value } of [...to.attributes]) {
    if (from.getAttribute(name) !== value) from.setAttribute(name, value);
  }
  // Handlers: the new ones (they close over the new state) behind the node's own listeners.
  from.__handlers = to.__handlers ?? {};
  for (const type of Object.keys(from.__handlers)) listen(from, type);
  // An element whose content another module draws and keeps (`data-own`): left as it is.
  if (!to.hasAttribute('data-own')) patchChildren(from, to);
  if (to.__value !== undefined && from.value !== to.__value) from.value = to.__value;
  if (to.__checked !== undefined && from.checked !== to.__checked) from.checked = to.__checked;
  return from;
}

function patchChildren(from, to) {
  const next = [...to.childNodes];
  let old = [...from.childNodes];
  // Keyed children (an id) that moved are found by their key rather than their place.
  const byKey = new Map(old.filter((n) => key(n)).map((n) => [key(n), n]));
  next.forEach((child, i) => {
    let current = from.childNodes[i];
    const k = key(child);
    if (k && byKey.has(k) && byKey.get(k) !== current) {
      from.insertBefore(byKey.get(k), current ?? null);
      current = from.childNodes[i];
    }
    if (!current) from.append(child);
    else patch(current, child);
  });
  while (from.childNodes.length > next.length) from.lastChild.remove();
  old = null;
}

function key(node) {
  return node.nodeType === Node.ELEMENT_NODE ? node.getAttribute('id') || node.getAttribute('data-key') || '' : '';
}
