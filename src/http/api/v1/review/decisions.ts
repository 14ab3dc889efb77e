import { z } from 'zod';
import { REFUSAL_GROUNDS } from '../../../../domain/membership/refusal-grounds.js';
import { decisionRoute } from './decision-route.js';
import { LockVersion } from './review-schemas.js';

// The four reviewer decisions on a join request (M3/M4), in the order they usually come.

/** 到達 → 審査中. */
export const startReviewRoute = decisionRoute({
  action: 'start-review',
  summary: 'Start reviewing a received join request (到達 → 審査中)',
  body: z.object({ lockVersion: LockVersion }).meta({ example: { lockVersion: 0 } }),
  decision: () => ({ kind: 'start_review' }),
});

/** 審査中 → 補正, with the notice sent to the applicant. */
export const correctionRequestRoute = decisionRoute({
  action: 'correction-requests',
  summary: 'Request a correction (補正): the applicant is notified with the message, corrects and resubmits',
  body: z
    .object({
      lockVersion: LockVersion,
      message: z.string().trim().min(1).max(2000).meta({ description: 'What to correct; sent to the applicant by mail and in their inbox' }),
    })
    .meta({ example: { lockVersion: 1, message: '直近1年以内の出荷実績を示す書類を添付してください。' } }),
  decision: (body) => ({ kind: 'request_correction', message: body.message }),
});

const GROUND_IDS = REFUSAL_GROUNDS.map((g) => g.id) as [string, ...string[]];
const GROUNDS_DESCRIPTION = `The refusal rules applied, at least one: ${REFUSAL_GROUNDS.map((g) => `${g.id} (${g.citation})`).join('; ')}`;

/** 審査中 → 手続終了（不承認）, with cited grounds. */
export const refusalRoute = decisionRoute({
  action: 'refusal',
  summary: 'Refuse a join request under review (手続終了・不承認), citing at least one refusal ground; the applicant is notified',
  body: z
    .object({
      lockVersion: LockVersion,
      grounds: z.array(z.enum(GROUND_IDS)).min(1).max(GROUND_IDS.length).meta({ description: GROUNDS_DESCRIPTION }),
      message: z.string().trim().min(1).max(2000).meta({ description: 'The note to the applicant, sent with the grounds and their provisions' }),
    })
    .meta({ example: { lockVersion: 1, grounds: ['not_operating'], message: '工場の操業開始後に、改めて申請してください。' } }),
  decision: (body) => ({ kind: 'refuse', grounds: [...new Set(body.grounds)], message: body.message }),
});

/** 審査中 → 手続終了（承認）; the establishment is listed on the roster from today. */
export const approvalRoute = decisionRoute({
  action: 'approval',
  summary: 'Approve a join request under review (手続終了・承認): the establishment is listed on the roster valid today (council until 2025-12-25, JAIM from 2025-12-26)',
  more: 'A JAIM listing also issues the first-year invoice (jaim-membership-faq Q2-5-1).',
  body: z.object({ lockVersion: LockVersion }).meta({ example: { lockVersion: 1 } }),
  decision: () => ({ kind: 'approve' }),
});
