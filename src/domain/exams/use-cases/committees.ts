// Question committees (有識者委員会): members, meetings, honoraria and expenses (integer yen).
// Several small use cases that share one page; each authorises first and writes its audit event. The creates take the
// form's idempotency key (create-once.ts): a double submit returns the first row (`duplicate`) instead of a second.
import { z } from 'zod';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import {
  findCommittee,
  findCommitteeMeeting,
  findCommitteeMember,
  findCommitteePayment,
  findExamCategory,
  insertCommittee,
  insertCommitteeMeeting,
  insertCommitteeMember,
  insertCommitteePayment,
  listCommitteeMeetings,
  listCommitteeMembers,
  listCommitteePayments,
  listCommittees,
} from '../../../persistence/repositories/exam-catalogue.repository.js';
import { authorize } from '../../access/policies.js';
import { auditMeta } from '../../accounts/context.js';
import { InvalidInput, NotFound } from '../../errors.js';
import { intFromForm, legalDateField, optionalText, parseInput, trimmed } from './catalogue.js';
import type { ExamContext } from './context.js';
import { createOnce, staffScope } from '../../idempotency/create-once.js';

const uuid = z.uuid();

export const listExamCommittees = async (ctx: ExamContext) => {
  authorize(ctx.actor, 'exam_catalogue.read');
  return listCommittees(ctx.db);
};

export const createCommittee = async (ctx: ExamContext, raw: Record<string, unknown>, idempotencyKey?: string) => {
  authorize(ctx.actor, 'exam_catalogue.manage');
  const v = parseInput(z.object({ categoryId: uuid, name: trimmed(200), fiscalYear: intFromForm(2019, 2100) }), raw);
  if (!(await findExamCategory(ctx.db, v.categoryId))) throw new InvalidInput([{ field: 'categoryId', message: { ja: '試験区分を選んでください。', en: 'Choose an exam category.' } }]);
  return createOnce(ctx, idempotencyKey, { resourceType: 'exam_committee', scopeId: staffScope(ctx) }, findCommittee, async (tx, id) => {
    const row = await insertCommittee(tx, { id, ...v });
    await writeAuditEvent(tx, { action: 'exam_committee.created', ...auditMeta(ctx), target: { type: 'exam_committee', id: row.id }, summary: { after: v } });
    return row;
  });
};

export const getCommittee = async (ctx: ExamContext, id: string) => {
  authorize(ctx.actor, 'exam_catalogue.read');
  const committee = uuid.safeParse(id).success ? await findCommittee(ctx.db, id) : undefined;
  if (!committee) throw new NotFound('exam committee');
  const [members, meetings, payments] = await Promise.all([listCommitteeMembers(ctx.db, id), listCommitteeMeetings(ctx.db, id), listCommitteePayments(ctx.db, id)]);
  const totals = { honorarium: 0, expense: 0 };
  for (const p of payments) totals[p.payment.kind] += p.payment.amountYen;
  return { committee, members, meetings, payments, totals };
};

const committeeOr404 = async (ctx: ExamContext, id: string) => {
  const c = uuid.safeParse(id).success ? await findCommittee(ctx.db, id) : undefined;
  if (!c) throw new NotFound('exam committee');
  return c;
};

export const addCommitteeMember = async (ctx: ExamContext, committeeId: string, raw: Record<string, unknown>, idempotencyKey?: string) => {
  authorize(ctx.actor, 'exam_catalogue.manage');
  await committeeOr404(ctx, committeeId);
  const v = parseInput(z.object({ name: trimmed(100), affiliation: optionalText(200), memberRole: z.enum(['chair', 'member']), appointedOn: legalDateField }), raw);
  return createOnce(ctx, idempotencyKey, { resourceType: 'exam_committee_member', scopeId: committeeId }, findCommitteeMember, async (tx, id) => {
    const row = await insertCommitteeMember(tx, { id, committeeId, ...v });
    await writeAuditEvent(tx, { action: 'exam_committee.member_added', ...auditMeta(ctx), target: { type: 'exam_committee', id: committeeId }, summary: { after: { memberId: row.id, memberRole: v.memberRole } } });
    return row;
  });
};

export const recordCommitteeMeeting = async (ctx: ExamContext, committeeId: string, raw: Record<string, unknown>, idempotencyKey?: string) => {
  authorize(ctx.actor, 'exam_catalogue.manage');
  await committeeOr404(ctx, committeeId);
  const v = parseInput(z.object({ heldOn: legalDateField, place: optionalText(200), agenda: optionalText(2000), minutes: optionalText(10000) }), raw);
  return createOnce(ctx, idempotencyKey, { resourceType: 'exam_committee_meeting', scopeId: committeeId }, findCommitteeMeeting, async (tx, id) => {
    const row = await insertCommitteeMeeting(tx, { id, committeeId, ...v });
    await writeAuditEvent(tx, { action: 'exam_committee.meeting_recorded', ...auditMeta(ctx), target: { type: 'exam_committee', id: committeeId }, summary: { after: { meetingId: row.id, heldOn: v.heldOn } } });
    return row;
  });
};

/**
 * An honorarium or expense for a member at a meeting, in whole yen. With the form's key, a double submit or a retry
 * returns the first payment (`duplicate`): the same honorarium is never recorded, or paid, twice.
 */
export const recordCommitteePayment = async (ctx: ExamContext, committeeId: string, raw: Record<string, unknown>, idempotencyKey?: string) => {
  authorize(ctx.actor, 'exam_catalogue.manage');
  await committeeOr404(ctx, committeeId);
  const v = parseInput(
    z.object({ meetingId: uuid, memberId: uuid, kind: z.enum(['honorarium', 'expense']), amountYen: z.string().trim().regex(/^\d{1,9}$/).transform(Number), description: optionalText(500) }),
    raw,
    { amountYen: { ja: '金額は円単位の整数で入力してください（例：15000）。', en: 'Enter the amount in whole yen (e.g. 15000).' } },
  );
  const [meeting, member] = await Promise.all([findCommitteeMeeting(ctx.db, v.meetingId), findCommitteeMember(ctx.db, v.memberId)]);
  const errors = [];
  if (!meeting || meeting.committeeId !== committeeId) errors.push({ field: 'meetingId', message: { ja: '会議を選んでください。', en: 'Choose a meeting.' } });
  if (!member || member.committeeId !== committeeId) errors.push({ field: 'memberId', message: { ja: '委員を選んでください。', en: 'Choose a member.' } });
  if (errors.length) throw new InvalidInput(errors);
  return createOnce(ctx, idempotencyKey, { resourceType: 'exam_committee_payment', scopeId: committeeId }, findCommitteePayment, async (tx, id) => {
    const row = await insertCommitteePayment(tx, { id, ...v });
    await writeAuditEvent(tx, { action: 'exam_committee.payment_recorded', ...auditMeta(ctx), target: { type: 'exam_committee', id: committeeId }, summary: { after: { paymentId: row.id, kind: v.kind, amountYen: v.amountYen } } });
    return row;
  });
};
