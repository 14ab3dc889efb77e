import { authorize } from '../../access/policies.js';
import { NotFound } from '../../errors.js';
import { findRegistrationByAccessHash, registrationDetail, type RegistrationDetail } from '../../../persistence/repositories/exam-registrations.repository.js';
import { listSittings, seatsTaken } from '../../../persistence/repositories/exam-sittings.repository.js';
import { hashToken, isTokenShaped, todayOf, type ExamContext } from './context.js';
import { isRegistrationOpen } from './registration-window.js';

export type CandidateRegistrationView = RegistrationDetail & {
  canCancel: boolean;
  canReschedule: boolean;
  hasTicket: boolean;
  /** Other sittings of the same category and level open for registration with a free seat. */
  rescheduleOptions: { id: string; examDate: string; city: string; country: string; venueName: string }[];
};

/** The candidate's registration by the secret link token (from the e-mail, or the browser that applied). */
export const getCandidateRegistration = async (ctx: ExamContext, token: unknown): Promise<CandidateRegistrationView> => {
  authorize(ctx.actor, 'exam_registration.apply');
  if (!isTokenShaped(token)) throw new NotFound('exam registration');
  const row = await findRegistrationByAccessHash(ctx.db, hashToken(token));
  const detail = row ? await registrationDetail(ctx.db, row.id) : undefined;
  if (!detail) throw new NotFound('exam registration');
  const today = todayOf(ctx);
  const live = ['applied', 'paid', 'ticket_issued', 'waitlisted'].includes(detail.registration.status);
  const canCancel = live && today <= detail.sitting.cancelDeadline && today < detail.sitting.examDate;
  const canReschedule = live && detail.registration.status !== 'waitlisted' && today <= detail.sitting.rescheduleDeadline && today < detail.sitting.examDate;
  let rescheduleOptions: CandidateRegistrationView['rescheduleOptions'] = [];
  if (canReschedule) {
    const open = (await listSittings(ctx.db, ['registration_open'])).filter(
      (s) => s.sitting.id !== detail.sitting.id && s.category.code === detail.category.code && s.category.level === detail.category.level && isRegistrationOpen(s.sitting, today),
    );
    const taken = await seatsTaken(ctx.db, open.map((s) => s.sitting.id));
    rescheduleOptions = open
      .filter((s) => (taken.get(s.sitting.id) ?? 0) < s.sitting.capacity)
      .map((s) => ({ id: s.sitting.id, examDate: s.sitting.examDate, city: s.venue.city, country: s.venue.country, venueName: s.venue.name }));
  }
  return { ...detail, canCancel, canReschedule, hasTicket: ['ticket_issued', 'checked_in'].includes(detail.registration.status), rescheduleOptions };
};
