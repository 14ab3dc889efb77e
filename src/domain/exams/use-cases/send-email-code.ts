import { createHash, randomInt } from 'node:crypto';
import { z } from 'zod';
import type { CandidateLanguage } from '../../../../rules/skills-exam/index.js';
import { updateApplication } from '../../../persistence/repositories/exam-registrations.repository.js';
import { queueMail } from '../../mail/outbox.js';
import { ApplicationInputError } from './application-form.js';
import { emailCodeMail } from './candidate-mail.js';
import type { ExamContext } from './context.js';
import { loadApplication } from './load-application.js';

export const EMAIL_CODE_MINUTES = 30;
export const MAX_CODE_ATTEMPTS = 5;

export const codeHash = (applicationId: string, code: string): string => createHash('sha256').update(`${applicationId}:${code}`).digest('hex');

/** Sends a 6-digit code to the address the candidate gave; a new code replaces the previous one. */
export const sendEmailCode = async (ctx: ExamContext, token: unknown, input: { email: unknown }): Promise<void> => {
  const { application } = await loadApplication(ctx, token);
  const email = z.email().max(254).safeParse(typeof input.email === 'string' ? input.email.trim() : '');
  if (!email.success) throw new ApplicationInputError([{ field: 'email', code: 'email' }]);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await updateApplication(tx, application.id, {
      email: email.data,
      emailCodeHash: codeHash(application.id, code),
      emailCodeExpiresAt: new Date(now.getTime() + EMAIL_CODE_MINUTES * 60_000),
      emailCodeAttempts: 0,
      emailVerifiedAt: null,
    });
    await queueMail(tx, now, email.data, emailCodeMail(application.language as CandidateLanguage, { code, minutes: EMAIL_CODE_MINUTES }));
  });
};
