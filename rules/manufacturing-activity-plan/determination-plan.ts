import { type Evaluator, type Message, NEEDS_REVIEW, defineDetermination, msg } from '../core/index.js';
import { decideCorporateRelation } from '../corporate-relations/index.js';
import { type PlanFacts, type Relation, planFactsSchema } from './facts.js';
import type { ReqOutcome, ReqResult } from './outcome.js';
import { req01MetiManufacturer, req02Relationship, req03PlanFitsPurpose, req04TransferNeed, req05SameProject } from './req-01-05.js';
import {
  req06SafetyMeasures,
  req07LabourAndInsuranceLaw,
  req08LabourPenalty,
  req09NoMassSeparations,
  req10NoMisconduct,
  req11RevocationWait,
  req12NoSeriousBreach,
} from './req-06-12.js';
import { req13Instructors, req14FinancialBase, req15ReturnCosts } from './req-13-15.js';
import {
  req16PlannedStay,
  req17SkillsNotHeld,
  req18PreviousStay,
  req19PriorEmployment,
  req20PayParity,
  req21NoFamily,
  req22PostReturnRole,
  req23NoDismissalAfterReturn,
} from './req-16-23.js';
import { affiliateTest, subsidiaryTest } from '../corporate-relations/index.js';

export type PlanOutcome = 'certifiable' | 'not-certifiable' | 'incomplete';

export const COMPANY_RULES = [
  req01MetiManufacturer,
  req06SafetyMeasures,
  req07LabourAndInsuranceLaw,
  req08LabourPenalty,
  req09NoMassSeparations,
  req10NoMisconduct,
  req11RevocationWait,
  req12NoSeriousBreach,
  req14FinancialBase,
  req15ReturnCosts,
] as const;
export const PROJECT_RULES = [req03PlanFitsPurpose, req04TransferNeed, req05SameProject, req13Instructors] as const;
export const EMPLOYEE_RULES = [
  req16PlannedStay,
  req17SkillsNotHeld,
  req18PreviousStay,
  req19PriorEmployment,
  req20PayParity,
  req21NoFamily,
  req22PostReturnRole,
  req23NoDismissalAfterReturn,
] as const;

/** The relation of the foreign office: as given, or tested from voting and control facts (corporate-relations). */
const relationOf = (facts: PlanFacts, e: Evaluator): Relation | undefined => {
  const office = facts.project.foreignOffice;
  if (office === undefined) return facts.project.relation;
  const decided = decideCorporateRelation(office, e).outcome;
  return decided === NEEDS_REVIEW ? 'unknown' : decided;
};

/**
 * Order of precedence: any requirement not met makes the plan not certifiable; otherwise a missing fact makes it
 * incomplete; otherwise any judgement left to a person makes it needs_review; otherwise it is certifiable.
 */
export const aggregate = (results: readonly ReqResult[]): { outcome: PlanOutcome | typeof NEEDS_REVIEW; reasons: Message[] } => {
  const of = (o: ReqOutcome | typeof NEEDS_REVIEW) => results.filter((r) => r.outcome === o).map((r) => r.message);
  const failed = of('not-met');
  if (failed.length > 0) return { outcome: 'not-certifiable', reasons: failed };
  const absent = of('missing');
  if (absent.length > 0) return { outcome: 'incomplete', reasons: absent };
  const judged = of(NEEDS_REVIEW);
  if (judged.length > 0) return { outcome: NEEDS_REVIEW, reasons: judged };
  return { outcome: 'certifiable', reasons: [msg('29要件のうち計画段階の要件（1〜23）をすべて満たしています。', 'Every plan-stage requirement (1–23) is met.')] };
};

export const decidePlan = (facts: PlanFacts, e: Evaluator) => {
  const results: ReqResult[] = [];
  const companyCase = { applicationDate: facts.applicationDate, company: facts.company };
  const projectCase = { project: facts.project, employeeCount: facts.employees.length };
  results.push(e.applyFull(req01MetiManufacturer, companyCase));
  results.push(e.applyFull(req02Relationship, { relation: relationOf(facts, e), destination: facts.project.destination }));
  for (const r of PROJECT_RULES) results.push(e.applyFull(r, projectCase));
  for (const r of COMPANY_RULES) if (r !== req01MetiManufacturer) results.push(e.applyFull(r, companyCase));
  for (const employee of facts.employees) {
    const c = { applicationDate: facts.applicationDate, employee };
    for (const r of EMPLOYEE_RULES) results.push(e.applyFull(r, c));
  }
  return aggregate(results);
};

export const activityPlanDetermination = defineDetermination<PlanFacts, PlanOutcome>({
  id: 'activity-plan',
  title: msg('製造特定活動計画の認定要件', 'Manufacturing activity plan: certification requirements'),
  description: msg(
    '受入企業・プロジェクト・各従業員について、製造特定活動計画の認定要件（要件1〜23）を確認する。要件を欠けば認定不可、事実が足りなければ未完了、判断を要する要件が残れば要確認とする。',
    'Checks the plan requirements (1–23) for the company, the project and each employee: not certifiable if one fails, incomplete if facts are missing, needs_review while a judgement remains.',
  ),
  facts: planFactsSchema,
  outcomes: ['certifiable', 'not-certifiable', 'incomplete', NEEDS_REVIEW],
  rules: [req01MetiManufacturer, req02Relationship, subsidiaryTest, affiliateTest, ...PROJECT_RULES, ...COMPANY_RULES.slice(1), ...EMPLOYEE_RULES],
  example: {
    asOf: '2025-10-01',
    facts: {
      applicationDate: '2025-10-01',
      company: {
        metiManufacturer: true,
        safety: { thirdPartyCertification: true },
        labourLawCompliant: true,
        socialInsuranceEnrolled: true,
        contractInWorkerLanguage: true,
        labourPenaltyDates: [],
        separations: [],
        misconductDates: [],
        revocationDates: [],
        seriousBreachDates: [],
        financialBaseForPay: true,
        bearsReturnCosts: true,
      },
      project: {
        relation: 'subsidiary',
        destination: 'company',
        purpose: 'new-site-parts-export',
        reducesDomesticProduction: false,
        purposeReview: 'satisfied',
        transfer: { skillsNotYetHeld: true, neededForLeadRole: true, candidatesWereSupervisors: true, ojtEffective: true },
        transferReview: 'satisfied',
        sameProject: true,
        instructors: { generalManagers: 1, technicalLeads: 2, lifeAdvisors: 1 },
        instructorReview: 'satisfied',
      },
      employees: [
        {
          name: 'Nguyen Van A',
          plannedStart: '2026-01-15',
          plannedEnd: '2026-12-31',
          alreadyHasSkills: false,
          previousStay: null,
          foreignEmploymentStart: '2022-04-01',
          pay: { baseYen: 260_000, foreignerAllowancesYen: 10_000, freeHousingRentValueYen: 40_000 },
          japaneseComparatorPayYen: 300_000,
          familyAccompanying: false,
          postReturnRoleUsesSkills: true,
          commitsNoDismissalWithinYear: true,
        },
      ],
    },
  },
  decide: decidePlan,
});
