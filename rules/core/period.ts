import { type LegalDate, addDays, legalDate } from './legal-date.js';

/**
 * A half-open period [from, to): `from` is the first day in force, `to` the first day no longer in force.
 * `to: null` means open-ended (in force until changed).
 */
export type Period = { readonly from: LegalDate; readonly to: LegalDate | null };

export const period = (from: string, to: string | null = null): Period => {
  const p: Period = { from: legalDate(from), to: to === null ? null : legalDate(to) };
  if (p.to !== null && p.to <= p.from) throw new RangeError(`Empty or inverted period [${p.from}, ${p.to})`);
  return p;
};

export const periodContains = (p: Period, date: LegalDate): boolean => date >= p.from && (p.to === null || date < p.to);

export const periodsOverlap = (a: Period, b: Period): boolean =>
  (a.to === null || b.from < a.to) && (b.to === null || a.from < b.to);

/** Last day in force, for display ("until 2025-12-25"). */
export const lastDayOf = (p: Period): LegalDate | null => (p.to === null ? null : addDays(p.to, -1));

export const formatPeriod = (p: Period): string => `[${p.from}, ${p.to ?? '…'})`;
