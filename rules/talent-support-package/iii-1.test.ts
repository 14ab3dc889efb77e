import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, addDays, legalDate } from '../core/index.js';
import type { CompanyFacts } from './facts.js';
import {
  completedSupportFiscalYears,
  compliance,
  excl1PaidPlacement,
  excl2LegalForm,
  excl3Website,
  excl4ThreeFiscalYears,
  excl5FinancialBase,
  excl6OverseasOnly,
  excl7TalentAndEmployment,
  excl8Consensus,
  staffingAgency,
} from './iii-1.js';

const d = legalDate;
const on = () => new Evaluator(d('2024-06-03'));
const base: CompanyFacts = {
  paidPlacementLicence: false,
  lastPaidPlacementDate: null,
  operatesPaidPlacementBusiness: false,
  legalForm: 'kabushiki',
  hasWebsite: true,
  pastSupportPeriods: [],
  financialBase: 'has',
  hiringOnlyForOverseasSubsidiary: false,
  regularEmployment: true,
  organisationalConsensus: 'yes',
  intendsToAdvance: true,
  compliance: { lawViolation: 'none', subsidyActAndOrdersCompliant: true, antisocialForces: false },
};
const c = (x: Partial<CompanyFacts>, applicationDate = '2024-06-03') => ({ applicationDate: d(applicationDate), company: { ...base, ...x } });
const fy = (y: number) => ({ from: d(`${y}-07-01`), to: d(`${y + 1}-03-31`) });

describe('jetro-talent-package-guide III.1(1) exclusions', () => {
  it('III.1(1)① on 2024-06-03: a licensed placer with a placement on 2021-06-03 is excluded; 2021-06-02 is outside the 3 years', () => {
    expect(on().apply(excl1PaidPlacement, c({ paidPlacementLicence: true, lastPaidPlacementDate: d('2021-06-03') }))).toBe('excluded');
    expect(on().apply(excl1PaidPlacement, c({ paidPlacementLicence: true, lastPaidPlacementDate: d('2021-06-02') }))).toBe('not-excluded');
    expect(on().apply(excl1PaidPlacement, c({ paidPlacementLicence: true, lastPaidPlacementDate: null }))).toBe('not-excluded');
  });
  it('III.1(1)②③⑤ on 2024-06-03: "may be exceptions" — other legal forms, no website, lacking finances need review, never refusal', () => {
    expect(on().apply(excl2LegalForm, c({ legalForm: 'other' }))).toBe(NEEDS_REVIEW);
    expect(on().apply(excl2LegalForm, c({ legalForm: 'godo' }))).toBe('not-excluded');
    expect(on().apply(excl3Website, c({ hasWebsite: false }))).toBe(NEEDS_REVIEW);
    expect(on().apply(excl5FinancialBase, c({ financialBase: 'lacks' }))).toBe(NEEDS_REVIEW);
    expect(on().apply(excl5FinancialBase, c({ financialBase: 'unclear' }))).toBe(NEEDS_REVIEW);
  });
  it('III.1(1)④ on 2024-06-03: three completed fiscal years exclude; two periods in one year count once', () => {
    expect(on().apply(excl4ThreeFiscalYears, c({ pastSupportPeriods: [fy(2020), fy(2021), fy(2022)] }))).toBe('excluded');
    const twoInOne = [fy(2021), { from: d('2022-04-01'), to: d('2022-06-30') }, { from: d('2022-09-01'), to: d('2023-03-31') }];
    expect(on().apply(excl4ThreeFiscalYears, c({ pastSupportPeriods: twoInOne }))).toBe('not-excluded');
  });
  it('III.1(1)④: a period still running on the application day is not yet completed', () => {
    const running = [fy(2021), fy(2022), { from: d('2023-07-01'), to: d('2024-03-31') }];
    expect(on().apply(excl4ThreeFiscalYears, c({ pastSupportPeriods: running }, '2024-04-01'))).toBe('excluded');
    expect(completedSupportFiscalYears(running, d('2024-03-31'))).toEqual([2021, 2022]);
  });
  it('III.1(1)④ property: repeating periods never changes the count of fiscal years', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 12 }), (starts) => {
        const periods = starts.map((n) => ({ from: addDays(d('2015-04-01'), n), to: addDays(d('2015-04-01'), n + 30) }));
        const once = completedSupportFiscalYears(periods, d('2024-06-03'));
        expect(completedSupportFiscalYears([...periods, ...periods], d('2024-06-03'))).toEqual(once);
        expect(new Set(once).size).toBe(once.length);
      }),
    );
  });
  it('III.1(1)⑥⑦ on 2024-06-03: overseas-only hiring, non-regular jobs and non-highly-skilled talent are excluded', () => {
    expect(on().apply(excl6OverseasOnly, c({ hiringOnlyForOverseasSubsidiary: true }))).toBe('excluded');
    expect(on().apply(excl7TalentAndEmployment, { highlySkilled: 'highly-skilled', regularEmployment: false })).toBe('excluded');
    expect(on().apply(excl7TalentAndEmployment, { highlySkilled: 'not-highly-skilled', regularEmployment: true })).toBe('excluded');
    expect(on().apply(excl7TalentAndEmployment, { highlySkilled: NEEDS_REVIEW, regularEmployment: true })).toBe(NEEDS_REVIEW);
  });
  it('III.1(1)⑧ on 2024-06-03: no intent excludes; an unclear consensus is JETRO\'s judgement', () => {
    expect(on().apply(excl8Consensus, c({ intendsToAdvance: false }))).toBe('excluded');
    expect(on().apply(excl8Consensus, c({ organisationalConsensus: 'unclear' }))).toBe(NEEDS_REVIEW);
    expect(on().apply(excl8Consensus, c({}))).toBe('not-excluded');
  });
  it('III.1(3) on 2024-06-03: a violation or antisocial forces exclude; a suspicion needs review', () => {
    expect(on().apply(compliance, c({ compliance: { ...base.compliance, lawViolation: 'violation' } }))).toBe('excluded');
    expect(on().apply(compliance, c({ compliance: { ...base.compliance, antisocialForces: true } }))).toBe('excluded');
    expect(on().apply(compliance, c({ compliance: { ...base.compliance, subsidyActAndOrdersCompliant: false } }))).toBe('excluded');
    expect(on().apply(compliance, c({ compliance: { ...base.compliance, lawViolation: 'suspicion' } }))).toBe(NEEDS_REVIEW);
  });
  it('III.2 on 2024-06-03: a paid job-placement business is excluded', () => {
    const e = on();
    expect(e.apply(staffingAgency, c({ operatesPaidPlacementBusiness: true }))).toBe('excluded');
    expect(e.steps[0]?.citations.map((x) => x.article)).toEqual(['III.2', 'III.1(1)']);
  });
});
