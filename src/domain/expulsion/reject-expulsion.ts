import { authorize } from '../access/policies.js';
import { actorUserId } from '../access/actor.js';
import { auditMeta } from '../accounts/context.js';
import { NotFound } from '../errors.js';
import { reasonOf } from '../membership/join-request-events.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findExpulsion, updateExpulsionGuarded } from '../../persistence/repositories/expulsions.repository.js';
import { concurrentChange, type LifecycleContext } from '../membership-changes/lifecycle-common.js';
import { assertDifferentPerson, expulsionTransition } from './expulsion.states.js';

/** A second member of the secretariat rejects the proposal, with a reason (not the proposer either). */
export const rejectExpulsion = async (ctx: LifecycleContext, id: string, lockVersion: number, rawReason: unknown): Promise<void> => {
  authorize(ctx.actor, 'expulsion.approve');
  const decidedBy = actorUserId(ctx.actor);
  const existing = await findExpulsion(ctx.db, id);
  if (!existing) throw new NotFound('expulsion');
  assertDifferentPerson(existing.proposedBy, decidedBy);
  const reason = reasonOf(rawReason, 'reason');
  await ctx.db.transaction(async (tx) => {
    const before = await findExpulsion(tx, id);
    if (!before || before.lockVersion !== lockVersion) throw concurrentChange('expulsion');
    const status = expulsionTransition(before.status, 'reject');
    if (!(await updateExpulsionGuarded(tx, id, lockVersion, { status, decidedBy: decidedBy!, decidedAt: ctx.clock.now(), decisionReason: reason }))) throw concurrentChange('expulsion');
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'expulsion.rejected', target: { type: 'expulsion', id }, reason, summary: { before: { status: before.status }, after: { status } } });
  });
};
