import { daysBetween, japanDateOf } from '../../../rules/core/index.js';
import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { listJoinRequestQueue, type JoinRequestListItem } from '../../persistence/repositories/join-requests.repository.js';

export type QueueItem = JoinRequestListItem & { receivedOn: string | null; daysWaiting: number | null };

/** The secretariat's review queue (M4): open requests in order of receipt, with the days each has waited. */
export const listReviewQueue = async (ctx: UseCaseContext): Promise<QueueItem[]> => {
  authorize(ctx.actor, 'join_request.review');
  const today = japanDateOf(ctx.clock.now());
  const rows = await listJoinRequestQueue(ctx.db, ['submitted', 'under_review', 'correction_requested']);
  return rows.map((r) => {
    const receivedOn = r.submittedAt ? japanDateOf(r.submittedAt) : null;
    return { ...r, receivedOn, daysWaiting: receivedOn ? daysBetween(receivedOn, today) : null };
  });
};
