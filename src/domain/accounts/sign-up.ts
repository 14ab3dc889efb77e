import { z } from 'zod';
import { authorize } from '../access/policies.js';
import { InvalidInput, type FieldProblem } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { insertUserToken } from '../../persistence/repositories/user-tokens.repository.js';
import { findUserByEmail, insertUser } from '../../persistence/repositories/users.repository.js';
import { alreadyRegisteredMail, verifyEmailMail } from '../mail/mail-templates.js';
import { queueMail } from '../mail/outbox.js';
import { auditMeta, type LinkContext, type UseCaseContext } from './context.js';
import { hashPassword, passwordProblems } from './password.js';
import { randomSecret, sha256Hex } from './secrets.js';

export const VERIFY_EMAIL_HOURS = 24;

const input = z.object({
  email: z.string().trim().max(254),
  displayName: z.string().trim().max(100),
  password: z.string().max(1000),
  locale: z.enum(['ja', 'en']),
});
export type SignUpInput = z.input<typeof input>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Sends a fresh email-verification link (24 h) to a user. Used by sign-up and by login of an unverified account. */
export const sendVerificationLink = async (
  ctx: UseCaseContext & LinkContext,
  user: { id: string; email: string; displayName: string; locale: 'ja' | 'en' },
): Promise<void> => {
  const token = randomSecret();
  const now = ctx.clock.now();
  await insertUserToken(ctx.db, { purpose: 'verify_email', tokenHash: sha256Hex(token), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + VERIFY_EMAIL_HOURS * 3_600_000) });
  await queueMail(ctx.db, now, user.email, verifyEmailMail(user.locale, { name: user.displayName, link: `${ctx.baseUrl}/verify-email?token=${token}`, hours: VERIFY_EMAIL_HOURS }));
};

/**
 * A company user registers: email, name, password → argon2id → verification link by mail. The answer is the same
 * whether or not the address is already registered (the owner of an existing address gets a mail saying so).
 */
export const signUp = async (ctx: UseCaseContext & LinkContext, raw: SignUpInput): Promise<void> => {
  authorize(ctx.actor, 'account.anonymous');
  const data = input.parse(raw);
  const problems: FieldProblem[] = [];
  if (!EMAIL.test(data.email)) problems.push({ field: 'email', message: { ja: 'メールアドレスを正しい形式で入力してください（例：name@example.jp）。', en: 'Enter an email address in the correct format, like name@example.jp.' } });
  if (!data.displayName) problems.push({ field: 'displayName', message: { ja: '氏名を入力してください。', en: 'Enter your full name.' } });
  problems.push(...passwordProblems(data.password, data.email));
  if (problems.length) throw new InvalidInput(problems);

  const passwordHash = await hashPassword(data.password);
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const now = ctx.clock.now();
    const existing = await findUserByEmail(tx, data.email);
    if (existing) {
      await queueMail(tx, now, existing.email, alreadyRegisteredMail(existing.locale, { name: existing.displayName, loginLink: `${ctx.baseUrl}/login`, resetLink: `${ctx.baseUrl}/password/forgot` }));
      return;
    }
    const user = await insertUser(tx, { email: data.email, displayName: data.displayName, passwordHash, locale: data.locale, isStaff: false, emailVerifiedAt: null, createdAt: now });
    await sendVerificationLink(txCtx, user);
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'user.signed_up', target: { type: 'user', id: user.id }, summary: { after: { email: user.email, locale: user.locale } } });
  });
};
