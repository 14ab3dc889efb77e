import { authorize } from '../access/policies.js';
import { auditMeta, type UseCaseContext } from '../accounts/context.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { applyChangeEvent, FourEyesRefused, loadChange, userIdOf, type ChangeTarget } from './reference-change.js';

/** A second administrator confirms a draft against its source (four eyes: never the person who loaded it). */
export const reviewReferenceChange = async (ctx: UseCaseContext, target: ChangeTarget, id: string, lockVersion: number): Promise<void> => {
  authorize(ctx.actor, 'reference_data.manage');
  const reviewer = userIdOf(ctx.actor);
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await loadChange(tx, target, id);
    if (row.loadedBy === reviewer) throw new FourEyesRefused('review');
    const after = await applyChangeEvent(tx, row, 'review', lockVersion, { reviewedBy: reviewer, reviewedAt: at });
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'reference_data.reviewed',
      target: { type: target === 'list' ? 'reference_list' : 'parameter_override', id },
      summary: { before: { status: row.status }, after: { status: after.status, reviewedBy: reviewer } },
    });
  });
};
