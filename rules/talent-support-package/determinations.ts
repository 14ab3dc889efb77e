import { z } from 'zod';
import { type Message, NEEDS_REVIEW, NotInForce, type RuleOutcome, defineDetermination, msg, periodContains } from '../core/index.js';
import { type EligibilityFacts, dateFact, eligibilityFactsSchema, supportPeriodSchema } from './facts.js';
import { highlySkilledTalent } from './ii-2.js';
import {
  type Exclusion,
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
import { intakeOpen } from './iii-3.js';
import { PACKAGE_PERIOD } from './instrument.js';
import type { LegalDate } from '../core/index.js';

export type EligibilityOutcome = 'eligible' | 'ineligible';

/** The application date must fall in the FY2024 programme too: another year's guide would be a new version. */
const requireProgrammeYear = (id: string, date: LegalDate): void => {
  if (!periodContains(PACKAGE_PERIOD, date)) throw new NotInForce(id, date);
};

const COMPANY_EXCLUSIONS = [excl1PaidPlacement, excl2LegalForm, excl3Website, excl4ThreeFiscalYears, excl5FinancialBase, excl6OverseasOnly, excl8Consensus, compliance, staffingAgency] as const;

export const talentPackageEligibilityDetermination = defineDetermination<EligibilityFacts, EligibilityOutcome>({
  id: 'talent-package-eligibility',
  title: msg('外国人材活躍支援パッケージの申込要件', 'Talent support package: application requirements'),
  description: msg(
    '高度外国人材の定義（II.2(1)）、対象外となる企業・事例（III.1(1)①〜⑧）、法令遵守（III.1(3)）、有料職業紹介事業者の除外（III.2）を確認する。②③⑤に当たる場合や判断を要する場合は要確認とする。審査（V.1）は別途ジェトロが行う。',
    'Checks the talent definition (II.2(1)), the exclusions (III.1(1) 1–8), compliance (III.1(3)) and the placement-business exclusion (III.2). Items 2, 3 and 5 allow exceptions and some items are judgements: those give needs_review. JETRO\'s own review (V.1) is separate.',
  ),
  facts: eligibilityFactsSchema,
  outcomes: ['eligible', 'ineligible', NEEDS_REVIEW],
  rules: [highlySkilledTalent, ...COMPANY_EXCLUSIONS, excl7TalentAndEmployment],
  example: {
    asOf: '2024-06-03',
    facts: {
      applicationDate: '2024-06-03',
      talent: { statusCategory: 'engineer-humanities-international', jobKind: 'researcher-engineer', education: 'university-or-higher' },
      company: {
        paidPlacementLicence: false,
        lastPaidPlacementDate: null,
        operatesPaidPlacementBusiness: false,
        legalForm: 'kabushiki',
        hasWebsite: true,
        pastSupportPeriods: [{ from: '2022-07-01', to: '2023-03-31' }],
        financialBase: 'has',
        hiringOnlyForOverseasSubsidiary: false,
        regularEmployment: true,
        organisationalConsensus: 'yes',
        intendsToAdvance: true,
        compliance: { lawViolation: 'none', subsidyActAndOrdersCompliant: true, antisocialForces: false },
      },
    },
  },
  decide: (facts, e) => {
    requireProgrammeYear('talent-package-eligibility', facts.applicationDate);
    const c = { applicationDate: facts.applicationDate, company: facts.company };
    const results: RuleOutcome<Exclusion>[] = COMPANY_EXCLUSIONS.map((r) => e.applyFull(r, c));
    const talent = e.applyFull(highlySkilledTalent, facts.talent);
    results.push(e.applyFull(excl7TalentAndEmployment, { highlySkilled: talent.outcome, regularEmployment: facts.company.regularEmployment }));
    const of = (o: Exclusion | typeof NEEDS_REVIEW): Message[] => results.filter((r) => r.outcome === o).map((r) => r.message);
    const out = of('excluded');
    if (out.length > 0) return { outcome: 'ineligible', reasons: out };
    const judged = of(NEEDS_REVIEW);
    if (talent.outcome === NEEDS_REVIEW) judged.unshift(talent.message);
    if (judged.length > 0) return { outcome: NEEDS_REVIEW, reasons: judged };
    return { outcome: 'eligible', reasons: [msg('申込要件を満たしています（採否はジェトロの審査による）。', 'The application requirements are met (adoption depends on JETRO\'s review).')] };
  },
});

export type CapFacts = { readonly applicationDate: LegalDate; readonly adoptedCompanies: number; readonly pastSupportPeriods: { from: LegalDate; to: LegalDate }[] };
export type CapOutcome = 'may-accept' | 'intake-closed' | 'company-limit-reached';

export const capFactsSchema = z.object({
  applicationDate: dateFact,
  adoptedCompanies: z.number().int().min(0),
  pastSupportPeriods: z.array(supportPeriodSchema).default([]),
});

export const talentPackageCapDetermination = defineDetermination<CapFacts, CapOutcome>({
  id: 'talent-package-cap',
  title: msg('受付件数と年度数の上限', 'Intake and fiscal-year caps'),
  description: msg(
    '採択が予定件数（300社）に達していないか（III.3）、申込企業が通算3年度の支援を終えていないか（III.1(1)④）から、新たな申込を受け付けられるかを示す。',
    'Says whether a new application can be accepted: the planned 300 companies not yet adopted (III.3) and the company not past three fiscal years of support (III.1(1) 4).',
  ),
  facts: capFactsSchema,
  outcomes: ['may-accept', 'intake-closed', 'company-limit-reached', NEEDS_REVIEW],
  rules: [intakeOpen, excl4ThreeFiscalYears],
  example: { asOf: '2024-09-02', facts: { applicationDate: '2024-09-02', adoptedCompanies: 212, pastSupportPeriods: [] } },
  decide: (facts, e) => {
    requireProgrammeYear('talent-package-cap', facts.applicationDate);
    const intake = e.applyFull(intakeOpen, { adoptedCompanies: facts.adoptedCompanies });
    if (intake.outcome === 'closed') return { outcome: 'intake-closed', reasons: [intake.message] };
    // Only the support history matters to ④: the other company facts are not read.
    const years = e.applyFull(excl4ThreeFiscalYears, {
      applicationDate: facts.applicationDate,
      company: { pastSupportPeriods: facts.pastSupportPeriods } as EligibilityFacts['company'],
    });
    if (years.outcome === 'excluded') return { outcome: 'company-limit-reached', reasons: [years.message] };
    return { outcome: 'may-accept', reasons: [intake.message, years.message] };
  },
});
