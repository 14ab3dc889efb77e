import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, legalDate } from '../core/index.js';
import type { EmployeeFacts } from './facts.js';
import { type VisaCase, req24PlanCertified, req25PlanRequirementsMet, req26PlannedStay, req27PayParity, req28PriorEmployment, req29NoMisconduct } from './req-24-29.js';

const d = legalDate;
const on = () => new Evaluator(d('2025-11-01'));
const employee: EmployeeFacts = {
  name: 'B',
  plannedStart: d('2026-01-10'),
  plannedEnd: d('2027-01-10'),
  foreignEmploymentStart: d('2025-01-10'),
  pay: { baseYen: 300_000, foreignerAllowancesYen: 0, freeHousingRentValueYen: 0 },
  japaneseComparatorPayYen: 300_000,
};
const visa = (v: Partial<VisaCase>): VisaCase => ({ applicationDate: d('2025-11-01'), visa: {}, company: {}, employee, ...v });

describe('manufacturing-activity-plan req.24–29 (residence stage)', () => {
  it('req.24 on 2025-11-01: the plan must be certified', () => {
    expect(on().apply(req24PlanCertified, visa({ visa: { planCertified: true } }))).toBe('met');
    expect(on().apply(req24PlanCertified, visa({ visa: { planCertified: false } }))).toBe('not-met');
  });
  it('req.25 on 2025-11-01: certification is taken to show the requirements unless a report or audit found a breach', () => {
    expect(on().apply(req25PlanRequirementsMet, visa({ visa: { planCertified: true, breachFoundByReportOrAudit: false } }))).toBe('met');
    expect(on().apply(req25PlanRequirementsMet, visa({ visa: { planCertified: true, breachFoundByReportOrAudit: true } }))).toBe(NEEDS_REVIEW);
  });
  it('req.26–28 on 2025-11-01: the plan checks apply again (one year, pay parity, a year abroad first)', () => {
    const e = on();
    expect(e.apply(req26PlannedStay, visa({}))).toBe('met');
    expect(e.apply(req27PayParity, visa({}))).toBe('met');
    expect(e.apply(req28PriorEmployment, visa({}))).toBe('met');
    expect(e.steps.map((s) => s.citation)).toEqual([
      'manufacturing-activity-plan-guide req.26',
      'manufacturing-activity-plan-guide req.27',
      'manufacturing-activity-plan-guide req.28',
    ]);
    expect(on().apply(req26PlannedStay, visa({ employee: { ...employee, plannedEnd: d('2027-01-11') } }))).toBe('not-met');
    expect(on().apply(req28PriorEmployment, visa({ employee: { ...employee, foreignEmploymentStart: d('2025-01-11') } }))).toBe('not-met');
  });
  it('req.29 on 2025-11-01: misconduct on 2020-11-01 still counts; on 2020-10-31 it does not', () => {
    expect(on().apply(req29NoMisconduct, visa({ company: { misconductDates: [d('2020-11-01')] } }))).toBe('not-met');
    expect(on().apply(req29NoMisconduct, visa({ company: { misconductDates: [d('2020-10-31')] } }))).toBe('met');
  });
});
