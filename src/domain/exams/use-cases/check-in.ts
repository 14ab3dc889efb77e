import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { insertIrregularityReport, registrationDetail, updateRegistration } from '../../../persistence/repositories/exam-registrations.repository.js';
import { findSitting } from '../../../persistence/repositories/exam-sittings.repository.js';
import { authorize } from '../../access/policies.js';
import { auditMeta } from '../../accounts/context.js';
import { Conflict, InvalidInput, NotFound } from '../../errors.js';
import { claimOrFindFirst, idempotencyKeyOf } from '../../idempotency/idempotency.js';
import { verificationKeys } from '../../signing/signing-keys.js';
import { verifyToken, type VerifyFailure } from '../signed-token.js';
import { todayOf, userIdOf, type ExamContext } from './context.js';
import { nextRegistrationState } from './registration-status.js';

// Check-in at the venue (受付): the proctor scans (or types) the ticket's QR token. The signature is verified against
// our published ticket keys, a ticket for another sitting is refused, and the proctor sees the photo, name, date of
// birth, the last 4 characters of the passport number and the exam number to compare with the person and passport.

/** Kinds of irregularity (the CHECK of exam_irregularity_reports.kind lists the same). */
export const IRREGULARITY_KINDS = ['identity_mismatch', 'invalid_ticket', 'misconduct', 'late_arrival', 'equipment', 'other'] as const;
export type IrregularityKind = (typeof IRREGULARITY_KINDS)[number];

export type TicketRefusal = VerifyFailure | 'other_sitting' | 'unknown_registration';

/** A ticket that does not pass: the reason is shown to the proctor (and an irregularity can be reported). */
export class TicketRefused extends Conflict {
  constructor(readonly reason: TicketRefusal) {
    const text: Record<TicketRefusal, { ja: string; en: string }> = {
      malformed: { ja: '受験票のコードを読み取れません。', en: 'The ticket code cannot be read.' },
      unknown_key: { ja: '発行元を確認できない受験票です（偽造の可能性）。', en: 'The ticket was not signed by us (possibly forged).' },
      bad_signature: { ja: '署名が正しくない受験票です（偽造・改ざんの可能性）。', en: 'The ticket signature is not valid (possibly forged or altered).' },
      wrong_type: { ja: '受験票ではありません。', en: 'This is not an admission ticket.' },
      expired: { ja: '有効期限が切れた受験票です。', en: 'The ticket has expired.' },
      not_yet_valid: { ja: 'まだ有効でない受験票です。', en: 'The ticket is not valid yet.' },
      other_sitting: { ja: '別の試験回の受験票です。', en: 'This ticket is for another sitting.' },
      unknown_registration: { ja: '受験票の申込みが見つかりません。', en: 'The registration on this ticket cannot be found.' },
    };
    super(`ticket refused: ${reason}`, text[reason]);
    this.name = 'TicketRefused';
  }
}

export type CheckInView = {
  registrationId: string;
  examNumber: string;
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  nationality: string;
  passportLast4: string;
  status: string;
  photo: { contentType: string; base64: string } | null;
  checkedInAt: Date | null;
};

const verifyTicket = async (ctx: ExamContext, sittingId: string, token: string) => {
  const result = verifyToken(token.trim(), { keys: await verificationKeys(ctx.db, 'exam_ticket'), now: ctx.clock.now(), typ: 'ticket' });
  if (!result.ok) throw new TicketRefused(result.reason);
  if (result.payload.s !== sittingId) throw new TicketRefused('other_sitting');
  const detail = typeof result.payload.r === 'string' ? await registrationDetail(ctx.db, result.payload.r) : undefined;
  if (!detail || detail.sitting.id !== sittingId || detail.registration.examNumber !== result.payload.n) throw new TicketRefused('unknown_registration');
  return detail;
};

const sittingOf = async (ctx: ExamContext, sittingId: unknown) => {
  const id = z.uuid().safeParse(sittingId);
  const place = id.success ? await findSitting(ctx.db, id.data) : undefined;
  if (!place) throw new NotFound('exam sitting');
  return place;
};

/** Reads a ticket for the proctor to compare with the person; nothing is recorded yet. */
export const lookUpTicket = async (ctx: ExamContext, input: { sittingId: unknown; token: unknown }): Promise<CheckInView> => {
  authorize(ctx.actor, 'exam_checkin.record');
  const place = await sittingOf(ctx, input.sittingId);
  if (typeof input.token !== 'string' || !input.token.trim()) throw new InvalidInput([{ field: 'token', message: { ja: '受験票のQRコードを読み取るか、コードを入力してください。', en: 'Scan the ticket QR code or enter its code.' } }]);
  const d = await verifyTicket(ctx, place.sitting.id, input.token);
  const passport = d.candidate.passportNumber.replace(/[^A-Za-z0-9]/g, '');
  return {
    registrationId: d.registration.id,
    examNumber: d.registration.examNumber,
    familyName: d.candidate.familyName,
    givenName: d.candidate.givenName,
    dateOfBirth: d.candidate.dateOfBirth,
    nationality: d.candidate.nationality,
    passportLast4: passport.slice(-4),
    status: d.registration.status,
    photo: d.candidate.photo && d.candidate.photoContentType ? { contentType: d.candidate.photoContentType, base64: d.candidate.photo.toString('base64') } : null,
    checkedInAt: d.registration.checkedInAt,
  };
};

/** Records attendance after the proctor compared photo, name, date of birth and passport: only on the exam day. */
export const recordCheckIn = async (ctx: ExamContext, input: { sittingId: unknown; token: unknown; identityConfirmed: unknown }): Promise<CheckInView> => {
  authorize(ctx.actor, 'exam_checkin.record');
  const userId = userIdOf(ctx);
  const view = await lookUpTicket(ctx, input);
  const place = await sittingOf(ctx, input.sittingId);
  if (view.status === 'checked_in') return view;
  const detail = (await registrationDetail(ctx.db, view.registrationId))!;
  const status = nextRegistrationState(detail.registration.status, 'check_in', { today: todayOf(ctx), sittingDate: place.sitting.examDate, identityVerified: input.identityConfirmed === true || input.identityConfirmed === 'yes' });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const ok = await updateRegistration(tx, detail.registration.id, detail.registration.lockVersion, { status, checkedInAt: now, checkedInBy: userId });
    if (!ok) throw new Conflict('changed', { ja: '別の端末で受付済みです。', en: 'Already checked in on another device.' });
    await writeAuditEvent(tx, { action: 'exam_registration.checked_in', ...auditMeta(ctx), target: { type: 'exam_registration', id: detail.registration.id }, summary: { before: { status: detail.registration.status }, after: { status } } });
  });
  return { ...view, status, checkedInAt: now };
};

/**
 * An irregularity at the venue: identity mismatch, invalid ticket, misconduct, lateness, equipment, other. With the
 * form's idempotency key, a double tap or a retry on a poor venue connection returns the first report (`duplicate`).
 */
export const reportIrregularity = async (
  ctx: ExamContext,
  input: { sittingId: unknown; registrationId?: unknown; kind: unknown; description: unknown },
  idempotencyKey?: string,
): Promise<{ id: string; duplicate: boolean }> => {
  authorize(ctx.actor, 'exam_checkin.record');
  const userId = userIdOf(ctx);
  const place = await sittingOf(ctx, input.sittingId);
  const errors = [];
  if (!(IRREGULARITY_KINDS as readonly unknown[]).includes(input.kind)) errors.push({ field: 'kind', message: { ja: '種類を選んでください。', en: 'Choose the kind of irregularity.' } });
  const description = typeof input.description === 'string' ? input.description.trim() : '';
  if (!description) errors.push({ field: 'description', message: { ja: '状況を入力してください。', en: 'Describe what happened.' } });
  else if (description.length > 4000) errors.push({ field: 'description', message: { ja: '4000文字以内で入力してください。', en: 'Use 4000 characters or fewer.' } });
  if (errors.length) throw new InvalidInput(errors);
  let registrationId: string | null = null;
  if (typeof input.registrationId === 'string' && input.registrationId) {
    const d = z.uuid().safeParse(input.registrationId).success ? await registrationDetail(ctx.db, input.registrationId) : undefined;
    if (d && d.sitting.id === place.sitting.id) registrationId = d.registration.id;
  }
  const key = idempotencyKeyOf(idempotencyKey);
  const id = randomUUID();
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const firstId = key ? await claimOrFindFirst(tx, { scope: `exam_irregularity:${userId}`, key, userId, resourceType: 'exam_irregularity_report', resourceId: id, at }) : null;
    if (firstId) return { id: firstId, duplicate: true };
    const row = await insertIrregularityReport(tx, { id, sittingId: place.sitting.id, registrationId, kind: input.kind as IrregularityKind, description, reportedBy: userId, reportedAt: at });
    await writeAuditEvent(tx, { action: 'exam_irregularity.reported', ...auditMeta(ctx), target: { type: 'exam_sitting', id: place.sitting.id }, summary: { after: { kind: input.kind, registrationId } } });
    return { id: row.id, duplicate: false };
  });
};
