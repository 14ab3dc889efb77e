import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiscalYearEnd, fiscalYearOf, fiscalYearPeriod, fiscalYearStart, monthOfFiscalYear } from './fiscal-year.js';
import { addDays, legalDate } from './legal-date.js';
import { lastDayOf, periodContains } from './period.js';

const d = legalDate;

describe('fiscal years (April to March)', () => {
  it('03-31 belongs to the previous fiscal year, 04-01 starts the next', () => {
    expect(fiscalYearOf(d('2025-03-31'))).toBe(2024);
    expect(fiscalYearOf(d('2025-04-01'))).toBe(2025);
    expect(fiscalYearOf(d('2026-01-15'))).toBe(2025);
    expect(fiscalYearOf(d('2025-12-31'))).toBe(2025);
  });

  it('a fiscal year runs [04-01, next 04-01) and ends on 03-31, leap years included', () => {
    const p = fiscalYearPeriod(2023);
    expect(p).toEqual({ from: '2023-04-01', to: '2024-04-01' });
    expect(lastDayOf(p)).toBe('2024-03-31');
    expect(periodContains(p, d('2024-02-29'))).toBe(true);
    expect(fiscalYearStart(2025)).toBe('2025-04-01');
    expect(fiscalYearEnd(2025)).toBe('2026-03-31');
  });

  it('months are numbered from April', () => {
    expect(monthOfFiscalYear(d('2025-04-01'))).toBe(1);
    expect(monthOfFiscalYear(d('2025-12-01'))).toBe(9);
    expect(monthOfFiscalYear(d('2026-03-31'))).toBe(12);
  });

  it('property: fiscalYearOf agrees with fiscalYearPeriod on every day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), (n) => {
        const day = addDays(d('1950-01-01'), n);
        const fy = fiscalYearOf(day);
        return periodContains(fiscalYearPeriod(fy), day) && !periodContains(fiscalYearPeriod(fy + 1), day) && !periodContains(fiscalYearPeriod(fy - 1), day);
      }),
    );
  });

  it('property: the day after a fiscal year ends starts the next one', () => {
    fc.assert(fc.property(fc.integer({ min: 1950, max: 2150 }), (fy) => addDays(fiscalYearEnd(fy), 1) === fiscalYearStart(fy + 1) && fiscalYearOf(fiscalYearEnd(fy)) === fy));
  });
});
