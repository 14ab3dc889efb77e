import { defineInstrument, msg } from '../core/index.js';
import { COMPANY_RULES, EMPLOYEE_RULES, PROJECT_RULES, activityPlanDetermination } from './determination-plan.js';
import { stayDetermination } from './determination-stay.js';
import { PLAN_PARAMETERS } from './parameters.js';
import { req02Relationship } from './req-01-05.js';
import { VISA_RULES } from './req-24-29.js';
import { renewal, stayLimit } from './stay.js';

export * from '../core/index.js';
export * from './determination-plan.js';
export * from './determination-stay.js';
export * from './facts.js';
export * from './instrument.js';
export * from './outcome.js';
export * from './parameters.js';
export * from './report-calendar.js';
export * from './req-01-05.js';
export * from './req-06-12.js';
export * from './req-13-15.js';
export * from './req-16-23.js';
export * from './req-24-29.js';
export * from './stay.js';

export const instrument = defineInstrument({
  id: 'manufacturing-activity-plan',
  documents: ['manufacturing-activity-plan-guide'],
  title: msg('製造特定活動計画（製造業外国従業員受入事業）', 'Manufacturing activity plan (foreign employee transfer programme)'),
  notFormalised: [
    msg(
      '保有するのは告示（平成28年経済産業省告示第41号）の解説記事であり、告示本文ではない。引用はすべて secondary。告示の施行日は不明のため2016-04-01からとしている（推定）。',
      'We hold a secondary guide to METI notice No.41 of 2016, not the notice: every citation is secondary. The notice\'s start date is unknown; rules apply from 2016-04-01 (inferred).',
    ),
    msg(
      '要件3・4（趣旨への適合）、13（指導員数の適切さ）、18（短期間）、20（明らかに低い報酬）、23（特段の事情）は判断を要し、審査担当者の判断が記録されるまで要確認とする。',
      'Requirements 3 and 4 (fit with the purpose), 13 (adequate instructors), 18 (too soon after a stay), 20 (clearly lower pay) and 23 (special circumstances) are judgements: needs_review until a reviewer records one.',
    ),
    msg(
      '要件10・29の不正行為、要件11の取消事由の内容（告示別表）は保有しておらず、日付の入力で判定する。報告・届出の日数は手引きに記載がなく、運用者が目標日数を設定する。',
      'The lists of misconduct (req.10, 29) and revocation grounds (req.11) in the notice are not held: they are entered as dates. The guide gives no day counts for reports; the operator sets target days.',
    ),
  ],
  rules: [req02Relationship, ...COMPANY_RULES, ...PROJECT_RULES, ...EMPLOYEE_RULES, ...VISA_RULES, stayLimit, renewal],
  parameters: PLAN_PARAMETERS,
  determinations: [activityPlanDetermination, stayDetermination],
});
