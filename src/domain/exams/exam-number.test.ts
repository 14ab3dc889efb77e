import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter, formatExamNumber, hasValidCheck, isValidExamNumber, normaliseExamNumber, parseExamNumber } from './exam-number.js';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*';
const parts = fc.record({
  level: fc.constantFrom('i' as const, 'ii' as const),
  year: fc.integer({ min: 2019, max: 2099 }),
  sequence: fc.integer({ min: 1, max: 9_999_999 }),
});
const compact = (n: string) => n.replace(/-/g, '');

describe('exam numbers', () => {
  it('formats level, year, 7-digit sequence and a check character', () => {
    const n = formatExamNumber({ level: 'i', year: 2026, sequence: 1234 });
    expect(n).toMatch(/^SSW1-2026-0001234-[0-9A-Z]$/);
    expect(formatExamNumber({ level: 'ii', year: 2026, sequence: 9_999_999 })).toMatch(/^SSW2-2026-9999999-/);
  });

  it('known check values (ISO 7064 MOD 37-2): stable across releases, so issued tickets stay valid', () => {
    // Worked by hand: 'A' = 10 → p = (0 + 10) * 2 = 20 → check = (38 - 20) mod 37 = 18 = 'I'.
    expect(checkCharacter('A')).toBe('I');
    // '1','2' → p = ((0 + 1) * 2 + 2) * 2 = 8 → (38 - 8) mod 37 = 30 = 'U'.
    expect(checkCharacter('12')).toBe('U');
    expect(hasValidCheck('AI')).toBe(true);
    expect(hasValidCheck('AJ')).toBe(false);
    expect(formatExamNumber({ level: 'i', year: 2026, sequence: 1234 })).toBe(`SSW1-2026-0001234-${checkCharacter('SSW120260001234')}`);
  });

  it('the check character can be "*" and such numbers still parse', () => {
    let found = '';
    for (let s = 1; !found; s++) {
      const n = formatExamNumber({ level: 'i', year: 2026, sequence: s });
      if (n.endsWith('*')) found = n;
    }
    expect(isValidExamNumber(found)).toBe(true);
  });

  it('refuses out-of-range years and sequences', () => {
    expect(() => formatExamNumber({ level: 'i', year: 2026, sequence: 0 })).toThrow(RangeError);
    expect(() => formatExamNumber({ level: 'i', year: 2026, sequence: 10_000_000 })).toThrow(RangeError);
    expect(() => formatExamNumber({ level: 'i', year: 99, sequence: 1 })).toThrow(RangeError);
  });

  it('(property) every generated number parses back to its parts', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const r = parseExamNumber(formatExamNumber(p));
        expect(r.ok && r.parts).toEqual(p);
      }),
    );
  });

  it('(property) any single wrong character is caught', () => {
    fc.assert(
      fc.property(parts, fc.nat(), fc.integer({ min: 1, max: 36 }), (p, at, shift) => {
        const c = compact(formatExamNumber(p));
        const i = at % c.length;
        const wrong = ALNUM[(ALNUM.indexOf(c[i]!) + shift) % 37]!;
        expect(hasValidCheck(c.slice(0, i) + wrong + c.slice(i + 1))).toBe(false);
      }),
    );
  });

  it('(property) any swap of two adjacent different characters is caught', () => {
    fc.assert(
      fc.property(parts, fc.nat(), (p, at) => {
        const c = compact(formatExamNumber(p));
        const i = at % (c.length - 1);
        fc.pre(c[i] !== c[i + 1]);
        expect(hasValidCheck(c.slice(0, i) + c[i + 1] + c[i] + c.slice(i + 2))).toBe(false);
      }),
    );
  });

  it('reads full-width, lower-case and spaced input the candidate typed', () => {
    const n = formatExamNumber({ level: 'ii', year: 2026, sequence: 42 });
    const typed = ` ${n.toLowerCase()} `.replace(/-/g, 'ー').replace(/[0-9a-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    expect(normaliseExamNumber(typed)).toBe(n);
    expect(isValidExamNumber(typed)).toBe(true);
  });

  it('names the problem: format or check', () => {
    expect(parseExamNumber('SSW3-2026-0000001-A')).toEqual({ ok: false, problem: 'format' });
    expect(parseExamNumber('SSW1-2026-0000000-A')).toEqual({ ok: false, problem: 'format' });
    const n = formatExamNumber({ level: 'i', year: 2026, sequence: 7 });
    const bad = n.slice(0, -1) + (n.endsWith('A') ? 'B' : 'A');
    expect(parseExamNumber(bad)).toEqual({ ok: false, problem: 'check' });
  });
});
