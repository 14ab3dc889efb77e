import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, legalDate } from '../core/index.js';
import { nextYearFeeOnWithdrawal, refundOnWithdrawal, suspensionAvailable } from './q3-1.js';

const e = () => new Evaluator(legalDate('2026-02-10'));

describe('jaim-membership-faq Q3-1', () => {
  it('Q3-1-1 / Q3-1-2 on 2026-02-10: no suspension or temporary withdrawal', () => {
    expect(e().apply(suspensionAvailable, { request: 'suspend' })).toBe('not_available');
    expect(e().apply(suspensionAvailable, { request: 'temporary_withdrawal' })).toBe('not_available');
    expect(e().apply(suspensionAvailable, { request: 'withdraw' })).toBe('withdrawal_possible');
  });
  it('Q3-1-4 on 2026-02-10: no refund on mid-year withdrawal', () => {
    expect(e().apply(refundOnWithdrawal, { withdrawnOn: legalDate('2025-11-01') })).toBe('no_refund');
  });
  it('Q3-1-4 on 2026-02-10: withdrawal by the renewal check avoids next year’s fee (day of, day after)', () => {
    const deadline = legalDate('2026-02-20');
    expect(e().apply(nextYearFeeOnWithdrawal, { withdrawalNotifiedOn: legalDate('2026-02-20'), renewalCheckDeadline: deadline })).toBe('no_next_year_fee');
    expect(e().apply(nextYearFeeOnWithdrawal, { withdrawalNotifiedOn: legalDate('2026-02-21'), renewalCheckDeadline: deadline })).toBe('next_year_fee_due');
    expect(e().apply(nextYearFeeOnWithdrawal, { withdrawalNotifiedOn: legalDate('2026-02-21'), renewalCheckDeadline: null })).toBe(NEEDS_REVIEW);
  });
});
