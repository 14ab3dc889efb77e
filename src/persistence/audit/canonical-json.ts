// Canonical JSON: object keys sorted, no whitespace. The audit hash must not depend on key order,
// and jsonb gives keys back in its own order, so both the writer and the verifier hash this form.
//
// The definition is "JSON round trip, then sort keys, then stringify". Bulk writers hash tens of thousands of
// entries, so the common shapes (plain objects, arrays, strings, numbers, booleans, null, Dates) are serialised
// in one pass that gives the same string; anything else falls back to the definition itself.

/** The value as it survives a round trip through JSON (and so through jsonb): dates become strings, undefined goes. */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  const fast = typeof value === 'function' || typeof value === 'symbol' ? NEEDS_DEFINITION : serialise(value);
  return typeof fast === 'string' ? fast : JSON.stringify(sortKeys(toJsonValue(value)) ?? null);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

const NEEDS_DEFINITION = Symbol('needs the round-trip definition');

/**
 * Keys that are array indices ('0', '17') are enumerated before the others whatever the insertion order, so
 * after the definition's sort they do not come out in sorted order; and the definition's rebuilt object drops
 * an own '__proto__' key. Leave objects with such keys to the definition.
 */
const SPECIAL_KEY = /^(?:0|[1-9][0-9]*|__proto__)$/;

/** One-pass canonical form; undefined where JSON would leave the value out, NEEDS_DEFINITION when unsure. */
function serialise(value: unknown): string | undefined | typeof NEEDS_DEFINITION {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      return NEEDS_DEFINITION;
  }
  if (value === null) return 'null';
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto === Date.prototype) {
    if (Object.prototype.hasOwnProperty.call(value, 'toJSON')) return NEEDS_DEFINITION;
    const iso = (value as Date).toJSON();
    return iso === null ? 'null' : JSON.stringify(iso);
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return NEEDS_DEFINITION;
  if (Array.isArray(value)) {
    if (proto !== Array.prototype) return NEEDS_DEFINITION;
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item = serialise(value[i]);
      if (item === NEEDS_DEFINITION) return NEEDS_DEFINITION;
      out += (i ? ',' : '') + (item ?? 'null');
    }
    return out + ']';
  }
  if (proto !== Object.prototype && proto !== null) return NEEDS_DEFINITION;
  const keys = Object.keys(value as object).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    if (SPECIAL_KEY.test(key)) return NEEDS_DEFINITION;
    const item = serialise((value as Record<string, unknown>)[key]);
    if (item === NEEDS_DEFINITION) return NEEDS_DEFINITION;
    if (item === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + item;
    first = false;
  }
  return out + '}';
}
