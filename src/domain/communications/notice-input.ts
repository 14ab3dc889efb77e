import type { NoticeAudience } from '../../persistence/repositories/communications.repository.js';
import type { FieldProblem } from '../errors.js';
import { parseAudience, type AudienceInput } from './audience.js';

export type NoticeInput = AudienceInput & { subject?: string; body?: string; sendEmail?: string | boolean };
export type ValidNotice = { subject: string; body: string; audience: NoticeAudience; sendEmail: boolean };

/** The fields of a notice as typed on the form (or given by a caller), with field problems in both languages. */
export const parseNotice = (input: NoticeInput, problems: FieldProblem[]): ValidNotice => {
  const subject = (input.subject ?? '').trim();
  const body = (input.body ?? '').replace(/\r\n?/g, '\n').trim();
  if (!subject) problems.push({ field: 'subject', message: { ja: '件名を入力してください', en: 'Enter a subject' } });
  else if (subject.length > 200) problems.push({ field: 'subject', message: { ja: '件名は200文字以内で入力してください', en: 'The subject is at most 200 characters' } });
  if (!body) problems.push({ field: 'body', message: { ja: '本文を入力してください', en: 'Enter the message' } });
  else if (body.length > 20_000) problems.push({ field: 'body', message: { ja: '本文は20,000文字以内で入力してください', en: 'The message is at most 20,000 characters' } });
  const audience = parseAudience(input, problems);
  const sendEmail = input.sendEmail === true || input.sendEmail === 'yes' || input.sendEmail === 'on';
  return { subject, body, audience, sendEmail };
};

export const NO_RECIPIENTS: FieldProblem = { field: 'status', message: { ja: '条件に当てはまる会員がいません。条件を見直してください', en: 'No member matches these filters. Change them' } };
