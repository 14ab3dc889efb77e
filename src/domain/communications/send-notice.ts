import { randomUUID } from 'node:crypto';
import { japanDateOf } from '../../../rules/core/index.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { contactsOfOrganisations, findNotice, insertNotice, insertNoticeRecipients, selectAudienceOrganisations, type NoticeRow } from '../../persistence/repositories/communications.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta, type UseCaseContext } from '../accounts/context.js';
import { Conflict, InvalidInput, type FieldProblem } from '../errors.js';
import { claimIdempotencyKey, findIdempotentResult, isIdempotencyKey } from '../idempotency/idempotency.js';
import { queueMail } from '../mail/outbox.js';
import { NO_RECIPIENTS, parseNotice, type NoticeInput } from './notice-input.js';

export type SendNoticeInput = NoticeInput & {
  /** A fresh key drawn with the confirmation page: a double submit or a retry sends the notice once. */
  idempotencyKey?: string;
  /** The member count the sender confirmed; if the audience changed since, nothing is sent and the sender looks again. */
  confirmedRecipients?: string | number;
};

const SCOPE = 'notice.send';

/** The recipients changed between the confirmation page and sending (someone joined or left the roster). */
export class RecipientsChanged extends Conflict {
  constructor(readonly recipientCount: number) {
    super('notice recipients changed', {
      ja: `宛先の会員数が確認時から変わり、${recipientCount} 件になりました。内容を確認してから、もう一度送信してください。`,
      en: `The number of recipient members has changed since you confirmed; it is now ${recipientCount}. Check and send again.`,
    });
  }
}

/**
 * M12: a notice to all or filtered members, in every recipient organisation's inbox and (optionally) by e-mail.
 * Idempotent: the key is claimed in the same transaction as the notice, so a second submission with it returns the
 * notice the first one sent ({ duplicate: true }) and sends nothing more.
 */
export const sendNotice = async (ctx: UseCaseContext & { baseUrl?: string }, input: SendNoticeInput): Promise<{ notice: NoticeRow; duplicate: boolean }> => {
  authorize(ctx.actor, 'communications.send');
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const key = input.idempotencyKey;
  if (!isIdempotencyKey(key)) throw new InvalidInput([{ field: 'idempotencyKey', message: { ja: '確認画面を開き直してから、もう一度送信してください', en: 'Open the confirmation page again and send from there' } }]);
  const earlier = await findIdempotentResult(ctx.db, SCOPE, key);
  const earlierNotice = earlier ? await findNotice(ctx.db, earlier.resourceId) : undefined;
  if (earlierNotice) return { notice: earlierNotice, duplicate: true };

  const problems: FieldProblem[] = [];
  const { subject, body, audience, sendEmail } = parseNotice(input, problems);
  if (problems.length) throw new InvalidInput(problems);
  const now = ctx.clock.now();
  const organisationIds = await selectAudienceOrganisations(ctx.db, audience, japanDateOf(now));
  if (organisationIds.length === 0) throw new InvalidInput([NO_RECIPIENTS]);
  const confirmed = input.confirmedRecipients === undefined || input.confirmedRecipients === '' ? undefined : Number(input.confirmedRecipients);
  if (confirmed !== undefined && confirmed !== organisationIds.length) throw new RecipientsChanged(organisationIds.length);
  const contacts = sendEmail ? await contactsOfOrganisations(ctx.db, organisationIds) : [];
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    if (!(await claimIdempotencyKey(tx, { scope: SCOPE, key, userId, resourceType: 'notice', resourceId: id, at: now }))) {
      // A concurrent submission with the same key committed first: that one is the notice.
      const first = await findIdempotentResult(tx, SCOPE, key);
      const notice = first ? await findNotice(tx, first.resourceId) : undefined;
      if (notice) return { notice, duplicate: true };
      throw new Conflict('idempotency key taken without a notice');
    }
    const notice = await insertNotice(tx, { id, subject, body, audience, sendEmail, recipientCount: organisationIds.length, emailCount: contacts.length, sentBy: userId, sentAt: now });
    await insertNoticeRecipients(tx, notice.id, organisationIds);
    const link = `${ctx.baseUrl ?? ''}/inbox/${notice.id}`;
    for (const c of contacts) {
      const footer = c.locale === 'en' ? `\n\nRead it in your Jinzai inbox: ${link}` : `\n\nJinzai の受信箱でも確認できます：${link}`;
      await queueMail(tx, now, c.email, { subject, text: body + footer });
    }
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'notice.sent', target: { type: 'notice', id: notice.id }, summary: { after: { subject, audience, recipients: organisationIds.length, emails: contacts.length } } });
    return { notice, duplicate: false };
  });
};
