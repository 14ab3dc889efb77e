import { describe, expect, it } from 'vitest';
import { legalDate } from './legal-date.js';
import { formatPeriod, lastDayOf, period, periodContains, periodsOverlap } from './period.js';

const d = legalDate;

describe('half-open periods [from, to)', () => {
  it('contain their first day and not their end day', () => {
    const p = period('2019-03-26', '2025-05-26');
    expect(periodContains(p, d('2019-03-25'))).toBe(false);
    expect(periodContains(p, d('2019-03-26'))).toBe(true);
    expect(periodContains(p, d('2025-05-25'))).toBe(true);
    expect(periodContains(p, d('2025-05-26'))).toBe(false);
    expect(lastDayOf(p)).toBe('2025-05-25');
  });

  it('open-ended periods run on for ever', () => {
    const p = period('2025-05-26');
    expect(periodContains(p, d('2099-12-31'))).toBe(true);
    expect(lastDayOf(p)).toBeNull();
    expect(formatPeriod(p)).toBe('[2025-05-26, …)');
  });

  it('adjacent periods do not overlap; one shared day does', () => {
    expect(periodsOverlap(period('2019-03-26', '2025-05-26'), period('2025-05-26'))).toBe(false);
    expect(periodsOverlap(period('2019-03-26', '2025-05-27'), period('2025-05-26'))).toBe(true);
    expect(periodsOverlap(period('2025-05-26'), period('2019-03-26'))).toBe(true);
  });

  it('refuses empty or inverted periods and invalid dates', () => {
    expect(() => period('2025-05-26', '2025-05-26')).toThrow(RangeError);
    expect(() => period('2025-05-26', '2025-05-25')).toThrow(RangeError);
    expect(() => period('2025-02-30')).toThrow();
  });
});
