import { authorize } from '../access/policies.js';
import { actorUserId } from '../access/actor.js';
import { auditMeta } from '../accounts/context.js';
import { NotFound } from '../errors.js';
import { queueMail } from '../mail/outbox.js';
import { reasonOf } from '../membership/join-request-events.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findChangeNotice, updateChangeNoticeGuarded } from '../../persistence/repositories/change-notices.repository.js';
import { findUserContact } from '../../persistence/repositories/join-requests.repository.js';
import { findOrganisation } from '../../persistence/repositories/organisations.repository.js';
import { changeNoticeTransition } from './change-notice.states.js';
import { changeDecidedMail } from './lifecycle-mail.js';
import { concurrentChange, type LifecycleContext } from './lifecycle-common.js';

/** The secretariat does not accept a change notice, with the reason sent to the member. */
export const refuseChangeNotice = async (ctx: LifecycleContext, id: string, lockVersion: number, rawReason: unknown): Promise<void> => {
  authorize(ctx.actor, 'membership_change.review');
  const reason = reasonOf(rawReason, 'reason');
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = await findChangeNotice(tx, id);
    if (!before) throw new NotFound('change_notice');
    if (before.lockVersion !== lockVersion) throw concurrentChange('change notice');
    const status = changeNoticeTransition(before.status, 'refuse');
    const after = await updateChangeNoticeGuarded(tx, id, lockVersion, { status, decidedAt: at, decidedBy: actorUserId(ctx.actor) ?? null, decisionReason: reason });
    if (!after) throw concurrentChange('change notice');
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'membership_change.refused', target: { type: 'change_notice', id }, reason, summary: { before: { status: before.status }, after: { status } } });
    const [contact, org] = await Promise.all([after.submittedBy ? findUserContact(tx, after.submittedBy) : undefined, findOrganisation(tx, after.organisationId)]);
    if (contact)
      await queueMail(tx, at, contact.email, changeDecidedMail(contact.locale, { name: contact.displayName, organisationName: org?.name ?? '', link: `${ctx.baseUrl}/change-notices/${id}`, applied: false, effectiveFrom: after.effectiveFrom, reason }));
  });
};
