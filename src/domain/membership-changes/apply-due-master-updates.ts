import type { UseCaseContext } from '../accounts/context.js';
import { auditMeta } from '../accounts/context.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { listDueMasterUpdates, updateChangeNoticeGuarded } from '../../persistence/repositories/change-notices.repository.js';
import { applyMasterUpdate } from './apply-change-notice.js';
import { todayOf } from './lifecycle-common.js';

/**
 * Daily job: applied notices whose effective date has come bring the organisation / establishment record up to date
 * (the roster rows were already dated when the notice was applied). Runs as the system actor.
 */
export const applyDueMasterUpdates = async (ctx: UseCaseContext): Promise<{ applied: number }> => {
  if (ctx.actor.kind !== 'system') throw new Error('applyDueMasterUpdates runs as the system');
  const due = await listDueMasterUpdates(ctx.db, todayOf(ctx));
  let applied = 0;
  for (const n of due) {
    await ctx.db.transaction(async (tx) => {
      if (!(await updateChangeNoticeGuarded(tx, n.id, n.lockVersion, { masterAppliedAt: ctx.clock.now() }))) return;
      const meta = auditMeta(ctx);
      await applyMasterUpdate(tx, n, meta);
      await writeAuditEvent(tx, { ...meta, action: 'membership_change.master_updated', target: { type: 'change_notice', id: n.id }, summary: { after: { kind: n.kind, effectiveFrom: n.effectiveFrom } } });
      applied += 1;
    });
  }
  return { applied };
};
