import { writeAuditEvent } from '../../persistence/audit/index.js';
import { claimTotpStep, enableTotp, findUserById, setTotpSecret } from '../../persistence/repositories/users.repository.js';
import { authorize } from '../access/policies.js';
import { DataDecryptionError, type DataKeyring } from '../crypto/data-encryption.js';
import { Conflict, NotFound } from '../errors.js';
import { auditMeta, type UseCaseContext } from './context.js';
import { markMfaVerified } from './sessions.js';
import { generateTotpSecret, otpauthUri, verifyTotp } from './totp.js';
import { openTotpSecret, sealTotpSecret } from './totp-secret-storage.js';
import { resealTotpSecret } from './reseal-totp-secrets.js';

/** TOTP use cases read and write the secret sealed under the data-encryption keys (config DATA_ENCRYPTION_KEY). */
export type TotpContext = UseCaseContext & { dataKeys: DataKeyring };

/** An unconfirmed secret no key opens any more is simply replaced: nothing depends on it yet. */
const openPendingSecret = (ctx: TotpContext, userId: string, stored: string) => {
  try {
    return openTotpSecret(ctx.dataKeys, userId, stored);
  } catch (error) {
    if (error instanceof DataDecryptionError) return undefined;
    throw error;
  }
};

/**
 * Starts (or restarts) TOTP enrolment for the signed-in user who has not enrolled yet: a new secret is stored sealed,
 * not yet enabled. Returns the secret and the otpauth:// URI for the QR code.
 */
export const beginTotpEnrolment = async (ctx: TotpContext): Promise<{ secret: string; uri: string }> => {
  authorize(ctx.actor, 'account.mfa_setup');
  if (ctx.actor.kind !== 'user') throw new NotFound('user');
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user) throw new NotFound('user');
  if (user.totpEnabledAt) throw new Conflict('totp already enabled', { ja: '2段階認証はすでに設定されています。', en: 'Two-factor authentication is already set up.' });
  const pending = user.totpSecret ? openPendingSecret(ctx, user.id, user.totpSecret) : undefined;
  if (pending) {
    if (pending.reseal) await resealTotpSecret(ctx.db, ctx.dataKeys, user.id, user.totpSecret!, pending.secret);
    return { secret: pending.secret, uri: otpauthUri(pending.secret, user.email) };
  }
  const secret = generateTotpSecret();
  await setTotpSecret(ctx.db, user.id, sealTotpSecret(ctx.dataKeys, user.id, secret));
  return { secret, uri: otpauthUri(secret, user.email) };
};

/** Confirms enrolment with a first code from the app; enables TOTP and marks this session as verified. */
export const confirmTotpEnrolment = async (ctx: TotpContext & { sessionIdHash: string }, input: { code: string }): Promise<boolean> => {
  authorize(ctx.actor, 'account.mfa_setup');
  if (ctx.actor.kind !== 'user') return false;
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user?.totpSecret || user.totpEnabledAt) return false;
  const stored = openTotpSecret(ctx.dataKeys, user.id, user.totpSecret);
  const now = ctx.clock.now();
  const step = verifyTotp(stored.secret, input.code, now, user.totpLastStep);
  if (step === undefined) return false;
  return ctx.db.transaction(async (tx) => {
    if (!(await claimTotpStep(tx, user.id, step))) return false;
    if (stored.reseal) await resealTotpSecret(tx, ctx.dataKeys, user.id, user.totpSecret!, stored.secret);
    await enableTotp(tx, user.id, now);
    await markMfaVerified(tx, ctx.clock, ctx.sessionIdHash);
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'user.totp_enabled', target: { type: 'user', id: user.id } });
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'user.logged_in', target: { type: 'user', id: user.id }, summary: { after: { mfa: 'totp_enrolled' } } });
    return true;
  });
};
