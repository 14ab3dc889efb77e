// Single-use mail-link tokens (email verification, password reset); only the sha-256 is stored.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../database.js';
import { userTokens } from '../schema/auth.js';
import type { UserTokenPurpose } from '../schema/enums.js';

export async function insertUserToken(
  db: Db,
  token: { purpose: UserTokenPurpose; tokenHash: string; userId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(userTokens).values(token);
}

/** Marks a live token used and returns its user; undefined when unknown, used, expired or of another purpose. */
export async function consumeUserToken(db: Db, purpose: UserTokenPurpose, tokenHash: string, at: Date): Promise<{ userId: string } | undefined> {
  const [row] = await db
    .update(userTokens)
    .set({ usedAt: at })
    .where(and(eq(userTokens.tokenHash, tokenHash), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt), gt(userTokens.expiresAt, at)))
    .returning({ userId: userTokens.userId });
  return row;
}

/** Whether a live token exists (to show the form before consuming it on submit). */
export async function findLiveUserToken(db: Db, purpose: UserTokenPurpose, tokenHash: string, at: Date): Promise<{ userId: string } | undefined> {
  const [row] = await db
    .select({ userId: userTokens.userId })
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, tokenHash), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt), gt(userTokens.expiresAt, at)))
    .limit(1);
  return row;
}

/** Invalidates every outstanding token of a purpose for a user (a new link replaces the old ones). */
export async function invalidateUserTokens(db: Db, userId: string, purpose: UserTokenPurpose, at: Date): Promise<void> {
  await db
    .update(userTokens)
    .set({ usedAt: at })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
}
