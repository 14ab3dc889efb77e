import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, legalDate } from '../core/index.js';
import { wageIncreaseAdequacy, wageIncreaseReportDue } from './q3-3.js';

describe('jaim-membership-faq Q3-3', () => {
  it('Q3-3-2: the report is due with the renewal in January–February (2026-01-01, 2026-02-28, not 2026-03-01)', () => {
    expect(new Evaluator(legalDate('2025-12-31')).apply(wageIncreaseReportDue, {})).toBe('not_due');
    expect(new Evaluator(legalDate('2026-01-01')).apply(wageIncreaseReportDue, {})).toBe('due');
    expect(new Evaluator(legalDate('2026-02-28')).apply(wageIncreaseReportDue, {})).toBe('due');
    expect(new Evaluator(legalDate('2026-03-01')).apply(wageIncreaseReportDue, {})).toBe('not_due');
  });
  it('Q3-3-2 on 2026-02-10: adequacy always goes to review (no published level)', () => {
    for (const increasePercent of [0, 1.5, 3, 10, null]) {
      expect(new Evaluator(legalDate('2026-02-10')).apply(wageIncreaseAdequacy, { increasePercent })).toBe(NEEDS_REVIEW);
    }
  });
});
