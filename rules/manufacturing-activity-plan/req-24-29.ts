import { defineRule, msg } from '../core/index.js';
import type { CompanyFacts, EmployeeFacts, VisaFacts } from './facts.js';
import { PLAN_PERIOD, req } from './instrument.js';
import { type ReqOutcome, met, missing, notMet, review } from './outcome.js';
import { checkMisconduct } from './req-06-12.js';
import { checkPay, checkPlannedStay, checkPriorEmployment } from './req-16-23.js';
import type { LegalDate } from '../core/index.js';

// Requirements 24–29: the visa (status of residence) stage. Most repeat the plan requirements, which the
// immigration examination looks at again on fresh evidence: the same checks are applied here.

export type VisaCase = {
  /** The look-back for req.29 runs from the visa application date. */
  readonly applicationDate: LegalDate;
  readonly visa: VisaFacts;
  readonly company: CompanyFacts;
  readonly employee: EmployeeFacts;
};

export const req24PlanCertified = defineRule<VisaCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-24/plan-certified',
  title: msg('製造特定活動計画の認定', 'Certified plan'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(24),
      summary: msg('在留資格の申請には、経済産業大臣による計画の認定を受けていることが必要である。', 'The residence application needs a plan certified by the Minister of Economy, Trade and Industry.'),
      evaluate: ({ visa }) => {
        const v = visa.planCertified;
        if (v === undefined) return missing('visa.planCertified');
        return v
          ? met('計画は経済産業大臣の認定を受けています。', 'The plan is certified by the Minister.', { planCertified: v })
          : notMet('計画が認定されていないため、在留資格の要件を満たしません。', 'The plan is not certified, so the residence requirement is not met.', { planCertified: v });
      },
    },
  ],
});

export const req25PlanRequirementsMet = defineRule<VisaCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-25/plan-requirements-met',
  title: msg('計画の認定要件を満たしていること', 'The plan still meets its requirements'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(25),
      summary: msg(
        '計画が認定を受けていれば、通報や監査で要件を欠くことが分かったなどの特段の事情がない限り、認定の要件を満たすものと扱われる。',
        'A certified plan is taken to meet its requirements unless, for example, a report or audit has shown that a requirement is no longer met.',
      ),
      evaluate: ({ visa }) => {
        const used = { planCertified: visa.planCertified, breachFoundByReportOrAudit: visa.breachFoundByReportOrAudit };
        if (visa.planCertified === undefined) return missing('visa.planCertified', used);
        if (!visa.planCertified) return notMet('計画の認定がないため、要件の充足は推定されません。', 'Without certification the requirements are not presumed met.', used);
        if (visa.breachFoundByReportOrAudit === undefined) return missing('visa.breachFoundByReportOrAudit', used);
        return visa.breachFoundByReportOrAudit
          ? review(
              '通報や監査により要件を欠く事実が把握されています。認定があっても要件を満たすかを改めて判断する必要があります。',
              'A report or audit shows a requirement may no longer be met: despite the certification, the requirements must be judged again.',
              used,
            )
          : met('計画の認定があり、要件を欠く事情は把握されていないため、要件を満たすものと扱われます。', 'The plan is certified and nothing shows a requirement has lapsed, so the requirements are taken as met.', used);
      },
    },
  ],
});

export const req26PlannedStay = defineRule<VisaCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-26/planned-stay',
  title: msg('就労予定期間が1年以内（在留資格）', 'Planned stay of one year at most (residence stage)'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(26),
      also: [req(16)],
      summary: msg('在留資格の審査でも、就労予定期間が1年を超えないことを改めて確認する。', 'The residence examination checks again that the planned stay does not exceed one year.'),
      evaluate: (c, ctx) => checkPlannedStay(c, ctx),
    },
  ],
});

export const req27PayParity = defineRule<VisaCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-27/pay-parity',
  title: msg('同等の日本人と同等以上の報酬（在留資格）', 'Pay parity (residence stage)'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(27),
      also: [req(20)],
      summary: msg('在留資格の審査でも、報酬が同等の日本人と同等以上であることを改めて確認する（明らかに低いかは判断による）。', 'The residence examination checks pay parity again; whether pay is clearly lower is a judgement.'),
      evaluate: (c) => checkPay(c),
    },
  ],
});

export const req28PriorEmployment = defineRule<VisaCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-28/prior-employment',
  title: msg('外国事業所での1年以上の雇用（在留資格）', 'A year at the foreign office (residence stage)'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(28),
      also: [req(19)],
      summary: msg('在留資格の審査でも、異動前に外国事業所で1年以上雇用されていることを改めて確認する。', 'The residence examination checks again the year of employment at the foreign office.'),
      evaluate: (c, ctx) => checkPriorEmployment(c, ctx),
    },
  ],
});

export const req29NoMisconduct = defineRule<VisaCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-29/no-misconduct',
  title: msg('過去5年間の不正行為（在留資格）', 'No misconduct in the past 5 years (residence stage)'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(29),
      also: [req(10)],
      summary: msg('在留資格の審査でも、申請前5年以内に告示別表の不正行為がないことを改めて確認する。', 'The residence examination checks again for listed misconduct within the past 5 years.'),
      evaluate: (c, ctx) => checkMisconduct(c, ctx),
    },
  ],
});

export const VISA_RULES = [req24PlanCertified, req25PlanRequirementsMet, req26PlannedStay, req27PayParity, req28PriorEmployment, req29NoMisconduct] as const;
