import { z } from 'zod';
import { type Evaluator, type Message, NEEDS_REVIEW, type NeedsReview, defineDetermination, msg } from '../core/index.js';
import { capitalTest } from './art-002.js';
import { employeeTest, jaimUsesManufacturingCriterion } from './q2-4.js';

export type SmeOutcome = 'sme' | 'not-sme';

export type SmeFacts = {
  /** 'jaim' (default): the JAIM discount test, which applies the manufacturing thresholds to every applicant (Q2-4-5). 'manufacturing': a manufacturer judged directly under the Act. */
  readonly context: 'jaim' | 'manufacturing';
  readonly declaredSector?: string | undefined;
  /** Capital or total contributions in yen; null for an individual. */
  readonly capitalYen: number | null;
  readonly regularEmployees: number;
  readonly uncertainStaff: number;
};

const yen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const smeFactsSchema = z.object({
  context: z.enum(['jaim', 'manufacturing']).default('jaim'),
  declaredSector: z.string().min(1).max(100).optional(),
  capitalYen: yen.nullable(),
  regularEmployees: z.number().int().min(0).max(10_000_000),
  uncertainStaff: z.number().int().min(0).max(10_000_000).default(0),
}) satisfies z.ZodType<SmeFacts, unknown>;

/**
 * Either criterion suffices: capital within the limit makes an SME whatever the headcount (so unsettled staff do
 * not matter); otherwise the employee count decides, and unsettled staff that could tip it need review.
 */
export const decideSme = (facts: SmeFacts, e: Evaluator): { outcome: SmeOutcome | NeedsReview; reasons: Message[] } => {
  if (facts.context === 'jaim') e.apply(jaimUsesManufacturingCriterion, { declaredSector: facts.declaredSector });
  const capital = e.applyFull(capitalTest, { capitalYen: facts.capitalYen });
  const employees = e.applyFull(employeeTest, { regularEmployees: facts.regularEmployees, uncertainStaff: facts.uncertainStaff });
  if (capital.outcome === 'met') {
    return { outcome: 'sme', reasons: [capital.message, msg('資本金の基準を満たすため、中小企業者に当たります。', 'The capital criterion is met, so the applicant is an SME.')] };
  }
  if (employees.outcome === 'met') {
    return { outcome: 'sme', reasons: [employees.message, msg('従業員数の基準を満たすため、中小企業者に当たります。', 'The employee criterion is met, so the applicant is an SME.')] };
  }
  if (employees.outcome === NEEDS_REVIEW) return { outcome: NEEDS_REVIEW, reasons: [capital.message, employees.message] };
  return {
    outcome: 'not-sme',
    reasons: [capital.message, employees.message, msg('資本金・従業員数のいずれの基準も満たさないため、中小企業者に当たりません。', 'Neither the capital nor the employee criterion is met, so the applicant is not an SME.')],
  };
};

export const smeDetermination = defineDetermination<SmeFacts, SmeOutcome>({
  id: 'sme',
  title: msg('中小企業者の判定（JAIM中小企業割引）', 'SME determination (JAIM SME discount)'),
  description: msg(
    '中小企業基本法第2条第1項第1号の製造業の基準（資本金3億円以下又は常時使用する従業員300人以下）で中小企業者に当たるかを判定する。JAIMはすべての申込者にこの基準を用いる。',
    'Decides SME status under the manufacturing thresholds of the SME Basic Act art.2(1)(i) (capital ≤ ¥300M or ≤ 300 regular employees), which JAIM applies to every applicant.',
  ),
  facts: smeFactsSchema,
  outcomes: ['sme', 'not-sme', NEEDS_REVIEW],
  rules: [jaimUsesManufacturingCriterion, capitalTest, employeeTest],
  example: {
    asOf: '2025-09-01',
    facts: { declaredSector: 'services', capitalYen: 500_000_000, regularEmployees: 250, uncertainStaff: 20 },
  },
  decide: decideSme,
});
