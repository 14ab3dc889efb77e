import { authorize } from '../../access/policies.js';
import { NotFound } from '../../errors.js';
import { findApplicationByTokenHash, type ApplicationRow } from '../../../persistence/repositories/exam-registrations.repository.js';
import { findSitting, type SittingWithPlace } from '../../../persistence/repositories/exam-sittings.repository.js';
import type { ApplicationData } from './application-form.js';
import { hashToken, isTokenShaped, type ExamContext } from './context.js';

export type LoadedApplication = { application: ApplicationRow; data: ApplicationData; place: SittingWithPlace; hasPhoto: boolean };

/** The candidate's draft by the token their browser holds; expired or unknown tokens are "not found". */
export const loadApplication = async (ctx: ExamContext, token: unknown): Promise<LoadedApplication> => {
  authorize(ctx.actor, 'exam_registration.apply');
  if (!isTokenShaped(token)) throw new NotFound('exam application');
  const application = await findApplicationByTokenHash(ctx.db, hashToken(token));
  if (!application || application.expiresAt <= ctx.clock.now()) throw new NotFound('exam application');
  const place = await findSitting(ctx.db, application.sittingId);
  if (!place) throw new NotFound('exam sitting');
  return { application, data: application.data as ApplicationData, place, hasPhoto: application.photo !== null };
};
