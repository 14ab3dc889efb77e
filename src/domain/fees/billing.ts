import { type LegalDate, addDays, addMonths, cite, fiscalYearOf, formatCitation, legalDate, parts } from '../../../rules/core/index.js';

// Billing dates. The FAQ says the first year is paid by bank transfer and later years by direct debit, billed around
// February of the preceding fiscal year (jaim-membership-faq Q2-5-1, Q2-5-7, Q2-5-8); it gives no due dates. The
// due dates below are EXAMPLE operator settings (30 days for a transfer; the 27th of the following month for a debit,
// a common 口座振替日), to be replaced when the secretariat publishes its own.

export const DUE_DATE_CITATION = formatCitation(cite('jaim-membership-faq', 'Q2-5-8', undefined, undefined, 'example'));
export const TRANSFER_DAYS = 30;
export const DEBIT_DAY = 27;

export const dueOnFor = (method: 'bank_transfer' | 'direct_debit', issuedOn: LegalDate): LegalDate => {
  if (method === 'bank_transfer') return addDays(issuedOn, TRANSFER_DAYS);
  const next = parts(addMonths(issuedOn, 1));
  return legalDate(`${next.year}-${String(next.month).padStart(2, '0')}-${String(DEBIT_DAY).padStart(2, '0')}`);
};

export const invoiceNumber = (fiscalYear: number, serial: number): string => `JAIM-${fiscalYear}-${String(serial).padStart(6, '0')}`;

/** The 20-digit customer number (顧客番号) of a direct-debit record: fiscal year + the invoice serial. */
export const customerNumber = (fiscalYear: number, serial: number): string => `${fiscalYear}${String(serial).padStart(16, '0')}`;

export const receiptNumber = (fiscalYear: number, serial: number, n: number): string => `R-${fiscalYear}-${String(serial).padStart(6, '0')}-${n}`;

/** Integer yen with thousands separators: ¥81,666 / 81,666円. */
export const yen = (amount: number, lang: 'ja' | 'en' = 'ja'): string => {
  if (!Number.isInteger(amount)) throw new Error(`not integer yen: ${amount}`);
  const s = Math.abs(amount).toLocaleString('en-US');
  const sign = amount < 0 ? '−' : '';
  return lang === 'ja' ? `${sign}${s}円` : `${sign}¥${s}`;
};

/**
 * Q2-5-3: the association discount applies from the first year only if the association membership was complete when
 * the JAIM application was made; completed later, from the next fiscal year. Returns the first fiscal year it applies.
 */
export const associationDiscountFromFy = (completedOn: LegalDate, jaimApplicationDate: LegalDate): number =>
  completedOn <= jaimApplicationDate ? fiscalYearOf(jaimApplicationDate) : fiscalYearOf(completedOn) + 1;

export const ASSOCIATION_TIMING_CITATION = formatCitation(cite('jaim-membership-faq', 'Q2-5-3'));
