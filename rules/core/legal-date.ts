// Legal dates are calendar dates in Japan time, written YYYY-MM-DD. They carry no clock time and no zone:
// a rule never asks "what time is it", it is told which day it is judging.

declare const legalDateBrand: unique symbol;
export type LegalDate = string & { readonly [legalDateBrand]: true };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class InvalidLegalDate extends Error {
  constructor(readonly input: unknown) {
    super(`Not a calendar date (YYYY-MM-DD): ${String(input)}`);
    this.name = 'InvalidLegalDate';
  }
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const isLegalDate = (input: unknown): input is LegalDate => {
  if (typeof input !== 'string') return false;
  const m = ISO_DATE.exec(input);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
};

export const legalDate = (input: string): LegalDate => {
  if (!isLegalDate(input)) throw new InvalidLegalDate(input);
  return input;
};

export const parts = (date: LegalDate): { year: number; month: number; day: number } => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10)),
});

const fromParts = (year: number, month: number, day: number): LegalDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as LegalDate;

const toUtcMs = (date: LegalDate): number => {
  const { year, month, day } = parts(date);
  return Date.UTC(year, month - 1, day);
};

const fromUtcMs = (ms: number): LegalDate => {
  const d = new Date(ms);
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

const DAY_MS = 86_400_000;

export const addDays = (date: LegalDate, days: number): LegalDate => fromUtcMs(toUtcMs(date) + days * DAY_MS);

/** Adds calendar months; a day that does not exist in the target month is clamped to its last day (1-31 + 1 month = 2-28/29). */
export const addMonths = (date: LegalDate, months: number): LegalDate => {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return fromParts(y, m, Math.min(day, daysInMonth(y, m)));
};

export const addYears = (date: LegalDate, years: number): LegalDate => addMonths(date, years * 12);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: LegalDate, to: LegalDate): number => Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);

export const compareDates = (a: LegalDate, b: LegalDate): number => (a < b ? -1 : a > b ? 1 : 0);
export const isBefore = (a: LegalDate, b: LegalDate): boolean => a < b;
export const isOnOrAfter = (a: LegalDate, b: LegalDate): boolean => a >= b;
export const minDate = (a: LegalDate, b: LegalDate): LegalDate => (a <= b ? a : b);
export const maxDate = (a: LegalDate, b: LegalDate): LegalDate => (a >= b ? a : b);

const JAPAN_OFFSET_MS = 9 * 3_600_000; // Japan has no daylight saving time.

/** The calendar date in Japan at a given instant. The caller supplies the instant: rules never read the clock. */
export const japanDateOf = (instant: Date): LegalDate => fromUtcMs(Math.floor((instant.getTime() + JAPAN_OFFSET_MS) / DAY_MS) * DAY_MS);

/** Full years between a birth date and a day (age on that day, birthday counted on the day itself). */
export const ageOn = (birthDate: LegalDate, on: LegalDate): number => {
  const b = parts(birthDate);
  const d = parts(on);
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1;
  return age;
};
