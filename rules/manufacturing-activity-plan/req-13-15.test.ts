import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, legalDate } from '../core/index.js';
import { req13Instructors, req14FinancialBase, req15ReturnCosts } from './req-13-15.js';

const on = () => new Evaluator(legalDate('2025-06-01'));
const app = legalDate('2025-06-01');

describe('manufacturing-activity-plan req.13–15', () => {
  it('req.13 on 2025-06-01: a missing role fails; all roles filled needs review of the number; a recorded review decides', () => {
    expect(on().apply(req13Instructors, { project: { instructors: { generalManagers: 1, technicalLeads: 0, lifeAdvisors: 1 } }, employeeCount: 3 })).toBe('not-met');
    const e = on();
    expect(e.apply(req13Instructors, { project: { instructors: { generalManagers: 1, technicalLeads: 1, lifeAdvisors: 1 } }, employeeCount: 10 })).toBe(NEEDS_REVIEW);
    expect(e.steps[0]?.message.en).toContain('judgement');
    expect(on().apply(req13Instructors, { project: { instructors: { generalManagers: 1, technicalLeads: 1, lifeAdvisors: 1 }, instructorReview: 'satisfied' }, employeeCount: 10 })).toBe('met');
    expect(on().apply(req13Instructors, { project: {}, employeeCount: 1 })).toBe('missing');
  });
  it('req.14 on 2025-06-01: a financial base securing pay is needed', () => {
    expect(on().apply(req14FinancialBase, { applicationDate: app, company: { financialBaseForPay: true } })).toBe('met');
    expect(on().apply(req14FinancialBase, { applicationDate: app, company: { financialBaseForPay: false } })).toBe('not-met');
    expect(on().apply(req14FinancialBase, { applicationDate: app, company: {} })).toBe('missing');
  });
  it('req.15 on 2025-06-01: the company pays the return costs', () => {
    expect(on().apply(req15ReturnCosts, { applicationDate: app, company: { bearsReturnCosts: true } })).toBe('met');
    expect(on().apply(req15ReturnCosts, { applicationDate: app, company: { bearsReturnCosts: false } })).toBe('not-met');
  });
});
