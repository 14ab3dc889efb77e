import { type LegalDate, addDays, addMonths, parts } from './legal-date.js';

// Periods counted in months or years as the Civil Code counts them (民法 arts.140, 143): the first day is not
// counted when the period starts from an event during a day; the period ends at the end of the day before the
// day corresponding to its first counted day, or, when that month has no corresponding day, on the last day of
// that month. Shared by every instrument with look-backs and stay limits.

/**
 * Last day of a period of `months` months running from `event` (the event's own day not counted).
 * `civilPeriodEnd('2025-08-31', 6)` is 2026-02-28; `civilPeriodEnd('2020-06-10', 60)` is 2025-06-10.
 */
export const civilPeriodEnd = (event: LegalDate, months: number): LegalDate => {
  const start = addDays(event, 1);
  const target = addMonths(start, months);
  // addMonths clamps a missing day to the month's last day: then the period ends on that last day.
  return parts(target).day !== parts(start).day ? target : addDays(target, -1);
};

/** Last day of a period of `months` months whose first day is `firstDay` itself (e.g. employment from day one). */
export const civilPeriodEndInclusive = (firstDay: LegalDate, months: number): LegalDate => civilPeriodEnd(addDays(firstDay, -1), months);

/** True on `on` when a period of `months` from `event` has run out ("…から5年を経過"). */
export const hasElapsed = (event: LegalDate, months: number, on: LegalDate): boolean => on > civilPeriodEnd(event, months);

/**
 * Events that fall in the look-back "past N months" as of `on`: those whose N-month period has not yet run out.
 * Events dated after `on` are kept too (they are known by the time of the decision and cannot be ignored).
 */
export const withinLookBack = (events: readonly LegalDate[], months: number, on: LegalDate): LegalDate[] =>
  events.filter((e) => !hasElapsed(e, months, on));
