import { timingSafeEqual } from 'node:crypto';
import { writeAuditEvent } from '../../../persistence/audit/index.js';
import { updateApplication } from '../../../persistence/repositories/exam-registrations.repository.js';
import { auditMeta } from '../../accounts/context.js';
import { ApplicationInputError } from './application-form.js';
import type { ExamContext } from './context.js';
import { loadApplication } from './load-application.js';
import { codeHash, MAX_CODE_ATTEMPTS } from './send-email-code.js';

/** Confirms the candidate controls the e-mail address: the 6-digit code, at most 5 tries, before it expires. */
export const verifyEmailCode = async (ctx: ExamContext, token: unknown, input: { code: unknown }): Promise<void> => {
  const { application } = await loadApplication(ctx, token);
  const code = typeof input.code === 'string' ? input.code.normalize('NFKC').replace(/\s/g, '') : '';
  const now = ctx.clock.now();
  if (!application.emailCodeHash || !application.emailCodeExpiresAt || application.emailCodeExpiresAt <= now) {
    throw new ApplicationInputError([{ field: 'code', code: 'code_expired' }]);
  }
  if (application.emailCodeAttempts >= MAX_CODE_ATTEMPTS) throw new ApplicationInputError([{ field: 'code', code: 'code_attempts' }]);
  const expected = Buffer.from(application.emailCodeHash, 'hex');
  const given = Buffer.from(codeHash(application.id, /^\d{6}$/.test(code) ? code : 'x'), 'hex');
  if (!timingSafeEqual(expected, given)) {
    await updateApplication(ctx.db, application.id, { emailCodeAttempts: application.emailCodeAttempts + 1 });
    throw new ApplicationInputError([{ field: 'code', code: 'code_wrong' }]);
  }
  await ctx.db.transaction(async (tx) => {
    await updateApplication(tx, application.id, { emailVerifiedAt: now, emailCodeHash: null, emailCodeExpiresAt: null });
    await writeAuditEvent(tx, { action: 'exam_application.email_verified', ...auditMeta(ctx), target: { type: 'exam_application', id: application.id } });
  });
};
