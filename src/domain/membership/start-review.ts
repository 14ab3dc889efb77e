import { authorize } from '../access/policies.js';
import { auditMeta, type UseCaseContext } from '../accounts/context.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { appendJoinRequestHistory } from '../../persistence/repositories/join-requests.repository.js';
import { applyJoinRequestEvent } from './join-request-events.js';

/** A reviewer takes a received request into review (到達 → 審査中). */
export const startReview = async (ctx: UseCaseContext, id: string, lockVersion: number): Promise<void> => {
  authorize(ctx.actor, 'join_request.review');
  await ctx.db.transaction(async (tx) => {
    const { before, after } = await applyJoinRequestEvent(tx, id, 'start_review', lockVersion);
    await appendJoinRequestHistory(tx, { joinRequestId: id, event: 'start_review', statusAfter: after.status, at: ctx.clock.now(), actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null });
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'join_request.review_started',
      target: { type: 'join_request', id },
      summary: { before: { status: before.status }, after: { status: after.status } },
    });
  });
};
