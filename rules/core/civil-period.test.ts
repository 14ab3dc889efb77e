import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LegalDate, addDays, addMonths, daysBetween, legalDate, parts } from './index.js';
import { civilPeriodEnd, civilPeriodEndInclusive, hasElapsed, withinLookBack } from './civil-period.js';

const d = legalDate;

describe('civil-code periods (民法 140, 143) used by the look-backs and stay limits', () => {
  it('6 months from 2025-08-31 end on 2026-02-28 (no 31st in February)', () => {
    expect(civilPeriodEnd(d('2025-08-31'), 6)).toBe('2026-02-28');
  });
  it('5 years from 2020-06-10 end on 2025-06-10; elapsed on 2025-06-11, not on 2025-06-10', () => {
    expect(civilPeriodEnd(d('2020-06-10'), 60)).toBe('2025-06-10');
    expect(hasElapsed(d('2020-06-10'), 60, d('2025-06-10'))).toBe(false);
    expect(hasElapsed(d('2020-06-10'), 60, d('2025-06-11'))).toBe(true);
  });
  it('5 years from 2019-02-28 end on 2024-02-29 (counting starts 2019-03-01)', () => {
    expect(civilPeriodEnd(d('2019-02-28'), 60)).toBe('2024-02-29');
  });
  it('a year of employment from 2024-04-01 (first day counted) completes on 2025-03-31', () => {
    expect(civilPeriodEndInclusive(d('2024-04-01'), 12)).toBe('2025-03-31');
  });
  it('look-back keeps events whose period has not run out, including later ones', () => {
    const events = [d('2020-06-09'), d('2020-06-10'), d('2025-07-01')];
    expect(withinLookBack(events, 60, d('2025-06-10'))).toEqual(['2020-06-10', '2025-07-01']);
  });

  const dates = fc.integer({ min: 0, max: 365 * 60 }).map((n) => addDays(d('1990-01-01'), n));
  it('property: the end is the day addMonths gives or the day after, and the next day starts a fresh count', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 120 }), (event: LegalDate, months) => {
        const end = civilPeriodEnd(event, months);
        const gap = daysBetween(addMonths(event, months), end);
        expect(gap === 0 || gap === 1).toBe(true);
        // the day after the end is either the day corresponding to the first counted day, or the 1st of a month
        const next = addDays(end, 1);
        const start = addDays(event, 1);
        expect(parts(next).day === parts(start).day || parts(next).day === 1).toBe(true);
      }),
    );
  });
  it('property: hasElapsed flips exactly once, the day after the end', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 72 }), (event: LegalDate, months) => {
        const end = civilPeriodEnd(event, months);
        expect(hasElapsed(event, months, end)).toBe(false);
        expect(hasElapsed(event, months, addDays(end, 1))).toBe(true);
      }),
    );
  });
});
