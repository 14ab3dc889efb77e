import type { CandidateLanguage } from '../../../../rules/skills-exam/index.js';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { updateRegistration } from '../../../persistence/repositories/exam-registrations.repository.js';
import { auditMeta } from '../../accounts/context.js';
import { Conflict } from '../../errors.js';
import { queueMail } from '../../mail/outbox.js';
import { statusChangeMail } from './candidate-mail.js';
import { todayOf, type ExamContext } from './context.js';
import { getCandidateRegistration } from './get-candidate-registration.js';
import { promoteFromWaitlist } from './promote-waitlist.js';
import { HOLDS_SEAT, nextRegistrationState } from './registration-status.js';

/** The candidate cancels, up to and including the sitting's cancellation deadline; a freed seat goes to the waiting list. */
export const cancelRegistration = async (ctx: ExamContext, token: unknown, input: { reason?: unknown } = {}): Promise<{ promoted: string[] }> => {
  const view = await getCandidateRegistration(ctx, token);
  const { registration, sitting, candidate } = view;
  const today = todayOf(ctx);
  if (today > sitting.cancelDeadline) {
    throw new Conflict('cancel deadline passed', { ja: `取消しの期限（${sitting.cancelDeadline}）を過ぎています。`, en: `The deadline for cancelling (${sitting.cancelDeadline}) has passed.` });
  }
  const status = nextRegistrationState(registration.status, 'cancel', { today, sittingDate: sitting.examDate });
  const reason = typeof input.reason === 'string' ? input.reason.trim().slice(0, 500) : '';
  return ctx.db.transaction(async (tx) => {
    const ok = await updateRegistration(tx, registration.id, registration.lockVersion, { status, waitlistPosition: null, cancelledAt: ctx.clock.now(), cancelReason: reason || null });
    if (!ok) throw new Conflict('changed', { ja: '申込みが更新されました。もう一度お試しください。', en: 'The registration changed. Try again.' });
    await writeAuditEvent(tx, { action: 'exam_registration.cancelled', ...auditMeta(ctx), target: { type: 'exam_registration', id: registration.id }, summary: { before: { status: registration.status }, after: { status } }, ...(reason ? { reason } : {}) });
    await queueMail(tx, ctx.clock.now(), candidate.email, statusChangeMail(candidate.language as CandidateLanguage, { examNumber: registration.examNumber, link: `${ctx.baseUrl ?? ''}/exams`, kind: 'cancelled' }));
    const promoted = HOLDS_SEAT.includes(registration.status) ? await promoteFromWaitlist(tx, ctx, sitting.id) : [];
    return { promoted };
  });
};
