import { describe, expect, it } from 'vitest';
import { Evaluator, NotInForce, legalDate } from '../core/index.js';
import { nextYearFeeOnWithdrawal, noRefundOnWithdrawal } from './q3-1.js';

describe('jaim-membership-faq Q3-1-4: withdrawal and fees', () => {
  it('Q3-1-4 on 2026-11-01: withdrawing mid-year refunds nothing of the ¥100,000 paid', () => {
    const e = new Evaluator(legalDate('2026-11-01'));
    expect(e.apply(noRefundOnWithdrawal, { paidYen: 100_000 })).toBe(0);
    expect(e.steps[0]?.citations.map((c) => c.article)).toEqual(['Q3-1-4', 'Q1-2-3', 'Q3-1-5']);
  });

  it('Q3-1-4 on 2027-02-01: withdrawing at the renewal check avoids the next year\'s fee; otherwise it is charged', () => {
    const e = new Evaluator(legalDate('2027-02-01'));
    expect(e.apply(nextYearFeeOnWithdrawal, { withdrawalNotifiedAtRenewalCheck: true })).toBe('not-charged');
    expect(e.apply(nextYearFeeOnWithdrawal, { withdrawalNotifiedAtRenewalCheck: false })).toBe('charged');
  });

  it('Q3-1-4 on 2025-06-24 is not in force; on 2025-06-25 and 2025-06-26 it applies', () => {
    expect(() => new Evaluator(legalDate('2025-06-24')).apply(noRefundOnWithdrawal, { paidYen: 1 })).toThrow(NotInForce);
    for (const day of ['2025-06-25', '2025-06-26']) expect(new Evaluator(legalDate(day)).apply(noRefundOnWithdrawal, { paidYen: 1 })).toBe(0);
  });
});
