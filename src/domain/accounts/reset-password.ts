import { writeAuditEvent } from '../../persistence/audit/index.js';
import { revokeUserSessions } from '../../persistence/repositories/sessions.repository.js';
import { consumeUserToken, findLiveUserToken } from '../../persistence/repositories/user-tokens.repository.js';
import { findUserById, markEmailVerified, setPasswordHash } from '../../persistence/repositories/users.repository.js';
import { authorize } from '../access/policies.js';
import { InvalidInput } from '../errors.js';
import { passwordChangedMail } from '../mail/mail-templates.js';
import { queueMail } from '../mail/outbox.js';
import { auditMeta, type UseCaseContext } from './context.js';
import { hashPassword, passwordProblems } from './password.js';
import { sha256Hex } from './secrets.js';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** Whether a reset link is still usable (to show the form, or a "link expired" page). */
export const isResetLinkLive = async (ctx: UseCaseContext, token: string): Promise<boolean> =>
  TOKEN.test(token) && (await findLiveUserToken(ctx.db, 'reset_password', sha256Hex(token), ctx.clock.now())) !== undefined;

/**
 * Sets a new password from a reset link. The link works once; every session of the user is revoked (signing in
 * again starts a new one), and a notice is mailed. False when the link is unknown, used or expired.
 */
export const resetPassword = async (ctx: UseCaseContext, input: { token: string; password: string }): Promise<boolean> => {
  authorize(ctx.actor, 'account.anonymous');
  if (!TOKEN.test(input.token)) return false;
  const now = ctx.clock.now();
  const live = await findLiveUserToken(ctx.db, 'reset_password', sha256Hex(input.token), now);
  if (!live) return false;
  const user = await findUserById(ctx.db, live.userId);
  if (!user) return false;
  const problems = passwordProblems(input.password, user.email);
  if (problems.length) throw new InvalidInput(problems);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const consumed = await consumeUserToken(tx, 'reset_password', sha256Hex(input.token), now);
    if (!consumed) return false;
    await setPasswordHash(tx, user.id, passwordHash);
    // Following the link proves control of the mailbox.
    await markEmailVerified(tx, user.id, now);
    const revoked = await revokeUserSessions(tx, user.id, now);
    await queueMail(tx, now, user.email, passwordChangedMail(user.locale, { name: user.displayName }));
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'user.password_reset', target: { type: 'user', id: user.id }, summary: { after: { sessionsRevoked: revoked } } });
    return true;
  });
};
