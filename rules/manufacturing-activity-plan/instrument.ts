import { type Citation, cite, period } from '../core/index.js';

// 製造特定活動計画 (製造業外国従業員受入事業, METI notice No.41 of 2016; status of residence 特定活動 notice item 42).
// The text we hold is a secondary guide to the notice (seed 001), so every citation is marked 'secondary'.
// The date the notice took effect is not in the guide: we use 2016-04-01 (the start of the fiscal year of the
// notice), which is an inference to be confirmed against the notice itself. The guide describes the notice
// together with the immigration internal standards of 2017; no amendment we could date is modelled.
export const PLAN_GUIDE = {
  document: 'manufacturing-activity-plan-guide',
  notice: '平成28年経済産業省告示第41号',
  /** Inferred: see above. */
  inForceFrom: '2016-04-01',
} as const;

export const PLAN_PERIOD = period(PLAN_GUIDE.inForceFrom);

/** `manufacturing-activity-plan-guide req.19`, marked secondary. */
export const req = (n: number, item?: string): Citation =>
  cite('manufacturing-activity-plan-guide', `req.${n}`, undefined, item, 'secondary');

/** The guide's unnumbered list of procedure steps (手続きの流れ), counted from 1. */
export const step = (n: number): Citation => cite('manufacturing-activity-plan-guide', 'procedure', undefined, `step ${n}`, 'secondary');
