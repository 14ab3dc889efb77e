import { z } from 'zod';
import type { CandidateLanguage } from '../../../../rules/skills-exam/index.js';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { findLiveRegistrationByPassport, insertRegistration, nextExamSequence, updateRegistration } from '../../../persistence/repositories/exam-registrations.repository.js';
import { findSitting, lockSitting, seatsTaken } from '../../../persistence/repositories/exam-sittings.repository.js';
import { auditMeta } from '../../accounts/context.js';
import { Conflict, InvalidInput } from '../../errors.js';
import { queueMail } from '../../mail/outbox.js';
import { formatExamNumber } from '../exam-number.js';
import { statusChangeMail } from './candidate-mail.js';
import { newSecretToken, todayOf, type ExamContext } from './context.js';
import { checkEligibility } from './eligibility.js';
import { getCandidateRegistration } from './get-candidate-registration.js';
import { promoteFromWaitlist } from './promote-waitlist.js';
import { assertRegistrationOpen } from './registration-window.js';
import { nextRegistrationState, payAndIssue } from './registration-status.js';

/**
 * Moves a registration to another sitting of the same category and level, up to the reschedule deadline. The old
 * registration is cancelled and a new one (new exam number, new link) takes a seat in the new sitting; a fee
 * already paid moves with it. The old sitting's waiting list is then promoted.
 */
export const rescheduleRegistration = async (ctx: ExamContext, token: unknown, input: { sittingId: unknown }): Promise<{ registrationId: string; examNumber: string; accessToken: string }> => {
  const view = await getCandidateRegistration(ctx, token);
  const { registration, sitting, candidate, category } = view;
  const today = todayOf(ctx);
  if (today > sitting.rescheduleDeadline) {
    throw new Conflict('reschedule deadline passed', { ja: `受験日の変更期限（${sitting.rescheduleDeadline}）を過ぎています。`, en: `The deadline for changing the exam date (${sitting.rescheduleDeadline}) has passed.` });
  }
  if (registration.status === 'waitlisted') throw new Conflict('waitlisted', { ja: 'キャンセル待ちの申込みは変更できません。', en: 'A waiting-list place cannot be moved.' });
  const target = z.uuid().safeParse(input.sittingId);
  const place = target.success ? await findSitting(ctx.db, target.data) : undefined;
  if (!place || place.sitting.id === sitting.id || place.category.code !== category.code || place.category.level !== category.level) {
    throw new InvalidInput([{ field: 'sittingId', message: { ja: '変更先の試験回を選んでください。', en: 'Choose the sitting to move to.' } }]);
  }
  const eligibility = checkEligibility({ level: category.level, category: category.code, examDate: place.sitting.examDate, dateOfBirth: candidate.dateOfBirth, nationality: candidate.nationality }, candidate.language as CandidateLanguage);
  if (eligibility.outcome !== 'eligible') throw new Conflict('not eligible', { ja: eligibility.reason, en: eligibility.reason });
  const cancelled = nextRegistrationState(registration.status, 'cancel', { today, sittingDate: sitting.examDate });
  const wasPaid = ['paid', 'ticket_issued'].includes(registration.status);
  const { token: accessToken, hash } = newSecretToken();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockSitting(tx, place.sitting.id);
    const fresh = (await findSitting(tx, place.sitting.id))!.sitting;
    assertRegistrationOpen(fresh, today);
    const taken = (await seatsTaken(tx, [fresh.id])).get(fresh.id) ?? 0;
    if (taken >= fresh.capacity) throw new Conflict('full', { ja: 'その試験回は満席です。', en: 'That sitting is full.' });
    if (await findLiveRegistrationByPassport(tx, fresh.id, registration.passportKey)) throw new Conflict('duplicate', { ja: 'その試験回にはすでに申し込まれています。', en: 'You are already registered for that sitting.' });
    const ok = await updateRegistration(tx, registration.id, registration.lockVersion, { status: cancelled, cancelledAt: now, cancelReason: 'rescheduled' });
    if (!ok) throw new Conflict('changed', { ja: '申込みが更新されました。もう一度お試しください。', en: 'The registration changed. Try again.' });
    const c = { today, sittingDate: fresh.examDate };
    const status = wasPaid ? payAndIssue('applied', c) : 'applied';
    const year = Number(fresh.examDate.slice(0, 4));
    const examNumber = formatExamNumber({ level: category.level, year, sequence: await nextExamSequence(tx, category.level, year) });
    const moved = await insertRegistration(tx, {
      sittingId: fresh.id,
      candidateId: candidate.id,
      examNumber,
      passportKey: registration.passportKey,
      status,
      feeAmount: registration.feeAmount,
      feeCurrency: registration.feeCurrency,
      feePaidAt: registration.feePaidAt,
      feeReference: registration.feeReference,
      eligibility: { outcome: eligibility.outcome, asOf: eligibility.determination.asOf, reasons: eligibility.determination.reasons },
      rescheduledFromId: registration.id,
      accessTokenHash: hash,
    });
    await writeAuditEvent(tx, { action: 'exam_registration.rescheduled', ...auditMeta(ctx), target: { type: 'exam_registration', id: registration.id }, summary: { before: { sittingId: sitting.id, examNumber: registration.examNumber }, after: { sittingId: fresh.id, registrationId: moved.id, examNumber } } });
    await queueMail(tx, now, candidate.email, statusChangeMail(candidate.language as CandidateLanguage, { examNumber, link: `${ctx.baseUrl ?? ''}/exams/registrations/${accessToken}`, kind: 'rescheduled' }));
    await promoteFromWaitlist(tx, ctx, sitting.id);
    return { registrationId: moved.id, examNumber, accessToken };
  });
};
