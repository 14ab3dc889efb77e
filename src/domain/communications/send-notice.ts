import { japanDateOf } from '../../../rules/core/index.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { contactsOfOrganisations, insertNotice, insertNoticeRecipients, selectAudienceOrganisations, type NoticeRow } from '../../persistence/repositories/communications.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta, type UseCaseContext } from '../accounts/context.js';
import { InvalidInput, type FieldProblem } from '../errors.js';
import { queueMail } from '../mail/outbox.js';
import { parseAudience, type AudienceInput } from './audience.js';

export type SendNoticeInput = AudienceInput & { subject?: string; body?: string; sendEmail?: string | boolean };

/** M12: a notice to all or filtered members, in every recipient organisation's inbox and (optionally) by e-mail. */
export const sendNotice = async (ctx: UseCaseContext & { baseUrl?: string }, input: SendNoticeInput): Promise<NoticeRow> => {
  authorize(ctx.actor, 'communications.send');
  const problems: FieldProblem[] = [];
  const subject = (input.subject ?? '').trim();
  const body = (input.body ?? '').trim();
  if (!subject) problems.push({ field: 'subject', message: { ja: '件名を入力してください', en: 'Enter a subject' } });
  else if (subject.length > 200) problems.push({ field: 'subject', message: { ja: '件名は200文字以内で入力してください', en: 'The subject is at most 200 characters' } });
  if (!body) problems.push({ field: 'body', message: { ja: '本文を入力してください', en: 'Enter the message' } });
  else if (body.length > 20_000) problems.push({ field: 'body', message: { ja: '本文は20,000文字以内で入力してください', en: 'The message is at most 20,000 characters' } });
  const audience = parseAudience(input, problems);
  if (problems.length) throw new InvalidInput(problems);
  const sendEmail = input.sendEmail === true || input.sendEmail === 'yes' || input.sendEmail === 'on';
  const now = ctx.clock.now();
  const organisationIds = await selectAudienceOrganisations(ctx.db, audience, japanDateOf(now));
  if (organisationIds.length === 0) throw new InvalidInput([{ field: 'status', message: { ja: '条件に当てはまる会員がいません。条件を見直してください', en: 'No member matches these filters. Change them' } }]);
  const contacts = sendEmail ? await contactsOfOrganisations(ctx.db, organisationIds) : [];
  return ctx.db.transaction(async (tx) => {
    const notice = await insertNotice(tx, { subject, body, audience, sendEmail, recipientCount: organisationIds.length, emailCount: contacts.length, sentBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, sentAt: now });
    await insertNoticeRecipients(tx, notice.id, organisationIds);
    const link = `${ctx.baseUrl ?? ''}/inbox/${notice.id}`;
    for (const c of contacts) {
      const footer = c.locale === 'en' ? `\n\nRead it in your Jinzai inbox: ${link}` : `\n\nJinzai の受信箱でも確認できます：${link}`;
      await queueMail(tx, now, c.email, { subject, text: body + footer });
    }
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'notice.sent', target: { type: 'notice', id: notice.id }, summary: { after: { subject, audience, recipients: organisationIds.length, emails: contacts.length } } });
    return notice;
  });
};
