import { z } from 'zod';
import type { CandidateLanguage } from '../../../../rules/skills-exam/index.js';
import { authorize } from '../../access/policies.js';
import { NotFound } from '../../errors.js';
import { insertApplication } from '../../../persistence/repositories/exam-registrations.repository.js';
import { findSitting } from '../../../persistence/repositories/exam-sittings.repository.js';
import { newSecretToken, todayOf, type ExamContext } from './context.js';
import { assertRegistrationOpen } from './registration-window.js';

/** Drafts live 30 days: long enough for a candidate abroad to gather a passport and a photo. */
export const APPLICATION_TTL_MS = 30 * 24 * 3600 * 1000;

/** Starts a candidate's application for a sitting; the returned token is the only key to the draft. */
export const startApplication = async (ctx: ExamContext, input: { sittingId: string; language: CandidateLanguage }): Promise<{ token: string; id: string }> => {
  authorize(ctx.actor, 'exam_registration.apply');
  const sittingId = z.uuid().safeParse(input.sittingId);
  if (!sittingId.success) throw new NotFound('exam sitting');
  const place = await findSitting(ctx.db, sittingId.data);
  if (!place) throw new NotFound('exam sitting');
  assertRegistrationOpen(place.sitting, todayOf(ctx));
  const { token, hash } = newSecretToken();
  const row = await insertApplication(ctx.db, {
    tokenHash: hash,
    sittingId: place.sitting.id,
    language: input.language,
    expiresAt: new Date(ctx.clock.now().getTime() + APPLICATION_TTL_MS),
  });
  return { token, id: row.id };
};
