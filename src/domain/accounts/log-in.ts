import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findUserByEmail, recordLoginFailure, recordLoginSuccess, type UserRow } from '../../persistence/repositories/users.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta, type LinkContext, type UseCaseContext } from './context.js';
import { burnPasswordCheck, verifyPassword } from './password.js';
import { sendVerificationLink } from './sign-up.js';

export type LoginPolicy = { maxFailures: number; lockMinutes: number };

export type LoginResult =
  | { outcome: 'ok'; user: UserRow; secondFactor: 'none' | 'verify' | 'enrol' }
  /** Unknown email and wrong password give the same outcome: no user enumeration. */
  | { outcome: 'invalid' }
  | { outcome: 'locked'; minutes: number }
  /** Right password, address not yet confirmed: a new link has been sent. */
  | { outcome: 'unverified' };

// Failures for addresses with no account are counted in memory, so that an unknown address also "locks" after the
// same number of tries and the lock message cannot be used to find out which addresses are registered.
const unknownFailures = new Map<string, { count: number; lockedUntil: number }>();
const UNKNOWN_LIMIT = 10_000;

const countUnknownFailure = (email: string, now: Date, policy: LoginPolicy): boolean => {
  const key = email.trim().toLowerCase();
  const entry = unknownFailures.get(key) ?? { count: 0, lockedUntil: 0 };
  if (entry.lockedUntil > now.getTime()) return true;
  entry.count += 1;
  if (entry.count >= policy.maxFailures) {
    entry.count = 0;
    entry.lockedUntil = now.getTime() + policy.lockMinutes * 60_000;
  }
  if (unknownFailures.size >= UNKNOWN_LIMIT) unknownFailures.delete(unknownFailures.keys().next().value as string);
  unknownFailures.set(key, entry);
  return entry.lockedUntil > now.getTime();
};

/** Records one failed attempt (password or second factor) and locks the account at the limit. Returns true when locked. */
export const recordFailedAttempt = async (ctx: UseCaseContext, user: UserRow, policy: LoginPolicy, reason: string): Promise<boolean> => {
  const now = ctx.clock.now();
  const count = user.failedLoginCount + 1;
  const locks = count >= policy.maxFailures;
  const lockedUntil = locks ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
  await ctx.db.transaction(async (tx) => {
    await recordLoginFailure(tx, user.id, locks ? 0 : count, lockedUntil);
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'user.login_failed', target: { type: 'user', id: user.id }, summary: { after: { reason, failures: count } } });
    if (locks) {
      await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'user.locked', target: { type: 'user', id: user.id }, summary: { after: { lockedUntil: lockedUntil!.toISOString() } } });
    }
  });
  return locks;
};

/** The password step of signing in. Staff then pass (or enrol) TOTP before their session carries staff powers. */
export const logIn = async (ctx: UseCaseContext & LinkContext & { login: LoginPolicy }, input: { email: string; password: string }): Promise<LoginResult> => {
  authorize(ctx.actor, 'account.anonymous');
  const now = ctx.clock.now();
  const email = input.email.trim();
  const user = email ? await findUserByEmail(ctx.db, email) : undefined;
  if (!user || !user.passwordHash || user.disabledAt) {
    await burnPasswordCheck(input.password);
    const locked = countUnknownFailure(email, now, ctx.login);
    await writeAuditEvent(ctx.db, { ...auditMeta(ctx), action: 'user.login_failed', target: { type: 'login', id: email.toLowerCase().slice(0, 254) || '(empty)' }, summary: { after: { reason: 'unknown_or_disabled' } } });
    return locked ? { outcome: 'locked', minutes: ctx.login.lockMinutes } : { outcome: 'invalid' };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await burnPasswordCheck(input.password);
    await writeAuditEvent(ctx.db, { ...auditMeta(ctx), action: 'user.login_failed', target: { type: 'user', id: user.id }, summary: { after: { reason: 'locked' } } });
    return { outcome: 'locked', minutes: ctx.login.lockMinutes };
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const locked = await recordFailedAttempt(ctx, user, ctx.login, 'password');
    return locked ? { outcome: 'locked', minutes: ctx.login.lockMinutes } : { outcome: 'invalid' };
  }
  if (!user.emailVerifiedAt) {
    await ctx.db.transaction((tx) => sendVerificationLink({ ...ctx, db: tx }, user));
    return { outcome: 'unverified' };
  }
  const secondFactor = user.isStaff ? (user.totpEnabledAt ? 'verify' : 'enrol') : 'none';
  await ctx.db.transaction(async (tx) => {
    await recordLoginSuccess(tx, user.id, now);
    if (secondFactor === 'none') {
      await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'user.logged_in', target: { type: 'user', id: user.id }, summary: { after: { mfa: false } } });
    }
  });
  return { outcome: 'ok', user, secondFactor };
};
