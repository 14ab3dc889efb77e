import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, NotInForce, legalDate } from '../core/index.js';
import { employeeTest, jaimUsesManufacturingCriterion } from './q2-4.js';

const ON = legalDate('2025-09-01');
const emp = (regularEmployees: number, uncertainStaff = 0) => new Evaluator(ON).apply(employeeTest, { regularEmployees, uncertainStaff });

describe('sme-basic-act art.2(1)(i) with jaim-membership-faq Q2-4-4: regular employees', () => {
  it('2(1)(i) on 2025-09-01: exactly 300 regular employees is within the limit; 301 is not', () => {
    expect(emp(300)).toBe('met');
    expect(emp(301)).toBe('not-met');
  });

  it('Q2-4-4 on 2025-09-01: unsettled staff that cannot tip the count are harmless', () => {
    expect(emp(200, 100)).toBe('met');
    expect(emp(301, 50)).toBe('not-met');
  });

  it('Q2-4-4 on 2025-09-01: unsettled staff that would tip 290 over 300 need review, with the reason', () => {
    const e = new Evaluator(ON);
    const out = e.applyFull(employeeTest, { regularEmployees: 290, uncertainStaff: 11 });
    expect(out.outcome).toBe(NEEDS_REVIEW);
    expect(out.message.en).toContain('Labour Standards Act art.20');
    expect(e.steps[0]?.citations.map((c) => c.article)).toEqual(['2', 'Q2-4-4']);
  });
});

describe('jaim-membership-faq Q2-4-5: manufacturing thresholds for every applicant', () => {
  it('Q2-4-5 on 2025-09-01: a staffing company is judged by the manufacturing thresholds', () => {
    const e = new Evaluator(ON);
    const out = e.applyFull(jaimUsesManufacturingCriterion, { declaredSector: 'services' });
    expect(out.outcome).toBe('manufacturing');
    expect(out.message.en).toContain('services');
    expect(e.steps[0]?.citation).toBe('jaim-membership-faq Q2-4-5');
  });

  it('Q2-4-5 before JAIM was registered (2025-06-24) is not in force; on 2025-06-25 and 2025-06-26 it applies', () => {
    expect(() => new Evaluator(legalDate('2025-06-24')).apply(jaimUsesManufacturingCriterion, {})).toThrow(NotInForce);
    for (const d of ['2025-06-25', '2025-06-26']) expect(new Evaluator(legalDate(d)).apply(jaimUsesManufacturingCriterion, {})).toBe('manufacturing');
  });
});
