import { defineRule, msg } from '../core/index.js';
import type { CompanyCase, ProjectCase } from './facts.js';
import { PLAN_PERIOD, req } from './instrument.js';
import { type ReqOutcome, fromReview, met, missing, notMet, review } from './outcome.js';

// Requirements 13–15: instructors, financial base, return costs.

export const req13Instructors = defineRule<ProjectCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-13/instructors',
  title: msg('指導員の任命', 'Appointment of instructors'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(13),
      summary: msg(
        '受け入れる従業員の数に見合う指導員として、計画全体を管理する統括責任者、進捗を管理する技術指導責任者、生活面を指導し相談に応じる生活指導員を任命する。複数任命や兼任もできるが、適切な監理ができる体制であることを要し、その適否は審査での判断による。',
        'The company appoints, in proportion to the employees, an overall manager for the plan, technical lead(s) who oversee progress, and life advisor(s) who guide daily life and hear concerns; several appointees or one person in several roles are allowed if supervision stays adequate, which is a reviewer\'s judgement.',
      ),
      evaluate: ({ project, employeeCount }) => {
        const i = project.instructors;
        const used = { instructors: i, employeeCount, instructorReview: project.instructorReview };
        if (i === undefined) return missing('project.instructors', used);
        const lacking = [
          i.generalManagers < 1 ? msg('統括責任者', 'overall manager') : undefined,
          i.technicalLeads < 1 ? msg('技術指導責任者', 'technical lead') : undefined,
          i.lifeAdvisors < 1 ? msg('生活指導員', 'life advisor') : undefined,
        ].filter((m) => m !== undefined);
        if (lacking.length > 0) {
          return notMet(
            `次の指導員が任命されていません：${lacking.map((m) => m.ja).join('、')}。`,
            `Not appointed: ${lacking.map((m) => m.en).join(', ')}.`,
            used,
          );
        }
        if (project.instructorReview !== undefined) return fromReview(project.instructorReview, msg('従業員数に対する指導員数の適切さ', 'an adequate number of instructors'), used);
        return review(
          `3種類の指導員は任命されていますが、従業員${employeeCount}名に対して人数と体制が適切かは審査担当者の判断を要します（手引きに数値基準はありません）。`,
          `All three instructor roles are filled; whether their number and arrangement suit ${employeeCount} employee(s) is a reviewer's judgement (the guide gives no ratio).`,
          used,
        );
      },
    },
  ],
});

export const req14FinancialBase = defineRule<CompanyCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-14/financial-base',
  title: msg('報酬を担保する財産的基盤', 'Financial base securing pay'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(14),
      summary: msg('従業員に支払う報酬を確実に支払えるだけの財産的基盤を持っていること。', 'The company must have the financial base to be sure of paying the employees.'),
      evaluate: ({ company }) => {
        const v = company.financialBaseForPay;
        if (v === undefined) return missing('company.financialBaseForPay');
        return v
          ? met('報酬を担保する財産的基盤があります。', 'The company has a financial base securing the pay.', { financialBaseForPay: v })
          : notMet('報酬を担保する財産的基盤がありません。', 'The company lacks a financial base securing the pay.', { financialBaseForPay: v });
      },
    },
  ],
});

export const req15ReturnCosts = defineRule<CompanyCase, ReqOutcome>({
  id: 'manufacturing-activity-plan/req-15/return-costs',
  title: msg('帰国費用の負担', 'Return travel paid by the company'),
  versions: [
    {
      period: PLAN_PERIOD,
      citation: req(15),
      summary: msg('従業員の帰国に要する費用は受入企業が負担すること。', 'The accepting company pays for the employees\' return home.'),
      evaluate: ({ company }) => {
        const v = company.bearsReturnCosts;
        if (v === undefined) return missing('company.bearsReturnCosts');
        return v
          ? met('受入企業が帰国費用を負担します。', 'The company pays the return costs.', { bearsReturnCosts: v })
          : notMet('受入企業が帰国費用を負担しないため、要件を満たしません。', 'The company does not pay the return costs, so the requirement is not met.', { bearsReturnCosts: v });
      },
    },
  ],
});
