import { writeAuditEvent } from '../../persistence/audit/index.js';
import { claimTotpStep, findUserById } from '../../persistence/repositories/users.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta, type UseCaseContext } from './context.js';
import { recordFailedAttempt, type LoginPolicy } from './log-in.js';
import { markMfaVerified } from './sessions.js';
import { verifyTotp } from './totp.js';

export type TotpResult = 'ok' | 'invalid' | 'locked';

/** The second step of a staff sign-in: a TOTP code for the session's user. A code is accepted once per time step. */
export const verifyLoginTotp = async (
  ctx: UseCaseContext & { login: LoginPolicy; sessionIdHash: string },
  input: { code: string },
): Promise<TotpResult> => {
  authorize(ctx.actor, 'account.mfa_setup');
  if (ctx.actor.kind !== 'user') return 'invalid';
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user?.totpSecret || !user.totpEnabledAt) return 'invalid';
  const now = ctx.clock.now();
  if (user.lockedUntil && user.lockedUntil > now) return 'locked';
  const step = verifyTotp(user.totpSecret, input.code, now, user.totpLastStep);
  if (step === undefined || !(await claimTotpStep(ctx.db, user.id, step))) {
    return (await recordFailedAttempt(ctx, user, ctx.login, 'totp')) ? 'locked' : 'invalid';
  }
  await ctx.db.transaction(async (tx) => {
    await markMfaVerified(tx, ctx.clock, ctx.sessionIdHash);
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'user.logged_in', target: { type: 'user', id: user.id }, summary: { after: { mfa: 'totp' } } });
  });
  return 'ok';
};
