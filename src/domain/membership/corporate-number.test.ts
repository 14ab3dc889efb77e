import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCorporateNumber, corporateNumberCheckDigit, corporateNumberFromBase } from './corporate-number.js';

const base12 = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 12, maxLength: 12 });
const toFullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe('法人番号 check digit (財務省令第70号 第2条)', () => {
  it('matches the worked example and published numbers', () => {
    expect(corporateNumberCheckDigit('123456789012')).toBe(7);
    expect(checkCorporateNumber('7123456789012')).toEqual({ ok: true, value: '7123456789012' });
    expect(checkCorporateNumber('4011001098993').ok).toBe(true);
    expect(checkCorporateNumber('2120901007402').ok).toBe(true);
  });

  it('rejects a wrong check digit, wrong length and letters', () => {
    expect(checkCorporateNumber('6123456789012')).toEqual({ ok: false, problem: 'check_digit' });
    expect(checkCorporateNumber('123456789012')).toEqual({ ok: false, problem: 'format' });
    expect(checkCorporateNumber('71234567890a2')).toEqual({ ok: false, problem: 'format' });
    expect(checkCorporateNumber('  ')).toEqual({ ok: false, problem: 'empty' });
  });

  it('accepts full-width digits and separators (NFKC)', () => {
    expect(checkCorporateNumber('７１２３４５６７８９０１２')).toEqual({ ok: true, value: '7123456789012' });
    expect(checkCorporateNumber('7-1234-5678-9012')).toEqual({ ok: true, value: '7123456789012' });
  });

  it('property: every base number yields a check digit 1–9 and a valid number', () => {
    fc.assert(
      fc.property(base12, (base) => {
        const d = corporateNumberCheckDigit(base);
        expect(d).toBeGreaterThanOrEqual(1);
        expect(d).toBeLessThanOrEqual(9);
        expect(checkCorporateNumber(corporateNumberFromBase(base)).ok).toBe(true);
        expect(checkCorporateNumber(toFullWidth(corporateNumberFromBase(base)))).toEqual({ ok: true, value: corporateNumberFromBase(base) });
      }),
    );
  });

  it('property: changing any single digit of a valid number is detected', () => {
    fc.assert(
      fc.property(base12, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 9 }), (base, position, delta) => {
        const valid = corporateNumberFromBase(base);
        const digit = (Number(valid[position]) + delta) % 10;
        const changed = valid.slice(0, position) + String(digit) + valid.slice(position + 1);
        // Weights 1 and 2 are units mod 9, so a single-digit change is caught unless it is 0↔9 (a change of 9).
        fc.pre(Math.abs(digit - Number(valid[position])) !== 9);
        expect(checkCorporateNumber(changed).ok).toBe(false);
      }),
    );
  });
});
