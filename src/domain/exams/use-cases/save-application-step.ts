import { createHash } from 'node:crypto';
import type { CandidateLanguage } from '../../../../rules/skills-exam/index.js';
import { updateApplication } from '../../../persistence/repositories/exam-registrations.repository.js';
import { Conflict } from '../../errors.js';
import { type ApplicationData, type ApplicationStep, validatePhoto, validateStep } from './application-form.js';
import { todayOf, type ExamContext } from './context.js';
import { checkEligibility, type EligibilityResult } from './eligibility.js';
import { loadApplication } from './load-application.js';

const emailFirst = () =>
  new Conflict('email not verified', { ja: '先にメールアドレスを確認してください。', en: 'Confirm your email address first.' });

/**
 * Saves one page of the application as a draft. After the date of birth and nationality, the eligibility rules run
 * on the exam day and their outcome (with the reason in the candidate's language) comes back to the page.
 */
export const saveApplicationStep = async (
  ctx: ExamContext,
  token: unknown,
  step: Exclude<ApplicationStep, 'photo'>,
  raw: Record<string, unknown>,
): Promise<{ data: ApplicationData; eligibility?: EligibilityResult }> => {
  const { application, data, place } = await loadApplication(ctx, token);
  if (!application.emailVerifiedAt) throw emailFirst();
  if (application.registrationId) throw new Conflict('already submitted', { ja: 'この申込みは送信済みです。', en: 'This application has already been sent.' });
  const values = validateStep(step, raw, todayOf(ctx));
  const next: ApplicationData = { ...data, ...values };
  await updateApplication(ctx.db, application.id, { data: next });
  if (step === 'birth' && next.dateOfBirth && next.nationality) {
    const eligibility = checkEligibility(
      { level: place.category.level, category: place.category.code, examDate: place.sitting.examDate, dateOfBirth: next.dateOfBirth, nationality: next.nationality },
      application.language as CandidateLanguage,
    );
    return { data: next, eligibility };
  }
  return { data: next };
};

/** Saves the photo: JPEG or PNG by its magic bytes, at most 2 MB, kept with its sha-256. */
export const saveApplicationPhoto = async (ctx: ExamContext, token: unknown, bytes: Uint8Array | undefined): Promise<{ sha256: string; contentType: string }> => {
  const { application } = await loadApplication(ctx, token);
  if (!application.emailVerifiedAt) throw emailFirst();
  if (application.registrationId) throw new Conflict('already submitted', { ja: 'この申込みは送信済みです。', en: 'This application has already been sent.' });
  const contentType = validatePhoto(bytes);
  const buffer = Buffer.from(bytes!);
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  await updateApplication(ctx.db, application.id, { photo: buffer, photoSha256: sha256, photoContentType: contentType });
  return { sha256, contentType };
};
