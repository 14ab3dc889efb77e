import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { queueMail } from '../mail/outbox.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { appendJoinRequestHistory, findUserContact } from '../../persistence/repositories/join-requests.repository.js';
import { notifyApplicant } from './notify-applicant.js';
import { joinRequestLink, type MembershipContext } from './context.js';
import { applyJoinRequestEvent, namesFor, reasonOf } from './join-request-events.js';
import { joinCorrectionMail } from './join-mail.js';

/** Sends a correction notice (補正): the applicant corrects and resubmits (M4 deficiency notices). */
export const requestJoinCorrection = async (ctx: MembershipContext, id: string, lockVersion: number, rawReason: unknown): Promise<void> => {
  authorize(ctx.actor, 'join_request.review');
  const reason = reasonOf(rawReason, 'correctionReason');
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { before, after } = await applyJoinRequestEvent(tx, id, 'request_correction', lockVersion, { correctionReason: reason });
    await appendJoinRequestHistory(tx, { joinRequestId: id, event: 'request_correction', statusAfter: after.status, at, actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null, message: reason });
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'join_request.correction_requested',
      target: { type: 'join_request', id },
      summary: { before: { status: before.status }, after: { status: after.status } },
      reason,
    });
    const contact = after.submittedBy ? await findUserContact(tx, after.submittedBy) : undefined;
    if (contact) {
      const names = await namesFor(tx, after);
      const mail = joinCorrectionMail(contact.locale, { name: contact.displayName, ...names, link: joinRequestLink(ctx, id), reason });
      await queueMail(tx, at, contact.email, mail);
      await notifyApplicant(tx, { userId: after.submittedBy!, organisationId: after.organisationId, at, mail, link: joinRequestLink(ctx, id) });
    }
  });
};
