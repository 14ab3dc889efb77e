import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidLegalDate,
  addDays,
  addMonths,
  addYears,
  ageOn,
  compareDates,
  daysBetween,
  isLegalDate,
  japanDateOf,
  legalDate,
  parts,
} from './legal-date.js';

const d = legalDate;
/** Any day from 1900-01-01 to about 2200. */
const anyDate = fc.integer({ min: 0, max: 110_000 }).map((n) => addDays(d('1900-01-01'), n));

describe('legal dates', () => {
  it('accepts real calendar days only, including 29 February in leap years', () => {
    expect(isLegalDate('2024-02-29')).toBe(true);
    expect(isLegalDate('2000-02-29')).toBe(true);
    expect(isLegalDate('2025-02-29')).toBe(false);
    expect(isLegalDate('1900-02-29')).toBe(false);
    expect(isLegalDate('2025-04-31')).toBe(false);
    expect(isLegalDate('2025-13-01')).toBe(false);
    expect(isLegalDate('2025-1-01')).toBe(false);
    expect(isLegalDate('2025-06-01T00:00:00Z')).toBe(false);
    expect(isLegalDate(20250601)).toBe(false);
    expect(() => legalDate('2025-02-30')).toThrow(InvalidLegalDate);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2024-02-29'), 1)).toBe('2024-03-01');
    expect(addDays(d('2025-02-28'), 1)).toBe('2025-03-01');
    expect(addDays(d('2025-12-31'), 1)).toBe('2026-01-01');
    expect(addDays(d('2025-01-01'), -1)).toBe('2024-12-31');
    expect(daysBetween(d('2024-01-01'), d('2025-01-01'))).toBe(366);
    expect(daysBetween(d('2025-01-01'), d('2026-01-01'))).toBe(365);
  });

  it('clamps months to the last day of the target month', () => {
    expect(addMonths(d('2025-01-31'), 1)).toBe('2025-02-28');
    expect(addMonths(d('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addMonths(d('2025-03-31'), 1)).toBe('2025-04-30');
    expect(addMonths(d('2025-03-31'), -1)).toBe('2025-02-28');
    expect(addMonths(d('2025-11-15'), 3)).toBe('2026-02-15');
    expect(addMonths(d('2025-01-15'), -13)).toBe('2023-12-15');
    expect(addYears(d('2024-02-29'), 1)).toBe('2025-02-28');
    expect(addYears(d('2024-02-29'), 4)).toBe('2028-02-29');
  });

  it('compares and ages correctly, the birthday counting on the day', () => {
    expect(compareDates(d('2025-01-01'), d('2025-01-02'))).toBe(-1);
    expect(compareDates(d('2025-01-02'), d('2025-01-02'))).toBe(0);
    expect(ageOn(d('2000-06-15'), d('2025-06-14'))).toBe(24);
    expect(ageOn(d('2000-06-15'), d('2025-06-15'))).toBe(25);
    expect(ageOn(d('2004-02-29'), d('2025-02-28'))).toBe(20);
    expect(ageOn(d('2004-02-29'), d('2025-03-01'))).toBe(21);
  });

  it('japanDateOf: 14:59:59Z is still the same day in Japan, 15:00:00Z is the next', () => {
    expect(japanDateOf(new Date('2025-12-25T14:59:59Z'))).toBe('2025-12-25');
    expect(japanDateOf(new Date('2025-12-25T15:00:00Z'))).toBe('2025-12-26');
    expect(japanDateOf(new Date('2024-02-28T15:00:00Z'))).toBe('2024-02-29');
    expect(japanDateOf(new Date('2025-12-31T15:00:00Z'))).toBe('2026-01-01');
    expect(japanDateOf(new Date('2025-06-30T23:59:59.999Z'))).toBe('2025-07-01');
  });

  it('property: addDays(n) then addDays(-n) returns the same day', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: -20_000, max: 20_000 }), (date, n) => addDays(addDays(date, n), -n) === date));
  });

  it('property: daysBetween inverts addDays', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: -20_000, max: 20_000 }), (date, n) => daysBetween(date, addDays(date, n)) === n));
  });

  it('property: addMonths always yields a real date in the intended month and never overflows into the next', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -600, max: 600 }), (date, m) => {
        const r = addMonths(date, m);
        const a = parts(date);
        const b = parts(r);
        const index = a.year * 12 + (a.month - 1) + m;
        return isLegalDate(r) && b.year === Math.floor(index / 12) && b.month === (index % 12) + 1 && b.day <= a.day;
      }),
    );
  });

  it('property: addMonths keeps the day when the target month has it', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: -600, max: 600 }), (date, m) => parts(date).day > 28 || parts(addMonths(date, m)).day === parts(date).day));
  });
});
