import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, NotInForce, legalDate } from '../core/index.js';
import {
  associationDiscountRule,
  baseAnnualFee,
  billingTiming,
  feePerEstablishment,
  firstYearAmount,
  noConsumptionTax,
  noEntranceFee,
  payerAccepted,
  paymentMethod,
  smeDiscountRule,
} from './q2-5.js';

const ON = legalDate('2026-09-01');
const ev = () => new Evaluator(ON);
const d = (s: string) => legalDate(s);

describe('jaim-membership-faq Q2-5: fees', () => {
  it('Q2-5-5 on 2026-09-01: three establishments of one company pay three fees', () => {
    const e = ev();
    expect(e.apply(feePerEstablishment, { establishments: [{ id: 'a', jsicCodes: ['2422'] }, { id: 'b', jsicCodes: ['2422'] }, { id: 'c', jsicCodes: ['2691'] }] })).toBe(3);
    expect(e.steps[0]?.citation).toBe('jaim-membership-faq Q2-5-5');
  });

  it('Q2-5-6 on 2026-09-01: one establishment under two JSIC classes pays one fee', () => {
    const e = ev();
    expect(e.apply(feePerEstablishment, { establishments: [{ id: 'a', jsicCodes: ['2422', '2691'] }] })).toBe(1);
    expect(e.steps[0]?.message.en).toContain('count once each');
  });

  it('Q2-5-1 on 2026-09-01: there is no entrance fee', () => {
    expect(ev().apply(noEntranceFee, {})).toBe(0);
  });

  it('Q2-5-1 on 2026-09-01: the FY2026 base fee is the example amount, recorded with its status in the trace', () => {
    const e = ev();
    expect(e.apply(baseAnnualFee, { fiscalYear: 2026 })).toBe(100_000);
    expect(e.steps[0]?.used['parameter']).toMatchObject({ id: 'jaim-fees/annual-fee-per-establishment', status: 'example', fiscalYear: 2026 });
    expect(e.steps[0]?.message.en).toContain('example');
  });

  it('Q2-5-8 on 2026-02-10: the FY2026 fee billed in February 2026 uses the FY2026 amount, not FY2025', () => {
    expect(new Evaluator(d('2026-02-10')).apply(baseAnnualFee, { fiscalYear: 2026 })).toBe(100_000);
  });

  it('Q2-5-2 on 2026-09-01: an SME gets the (example 10%) SME discount; a non-SME none; an unsettled SME status needs review', () => {
    expect(ev().apply(smeDiscountRule, { fiscalYear: 2026, baseYen: 100_000, sme: 'sme' })).toBe(10_000);
    expect(ev().apply(smeDiscountRule, { fiscalYear: 2026, baseYen: 100_000, sme: 'not-sme' })).toBe(0);
    expect(ev().apply(smeDiscountRule, { fiscalYear: 2026, baseYen: 100_000, sme: NEEDS_REVIEW })).toBe(NEEDS_REVIEW);
  });

  it('Q2-5-2 on 2026-09-01: the discount is floored to the yen (10% of ¥99,999 is ¥9,999)', () => {
    expect(ev().apply(smeDiscountRule, { fiscalYear: 2026, baseYen: 99_999, sme: 'sme' })).toBe(9_999);
  });

  const assoc = (completed: string | null, applied: string, fiscalYear: number, associationIndustryMatches?: boolean) =>
    ev().applyFull(associationDiscountRule, {
      fiscalYear,
      baseYen: 100_000,
      associationMembershipCompletedOn: completed === null ? null : d(completed),
      jaimApplicationDate: d(applied),
      associationIndustryMatches,
    });

  it('Q2-5-3 on 2026-09-01: membership complete the day of the JAIM application → discount from the first year', () => {
    expect(assoc('2026-06-15', '2026-06-15', 2026).outcome).toBe(20_000);
  });

  it('Q2-5-3 on 2026-09-01: membership completed the day after the application → no discount in FY2026, from FY2027', () => {
    const r = assoc('2026-06-16', '2026-06-15', 2026);
    expect(r.outcome).toBe(0);
    expect(r.used?.['appliesFromFiscalYear']).toBe(2027);
    expect(assoc('2026-06-16', '2026-06-15', 2027).outcome).toBe(20_000);
  });

  it('Q2-5-3 on 2026-09-01: an association application still pending gives no discount', () => {
    expect(assoc(null, '2026-06-15', 2026).outcome).toBe(0);
  });

  it('Q2-5-4 on 2026-09-01: the discount applies even when the association\'s industry differs', () => {
    const r = assoc('2026-01-01', '2026-06-15', 2026, false);
    expect(r.outcome).toBe(20_000);
    expect(r.message.en).toContain('double fees');
  });

  it('Q2-5-1 on 2026-09-01: a September fee notice charges 7/12 of the full-year fee (example table), floored', () => {
    const e = ev();
    expect(e.apply(firstYearAmount, { fiscalYear: 2026, feeNoticeDate: d('2026-09-01'), fullYearYen: 70_000 })).toBe(40_833);
    expect(e.steps[0]?.used['twelfths']).toBe(7);
  });

  it('Q2-5-1 on 2026-09-01: an April notice charges the full year, a March notice 1/12', () => {
    expect(ev().apply(firstYearAmount, { fiscalYear: 2026, feeNoticeDate: d('2026-04-01'), fullYearYen: 100_000 })).toBe(100_000);
    expect(ev().apply(firstYearAmount, { fiscalYear: 2026, feeNoticeDate: d('2027-03-31'), fullYearYen: 100_000 })).toBe(8_333);
  });

  it('Q2-5-1 on 2025-09-01: in FY2025 the example treats the half price as the whole reduction (no pro-rating)', () => {
    expect(new Evaluator(d('2025-09-01')).apply(firstYearAmount, { fiscalYear: 2025, feeNoticeDate: d('2025-09-01'), fullYearYen: 45_000 })).toBe(45_000);
  });

  it('Q2-5-1 / Q2-5-7 on 2026-09-01: first year by bank transfer, later years by direct debit', () => {
    expect(ev().apply(paymentMethod, { firstYear: true })).toBe('bank-transfer');
    expect(ev().apply(paymentMethod, { firstYear: false })).toBe('direct-debit');
  });

  it('Q2-5-8 on 2026-09-01: the FY2027 fee is billed around February 2027; the first year on the fee notice', () => {
    expect(ev().apply(billingTiming, { fiscalYear: 2027, firstYear: false })).toBe('2027-02');
    expect(ev().apply(billingTiming, { fiscalYear: 2026, firstYear: true, feeNoticeDate: d('2026-09-01') })).toBe('2026-09');
  });

  it('Q2-5-9 on 2026-09-01: no consumption tax', () => {
    expect(ev().apply(noConsumptionTax, {})).toBe(0);
  });

  it('Q2-5-12 on 2026-09-01: a registered support organisation may pay', () => {
    const e = ev();
    expect(e.apply(payerAccepted, { payer: 'registered-support-organisation' })).toBe('accepted');
    expect(e.steps[0]?.citation).toBe('jaim-membership-faq Q2-5-12');
  });

  it('before JAIM was registered (2025-06-24) the fee rules are not in force; on 2025-06-25 and 2025-06-26 they apply', () => {
    expect(() => new Evaluator(d('2025-06-24')).apply(noEntranceFee, {})).toThrow(NotInForce);
    expect(() => new Evaluator(d('2025-06-24')).apply(paymentMethod, { firstYear: true })).toThrow(NotInForce);
    for (const day of ['2025-06-25', '2025-06-26']) {
      expect(new Evaluator(d(day)).apply(noEntranceFee, {})).toBe(0);
      expect(new Evaluator(d(day)).apply(baseAnnualFee, { fiscalYear: 2025 })).toBe(50_000);
    }
  });
});
