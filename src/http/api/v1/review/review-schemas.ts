import { z } from 'zod';
import type { DecisionOutcome } from '../../../../domain/membership/decide-join-request.js';
import { JOIN_REQUEST_STATES, JOIN_REQUEST_STATE_LABELS } from '../../../../domain/membership/join-request.states.js';

// Schemas shared by the review API's routes (/api/v1/review/join-requests…). OpenAPI is generated from them.

export const Message = z.object({ ja: z.string(), en: z.string() });

export const Status = z.enum(JOIN_REQUEST_STATES).meta({ description: 'Workflow status; statusLabel gives its e-Gov style name (到達, 審査中, 補正, 手続終了…)' });

export const StatusLabel = Message.meta({ example: { ja: '審査中', en: 'Under review' } });

export const IdParams = z.object({ id: z.uuid().meta({ description: 'The join request', example: '5f0c2f4e-8a7b-4c1d-9e2f-3a4b5c6d7e8f' }) });

export const LockVersion = z
  .number()
  .int()
  .min(0)
  .max(2_147_483_647)
  .meta({ description: 'The lockVersion of the request as the reviewer last saw it (GET /api/v1/review/join-requests/{id}). A stale one answers 409 and changes nothing.', example: 1 });

/** The optional Idempotency-Key header of every decision (same format as the other idempotent API calls). */
export const IdempotencyHeaders = z
  .object({
    'idempotency-key': z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,100}$/)
      .optional()
      .meta({ description: '16–100 of A–Z a–z 0–9 _ -. A retry with the same key and body returns the request as it is now (replayed: true) instead of 409.', example: 'review-7d1c0e9a4b2f' }),
  })
  .passthrough();

export const DECISION_DESCRIPTION =
  'Staff session of a secretariat reviewer or administrator who is a named information handler, signed in with two factors (API tokens of organisations cannot decide; with the session cookie, send the CSRF token in X-CSRF-Token). ' +
  'Send the lockVersion you saw: when another reviewer decided first the answer is 409 (problem+json, detail in the Accept-Language) and nothing is overwritten. ' +
  'A decision the status does not allow is also 409. Unknown id: 404. With an Idempotency-Key header a retry is answered with the request as it is now (replayed: true).';

export const DecisionResult = z.object({
  id: z.string(),
  status: Status,
  statusLabel: StatusLabel,
  lockVersion: z.number().int().meta({ description: 'Send this with the next decision' }),
  decidedAt: z.string().nullable(),
  replayed: z.boolean().meta({ description: 'true when an earlier request with the same Idempotency-Key made this decision' }),
});

export const decisionResult = ({ request: r, replayed }: DecisionOutcome): z.infer<typeof DecisionResult> => ({
  id: r.id,
  status: r.status,
  statusLabel: JOIN_REQUEST_STATE_LABELS[r.status],
  lockVersion: r.lockVersion,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  replayed,
});

export const idempotencyKeyOf = (headers: Record<string, unknown>): string | undefined => {
  const key = headers['idempotency-key'];
  return typeof key === 'string' ? key : undefined;
};
