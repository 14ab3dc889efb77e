import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FactsInvalid, NEEDS_REVIEW, NotInForce, determine } from '../core/index.js';
import { smeDetermination as d } from './determination.js';

describe('sme determination', () => {
  it('runs its worked example on 2025-09-01: a services company with ¥500M capital and 250 (+20 unsettled) employees is an SME', () => {
    const r = determine(d, d.example.facts, d.example.asOf);
    expect(r.outcome).toBe('sme');
    expect(r.trace.map((s) => s.ruleId)).toEqual(['sme/q2-4/jaim-manufacturing-criterion', 'sme/art-002/capital-test', 'sme/art-002/employee-test']);
  });

  it('2(1)(i) on 2025-09-01: capital within the limit makes an SME even with 5,000 employees (either suffices)', () => {
    expect(determine(d, { capitalYen: 100_000_000, regularEmployees: 5000 }, '2025-09-01').outcome).toBe('sme');
  });

  it('2(1)(i) on 2025-09-01: capital within the limit makes unsettled staff irrelevant', () => {
    expect(determine(d, { capitalYen: 100_000_000, regularEmployees: 299, uncertainStaff: 50 }, '2025-09-01').outcome).toBe('sme');
  });

  it('2(1)(i) on 2025-09-01: ¥1bn capital and 301 employees is not an SME', () => {
    const r = determine(d, { capitalYen: 1_000_000_000, regularEmployees: 301 }, '2025-09-01');
    expect(r.outcome).toBe('not-sme');
    expect(r.reasons).toHaveLength(3);
  });

  it('Q2-4-4 on 2025-09-01: ¥1bn capital, 295 employees and 10 unsettled part-timers needs review', () => {
    const r = determine(d, { capitalYen: 1_000_000_000, regularEmployees: 295, uncertainStaff: 10 }, '2025-09-01');
    expect(r.outcome).toBe(NEEDS_REVIEW);
    expect(r.reasons[1]?.ja).toContain('個別の判断');
  });

  it('2(1)(i) on 2025-09-01: an individual with 10 employees is an SME', () => {
    expect(determine(d, { capitalYen: null, regularEmployees: 10 }, '2025-09-01').outcome).toBe('sme');
  });

  it('in the manufacturing context the JAIM rule is not needed, so 2020-01-01 can be judged; in the JAIM context it is not in force', () => {
    expect(determine(d, { context: 'manufacturing', capitalYen: 1, regularEmployees: 1 }, '2020-01-01').outcome).toBe('sme');
    expect(() => determine(d, { capitalYen: 1, regularEmployees: 1 }, '2020-01-01')).toThrow(NotInForce);
  });

  it('rejects negative or fractional figures and a missing capital', () => {
    expect(() => determine(d, { capitalYen: -1, regularEmployees: 1 }, '2025-09-01')).toThrow(FactsInvalid);
    expect(() => determine(d, { capitalYen: 1.5, regularEmployees: 1 }, '2025-09-01')).toThrow(FactsInvalid);
    expect(() => determine(d, { regularEmployees: 1 }, '2025-09-01')).toThrow(FactsInvalid);
  });

  it('property: SME exactly when capital ≤ ¥300M or employees (with all unsettled staff) ≤ 300; review only in the tipping band', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100 }), (capitalYen, regularEmployees, uncertainStaff) => {
        const out = determine(d, { capitalYen, regularEmployees, uncertainStaff }, '2025-09-01').outcome;
        const expected =
          capitalYen <= 300_000_000 || regularEmployees + uncertainStaff <= 300 ? 'sme' : regularEmployees > 300 ? 'not-sme' : NEEDS_REVIEW;
        expect(out).toBe(expected);
      }),
    );
  });
});
