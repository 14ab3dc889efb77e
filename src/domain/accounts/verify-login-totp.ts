import { writeAuditEvent } from '../../persistence/audit/index.js';
import { claimTotpStep, findUserById } from '../../persistence/repositories/users.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from './context.js';
import type { TotpContext } from './enrol-totp.js';
import { recordFailedAttempt, type LoginPolicy } from './log-in.js';
import { resealTotpSecret } from './reseal-totp-secrets.js';
import { markMfaVerified } from './sessions.js';
import { verifyTotp } from './totp.js';
import { openTotpSecret } from './totp-secret-storage.js';

export type TotpResult = 'ok' | 'invalid' | 'locked';

/** The second step of a staff sign-in: a TOTP code for the session's user. A code is accepted once per time step. */
export const verifyLoginTotp = async (
  ctx: TotpContext & { login: LoginPolicy; sessionIdHash: string },
  input: { code: string },
): Promise<TotpResult> => {
  authorize(ctx.actor, 'account.mfa_setup');
  if (ctx.actor.kind !== 'user') return 'invalid';
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user?.totpSecret || !user.totpEnabledAt) return 'invalid';
  const now = ctx.clock.now();
  if (user.lockedUntil && user.lockedUntil > now) return 'locked';
  // A value no key opens is a configuration fault (DATA_ENCRYPTION_KEY changed without listing the old one), not a
  // wrong code: it throws rather than counting against the user.
  const stored = openTotpSecret(ctx.dataKeys, user.id, user.totpSecret);
  const step = verifyTotp(stored.secret, input.code, now, user.totpLastStep);
  if (step === undefined || !(await claimTotpStep(ctx.db, user.id, step))) {
    return (await recordFailedAttempt(ctx, user, ctx.login, 'totp')) ? 'locked' : 'invalid';
  }
  await ctx.db.transaction(async (tx) => {
    if (stored.reseal) await resealTotpSecret(tx, ctx.dataKeys, user.id, user.totpSecret!, stored.secret);
    await markMfaVerified(tx, ctx.clock, ctx.sessionIdHash);
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'user.logged_in', target: { type: 'user', id: user.id }, summary: { after: { mfa: 'totp' } } });
  });
  return 'ok';
};
