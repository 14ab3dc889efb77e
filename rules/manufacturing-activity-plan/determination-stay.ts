import { z } from 'zod';
import { NEEDS_REVIEW, defineDetermination, msg } from '../core/index.js';
import { dateFact } from './facts.js';
import { type RenewalOutcome, type StayFacts, renewal, stayLimit } from './stay.js';

export type StayOutcome = RenewalOutcome | 'exceeds-limit';

export const stayFactsSchema = z
  .object({
    entryDate: dateFact,
    renewalsGranted: z.number().int().min(0).max(1).default(0),
    plannedEnd: dateFact,
  })
  .refine((f) => f.plannedEnd >= f.entryDate, { message: 'plannedEnd is before entryDate', path: ['plannedEnd'] });

export const stayDetermination = defineDetermination<StayFacts, StayOutcome>({
  id: 'activity-plan-stay',
  title: msg('特定外国従業員の在留期間と更新', "Specified foreign employee's stay and renewal"),
  description: msg(
    '入国日と更新回数から在留期限を計算し、予定が通算1年の上限に収まるか、判定日に更新申請ができるかを示す。',
    'From the entry date and renewals, computes the expiry, checks the plan against the one-year limit and says whether a renewal can be filed on the day asked.',
  ),
  facts: stayFactsSchema,
  outcomes: ['renewal-not-yet-open', 'renewal-open', 'no-renewal', 'stay-ended', 'exceeds-limit', NEEDS_REVIEW],
  rules: [stayLimit, renewal],
  example: { asOf: '2026-01-10', facts: { entryDate: '2025-08-31', renewalsGranted: 0, plannedEnd: '2026-08-20' } },
  decide: (facts, e) => {
    const limit = e.applyFull(stayLimit, facts);
    if (limit.outcome === 'exceeds-limit') return { outcome: 'exceeds-limit', reasons: [limit.message] };
    const r = e.applyFull(renewal, facts);
    return { outcome: r.outcome, reasons: [r.message] };
  },
});
