import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { NotFound } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findChangeNotice, updateChangeNoticeGuarded } from '../../persistence/repositories/change-notices.repository.js';
import { changeNoticeTransition } from './change-notice.states.js';
import { concurrentChange, type LifecycleContext } from './lifecycle-common.js';

/** The member takes back a notice the secretariat has not decided yet (取下げ). */
export const withdrawChangeNotice = async (ctx: LifecycleContext, id: string, lockVersion: number): Promise<void> => {
  const existing = await findChangeNotice(ctx.db, id);
  authorize(ctx.actor, 'membership_change.submit', { organisationId: existing?.organisationId ?? '-' });
  if (!existing) throw new NotFound('change_notice');
  await ctx.db.transaction(async (tx) => {
    const before = await findChangeNotice(tx, id);
    if (!before || before.lockVersion !== lockVersion) throw concurrentChange('change notice');
    const status = changeNoticeTransition(before.status, 'withdraw');
    if (!(await updateChangeNoticeGuarded(tx, id, lockVersion, { status }))) throw concurrentChange('change notice');
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'membership_change.withdrawn', target: { type: 'change_notice', id }, summary: { before: { status: before.status }, after: { status } } });
  });
};
