import type { CandidateLanguage } from '../../../../rules/skills-exam/index.js';
import type { Db } from '../../../persistence/database.js';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { firstWaitlisted, registrationDetail, updateRegistration } from '../../../persistence/repositories/exam-registrations.repository.js';
import { findSitting, lockSitting, seatsTaken } from '../../../persistence/repositories/exam-sittings.repository.js';
import { auditMeta, type UseCaseContext } from '../../accounts/context.js';
import { queueMail } from '../../mail/outbox.js';
import { statusChangeMail } from './candidate-mail.js';
import { todayOf } from './context.js';
import { nextRegistrationState, payAndIssue } from './registration-status.js';

/**
 * Fills free seats of a sitting from its waiting list, in waiting-list order, inside the caller's transaction
 * (called inline after a cancellation or reschedule, and by staff after raising capacity). Returns the promoted ids.
 */
export const promoteFromWaitlist = async (tx: Db, ctx: UseCaseContext & { baseUrl?: string }, sittingId: string): Promise<string[]> => {
  await lockSitting(tx, sittingId);
  const place = await findSitting(tx, sittingId);
  if (!place) return [];
  const today = todayOf(ctx);
  if (today >= place.sitting.examDate) return [];
  const promoted: string[] = [];
  for (;;) {
    const taken = (await seatsTaken(tx, [sittingId])).get(sittingId) ?? 0;
    if (taken >= place.sitting.capacity) break;
    const next = await firstWaitlisted(tx, sittingId);
    if (!next) break;
    const c = { today, sittingDate: place.sitting.examDate };
    let status = nextRegistrationState(next.status, 'promote', { ...c, seatAvailable: true });
    if (next.feeAmount === 0) status = payAndIssue(status, c);
    const ok = await updateRegistration(tx, next.id, next.lockVersion, { status, waitlistPosition: null, ...(next.feeAmount === 0 ? { feePaidAt: ctx.clock.now(), feeReference: 'no-fee' } : {}) });
    if (!ok) break;
    await writeAuditEvent(tx, { action: 'exam_registration.promoted', ...auditMeta(ctx), target: { type: 'exam_registration', id: next.id }, summary: { before: { status: 'waitlisted', position: next.waitlistPosition }, after: { status } } });
    const detail = await registrationDetail(tx, next.id);
    if (detail) {
      await queueMail(tx, ctx.clock.now(), detail.candidate.email, statusChangeMail(detail.candidate.language as CandidateLanguage, { examNumber: next.examNumber, link: `${ctx.baseUrl ?? ''}/exams`, kind: 'promoted' }));
    }
    promoted.push(next.id);
  }
  return promoted;
};
