import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { InvalidInput } from '../errors.js';
import { queueMail } from '../mail/outbox.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { appendJoinRequestHistory, findUserContact } from '../../persistence/repositories/join-requests.repository.js';
import { joinRequestLink, type MembershipContext } from './context.js';
import { applyJoinRequestEvent, namesFor, reasonOf } from './join-request-events.js';
import { joinRefusedMail } from './join-mail.js';
import { notifyApplicant } from './notify-applicant.js';
import { REFUSAL_GROUNDS, refusalGround } from './refusal-grounds.js';

/**
 * Refuses a join request under review (手続終了・不承認) with cited grounds (M3): at least one refusal rule from
 * REFUSAL_GROUNDS and a note to the applicant. `grounds` may be omitted by older callers (the note alone), but the
 * pages always ask for one.
 */
export const refuseJoinRequest = async (ctx: MembershipContext, id: string, lockVersion: number, rawReason: unknown, rawGrounds?: unknown): Promise<void> => {
  authorize(ctx.actor, 'join_request.review');
  const reason = reasonOf(rawReason, 'reason');
  const groundIds = rawGrounds === undefined ? [] : (Array.isArray(rawGrounds) ? rawGrounds : [rawGrounds]).filter((g): g is string => typeof g === 'string');
  if (rawGrounds !== undefined && (groundIds.length === 0 || groundIds.some((g) => !refusalGround(g)))) {
    throw new InvalidInput([{ field: 'grounds', message: { ja: '不承認の根拠を1つ以上選択してください', en: 'Choose at least one ground for the refusal' } }]);
  }
  const grounds = REFUSAL_GROUNDS.filter((g) => groundIds.includes(g.id));
  const cited = grounds.map((g) => g.citation);
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { before, after } = await applyJoinRequestEvent(tx, id, 'refuse', lockVersion, {
      decidedAt: at,
      decidedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      decisionReason: reason,
      decisionGrounds: grounds.map((g) => g.id),
    });
    await appendJoinRequestHistory(tx, {
      joinRequestId: id,
      event: 'refuse',
      statusAfter: after.status,
      at,
      actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      message: reason,
      grounds: grounds.map((g) => g.id),
    });
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'join_request.refused',
      target: { type: 'join_request', id },
      summary: { before: { status: before.status }, after: { status: after.status, grounds: cited } },
      reason,
    });
    const contact = after.submittedBy ? await findUserContact(tx, after.submittedBy) : undefined;
    if (contact) {
      const names = await namesFor(tx, after);
      const groundText = grounds.map((g) => `・${g.label[contact.locale]}（${g.citation}）`).join('\n');
      const mail = joinRefusedMail(contact.locale, { name: contact.displayName, ...names, link: joinRequestLink(ctx, id), reason: groundText ? `${groundText}\n\n${reason}` : reason });
      await queueMail(tx, at, contact.email, mail);
      await notifyApplicant(tx, { userId: after.submittedBy!, organisationId: after.organisationId, at, mail, link: joinRequestLink(ctx, id) });
    }
  });
};
