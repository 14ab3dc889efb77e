import { writeAuditEvent } from '../../persistence/audit/index.js';
import { consumeUserToken } from '../../persistence/repositories/user-tokens.repository.js';
import { markEmailVerified } from '../../persistence/repositories/users.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta, type UseCaseContext } from './context.js';
import { sha256Hex } from './secrets.js';

/** Consumes an email-verification link. False when the link is unknown, used or older than 24 hours. */
export const verifyEmail = async (ctx: UseCaseContext, token: string): Promise<boolean> => {
  authorize(ctx.actor, 'account.anonymous');
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return false;
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const consumed = await consumeUserToken(tx, 'verify_email', sha256Hex(token), now);
    if (!consumed) return false;
    await markEmailVerified(tx, consumed.userId, now);
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'user.email_verified', target: { type: 'user', id: consumed.userId } });
    return true;
  });
};
