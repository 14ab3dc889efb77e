import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

// The definition the audit chain was built with: JSON round trip, keys sorted, stringified. The one-pass
// serialiser must give byte-identical output, or chains written before it would stop verifying.
const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
};
const definition = (value: unknown): string => JSON.stringify(sortKeys(value === undefined ? undefined : JSON.parse(JSON.stringify(value))) ?? null);

class Point {
  constructor(
    public y: number,
    public x: number,
  ) {}
}

const protoKey = JSON.parse('{"__proto__":{"a":1},"b":2}') as unknown;
const nullProto = Object.assign(Object.create(null) as object, { b: 1, a: 2 });

const CASES: [string, unknown][] = [
  ['null', null],
  ['string with escapes', 'a"b\\c\n\u0001\u2028 日本語 \ud800 lone surrogate'],
  ['numbers', [0, -0, 1.5, -3e-7, 1e21, 2 ** 53 + 2, Number.NaN, Infinity, -Infinity]],
  ['booleans', [true, false]],
  ['nested', { b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } }],
  ['undefined dropped from objects, null in arrays', { a: undefined, b: [undefined, () => 1, Symbol('s')], c: () => 1, d: 1 }],
  ['dates', { at: new Date('2025-11-10T03:00:00.123Z'), bad: new Date(Number.NaN), list: [new Date(0)] }],
  ['date with its own toJSON', Object.assign(new Date(0), { toJSON: () => 'custom' })],
  ['object with toJSON', { v: { toJSON: () => ({ z: 1, a: [2] }) } }],
  ['array-index keys', { b: 1, 10: 'ten', 9: 'nine', a: 2, '01': 'not an index' }],
  ['own __proto__ key', protoKey],
  ['null prototype', nullProto],
  ['class instance', new Point(2, 1)],
  ['Map and Set', { m: new Map([['a', 1]]), s: new Set([1]) }],
  ['boxed primitives', [new String('s'), new Number(3), new Boolean(false)]],
  ['sparse array', [1, , 3]], // eslint-disable-line no-sparse-arrays
  ['key order by code unit', { é: 1, e: 2, E: 3, _: 4, 'a b': 5, '': 6, 日本: 7 }],
  ['audit-shaped', { before: { status: 'checked' }, after: { status: 'applied', organisationsCreated: 3, report: undefined, line: 12 } }],
  ['top-level undefined', undefined],
  ['top-level string', 'x'],
  ['top-level date', new Date('2024-04-01T00:00:00Z')],
];

describe('canonicalJson', () => {
  it.each(CASES)('%s: same bytes as the round-trip definition', (_name, value) => {
    expect(canonicalJson(value)).toBe(definition(value));
  });

  it('sorts keys and leaves out whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('throws, as the definition does, for values JSON cannot hold', () => {
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => definition({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow();
    expect(() => definition(() => 1)).toThrow();
  });

  it('agrees with the definition on many generated values', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const leaf = (): unknown => [null, true, false, random() * 1e6 - 5e5, Math.floor(random() * 100), `s${random().toString(36)}`, 'ｶﾀｶﾅ', new Date(Math.floor(random() * 2e12)), undefined][Math.floor(random() * 9)];
    const make = (depth: number): unknown => {
      const pick = random();
      if (depth > 3 || pick < 0.4) return leaf();
      if (pick < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => make(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(random() * 5); i > 0; i--) o[['id', 'after', 'before', 'Z', 'a_b', 'ä', String(Math.floor(random() * 3))][Math.floor(random() * 7)]!] = make(depth + 1);
      return o;
    };
    for (let i = 0; i < 2_000; i++) {
      const value = make(0);
      expect(canonicalJson(value)).toBe(definition(value));
    }
  });
});
