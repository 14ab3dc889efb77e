import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legalDate, parameterAt } from '../core/index.js';
import {
  FEE_PARAMETERS,
  type Discount,
  annualFeePerEstablishment,
  applyDiscounts,
  discountYen,
  firstYearTwelfths,
  floorDiv,
  parameterForFiscalYear,
  proRate,
} from './params.js';

const yen = fc.integer({ min: 0, max: 10_000_000 });
const discount: fc.Arbitrary<Discount> = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => ({ kind: 'rate' as const, basisPoints })),
  fc.integer({ min: 0, max: 10_000_000 }).map((y) => ({ kind: 'amount' as const, yen: y })),
);

describe('jaim-fees parameters (examples)', () => {
  it('every amount we could not source is marked example with a note', () => {
    for (const p of FEE_PARAMETERS) {
      for (const v of p.values) {
        if (p.id === 'jaim-fees/entrance-fee') expect(v.status).toBe('official');
        else {
          expect(v.status).toBe('example');
          expect(v.note).toMatch(/EXAMPLE/);
          expect(v.citation.confidence).toBe('example');
        }
      }
    }
  });

  it('Q2-5-1 example FY2025 fee is half the FY2026 standard: 2026-03-31 → 50,000, 2026-04-01 → 100,000, 2026-04-02 → 100,000', () => {
    expect(parameterAt(annualFeePerEstablishment, legalDate('2026-03-31')).value).toBe(50_000);
    expect(parameterAt(annualFeePerEstablishment, legalDate('2026-04-01')).value).toBe(100_000);
    expect(parameterAt(annualFeePerEstablishment, legalDate('2026-04-02')).value).toBe(100_000);
    expect(parameterForFiscalYear(annualFeePerEstablishment, 2025).value).toBe(50_000);
    expect(() => parameterAt(annualFeePerEstablishment, legalDate('2025-03-31'))).toThrow();
  });

  it('Q2-5-1 first-year tables have 12 entries (April … March), each 0–12', () => {
    for (const v of firstYearTwelfths.values) {
      expect(v.value).toHaveLength(12);
      for (const t of v.value) expect(t >= 0 && t <= 12 && Number.isInteger(t)).toBe(true);
    }
  });

  it('floorDiv is exact floor division on integers', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 100_000 }), (a, b) => {
      const q = floorDiv(a, b);
      expect(Number.isInteger(q)).toBe(true);
      expect(q * b <= a && a < (q + 1) * b).toBe(true);
    }));
  });

  it('property: a discount is an integer, and a rate discount never exceeds the fee', () => {
    fc.assert(fc.property(discount, yen, (d, base) => {
      const y = discountYen(d, base);
      expect(Number.isInteger(y)).toBe(true);
      if (d.kind === 'rate') expect(y).toBeLessThanOrEqual(base);
    }));
  });

  it('property: discounts never make a fee negative, and the result is an integer', () => {
    fc.assert(fc.property(yen, fc.array(discount, { maxLength: 4 }), (base, ds) => {
      const net = applyDiscounts(base, ds.map((d) => discountYen(d, base)));
      expect(net).toBeGreaterThanOrEqual(0);
      expect(net).toBeLessThanOrEqual(base);
      expect(Number.isInteger(net)).toBe(true);
    }));
  });

  it('property: combining discounts is order-independent', () => {
    fc.assert(fc.property(yen, discount, discount, (base, a, b) => {
      const ab = applyDiscounts(base, [discountYen(a, base), discountYen(b, base)]);
      const ba = applyDiscounts(base, [discountYen(b, base), discountYen(a, base)]);
      expect(ab).toBe(ba);
    }));
  });

  it('property: the first-year amount never exceeds the full-year amount with the example tables, and is an integer', () => {
    fc.assert(fc.property(yen, fc.constantFrom(...firstYearTwelfths.values), fc.integer({ min: 0, max: 11 }), (full, version, month) => {
      const amount = proRate(full, version.value[month] ?? 12);
      expect(amount).toBeLessThanOrEqual(full);
      expect(amount).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(amount)).toBe(true);
    }));
  });
});
