import { type LegalDate, parts, legalDate } from './legal-date.js';
import { type Period, period } from './period.js';

// Japanese fiscal years (年度) run from 1 April to 31 March and are named by the calendar year they start in.

export const fiscalYearOf = (date: LegalDate): number => {
  const { year, month } = parts(date);
  return month >= 4 ? year : year - 1;
};

export const fiscalYearPeriod = (fiscalYear: number): Period =>
  period(`${fiscalYear}-04-01`, `${fiscalYear + 1}-04-01`);

export const fiscalYearStart = (fiscalYear: number): LegalDate => legalDate(`${fiscalYear}-04-01`);
export const fiscalYearEnd = (fiscalYear: number): LegalDate => legalDate(`${fiscalYear + 1}-03-31`);

/** 1 for April … 12 for March: the month's position within its fiscal year. */
export const monthOfFiscalYear = (date: LegalDate): number => ((parts(date).month + 8) % 12) + 1;
