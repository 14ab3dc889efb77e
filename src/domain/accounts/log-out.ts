import { writeAuditEvent } from '../../persistence/audit/index.js';
import { authorize } from '../access/policies.js';
import { auditMeta, type UseCaseContext } from './context.js';
import { endSession } from './sessions.js';

/** Revokes the current session. */
export const logOut = async (ctx: UseCaseContext, sessionIdHash: string): Promise<void> => {
  authorize(ctx.actor, 'account.self');
  if (ctx.actor.kind !== 'user') return;
  const userId = ctx.actor.userId;
  await ctx.db.transaction(async (tx) => {
    await endSession(tx, ctx.clock, sessionIdHash);
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'user.logged_out', target: { type: 'user', id: userId } });
  });
};
