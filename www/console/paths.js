// JSON paths as the engine's checks write them (`$.goals[2].reason.text.fr`), the element id
// of the field each names (`f-goals-2-reason-text-fr`), and reading and writing a value at a
// path in a rules object without changing the object (the reducer's copies share the rest).

/** `$.goals[2].reason.text` → `['goals', 2, 'reason', 'text']`. */
export function segments(path) {
  const out = [];
  const re = /\.([A-Za-z0-9_]+)|\[(\d+)\]/g;
  let m;
  while ((m = re.exec(path))) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return out;
}

/** `['goals', 2, 'reason']` → `$.goals[2].reason`. */
export function pathOf(segs) {
  return '$' + segs.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
}

/** The id of the element that shows the field at `path` (field names hold no `-`). */
export function fieldId(path) {
  const segs = segments(path);
  return segs.length ? 'f-' + segs.join('-') : 'f-root';
}

/** The path itself, then each shorter one: where a finding can be shown when its own field is not drawn. */
export function ancestors(path) {
  const segs = segments(path);
  const out = [];
  for (let n = segs.length; n >= 0; n--) out.push(pathOf(segs.slice(0, n)));
  return out;
}

export function getAt(obj, path) {
  let v = obj;
  for (const s of segments(path)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[s];
  }
  return v;
}

/** A copy of `obj` with `value` at `path` (`undefined` removes the key). */
export function setAt(obj, path, value) {
  return setSegs(obj, segments(path), value);
}

function setSegs(obj, segs, value) {
  if (segs.length === 0) return value;
  const [head, ...rest] = segs;
  const copy = Array.isArray(obj) ? [...obj] : { ...(obj ?? {}) };
  const inner = setSegs(copy[head], rest, value);
  if (inner === undefined && !Array.isArray(copy)) delete copy[head];
  else copy[head] = inner;
  return copy;
}

/**
 * Every leaf that differs between two rules objects, as `{ path, before, after }` (a value
 * missing on one side is `undefined`), in the order of the newer object.
 */
export function diff(before, after, segs = []) {
  const isObj = (v) => v !== null && typeof v === 'object';
  if (isObj(before) && isObj(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    return keys.flatMap((k) => diff(before[k], after[k], [...segs, Array.isArray(after) ? Number(k) : k]));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path: pathOf(segs), before, after }];
}
