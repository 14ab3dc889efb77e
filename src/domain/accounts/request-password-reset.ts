import { writeAuditEvent } from '../../persistence/audit/index.js';
import { insertUserToken, invalidateUserTokens } from '../../persistence/repositories/user-tokens.repository.js';
import { findUserByEmail } from '../../persistence/repositories/users.repository.js';
import { authorize } from '../access/policies.js';
import { resetPasswordMail } from '../mail/mail-templates.js';
import { queueMail } from '../mail/outbox.js';
import { auditMeta, type LinkContext, type UseCaseContext } from './context.js';
import { randomSecret, sha256Hex } from './secrets.js';

export const RESET_PASSWORD_MINUTES = 60;

/** Mails a one-hour reset link when the address has an account. The caller always shows the same answer. */
export const requestPasswordReset = async (ctx: UseCaseContext & LinkContext, input: { email: string }): Promise<void> => {
  authorize(ctx.actor, 'account.anonymous');
  const email = input.email.trim();
  if (!email || email.length > 254) return;
  await ctx.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user || user.disabledAt) return;
    const now = ctx.clock.now();
    const token = randomSecret();
    await invalidateUserTokens(tx, user.id, 'reset_password', now);
    await insertUserToken(tx, { purpose: 'reset_password', tokenHash: sha256Hex(token), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + RESET_PASSWORD_MINUTES * 60_000) });
    await queueMail(tx, now, user.email, resetPasswordMail(user.locale, { name: user.displayName, link: `${ctx.baseUrl}/password/reset?token=${token}`, minutes: RESET_PASSWORD_MINUTES }));
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'user.password_reset_requested', target: { type: 'user', id: user.id } });
  });
};
