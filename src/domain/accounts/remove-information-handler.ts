import { authorize } from '../access/policies.js';
import { NotFound } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { removeInformationHandler as removeRow } from '../../persistence/repositories/information-handlers.repository.js';
import { auditMeta, type UseCaseContext } from './context.js';

/** Removes someone from the information-handler list (the row is kept with its removal date). */
export const removeInformationHandler = async (ctx: UseCaseContext, input: { id: string; reason?: string }): Promise<void> => {
  authorize(ctx.actor, 'information_handlers.manage');
  if (ctx.actor.kind !== 'user') throw new NotFound('information handler');
  const by = ctx.actor.userId;
  await ctx.db.transaction(async (tx) => {
    const removed = await removeRow(tx, input.id, by, ctx.clock.now());
    if (!removed) throw new NotFound('information handler');
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'information_handler.removed',
      target: { type: 'information_handler', id: input.id },
      summary: { before: { userId: removed.userId }, after: null },
      ...(input.reason ? { reason: input.reason } : {}),
    });
  });
};
