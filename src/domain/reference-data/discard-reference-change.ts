import { authorize } from '../access/policies.js';
import { auditMeta, type UseCaseContext } from '../accounts/context.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { applyChangeEvent, loadChange, type ChangeTarget } from './reference-change.js';

/** Discards a draft or reviewed change that will not be published (the row stays, marked discarded). */
export const discardReferenceChange = async (ctx: UseCaseContext, target: ChangeTarget, id: string, lockVersion: number): Promise<void> => {
  authorize(ctx.actor, 'reference_data.manage');
  await ctx.db.transaction(async (tx) => {
    const row = await loadChange(tx, target, id);
    const after = await applyChangeEvent(tx, row, 'discard', lockVersion);
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'reference_data.discarded',
      target: { type: target === 'list' ? 'reference_list' : 'parameter_override', id },
      summary: { before: { status: row.status }, after: { status: after.status } },
    });
  });
};
