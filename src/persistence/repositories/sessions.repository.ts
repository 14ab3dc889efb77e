// Sessions (only the sha-256 of the cookie token is stored) and the drafts recovered from expired sessions.
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../database.js';
import { sessions } from '../schema/auth.js';
import { drafts } from '../schema/drafts.js';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(
  db: Db,
  session: { idHash: string; userId: string; createdAt: Date; idleExpiresAt: Date; absoluteExpiresAt: Date; ip?: string; userAgent?: string; mfaVerifiedAt?: Date | null },
): Promise<void> {
  await db.insert(sessions).values({ ...session, lastSeenAt: session.createdAt, ip: session.ip ?? null, userAgent: session.userAgent ?? null });
}

export async function findSession(db: Db, idHash: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.idHash, idHash)).limit(1);
  return row;
}

export async function touchSession(db: Db, idHash: string, lastSeenAt: Date, idleExpiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt, idleExpiresAt }).where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt)));
}

export async function markSessionMfaVerified(db: Db, idHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ mfaVerifiedAt: at }).where(eq(sessions.idHash, idHash));
}

export async function revokeSession(db: Db, idHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: at }).where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt)));
}

/** Revokes every live session of a user, except (optionally) the one making the change. */
export async function revokeUserSessions(db: Db, userId: string, at: Date, exceptIdHash?: string): Promise<number> {
  const conditions = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
  if (exceptIdHash) conditions.push(ne(sessions.idHash, exceptIdHash));
  const rows = await db.update(sessions).set({ revokedAt: at }).where(and(...conditions)).returning({ idHash: sessions.idHash });
  return rows.length;
}

export const RECOVERED_DRAFT_KIND = 'recovered';

/** Saves (or replaces) the form posted after a session expired, keyed by the path it was posted to. */
export async function upsertRecoveredDraft(db: Db, userId: string, key: string, data: Record<string, unknown>): Promise<void> {
  await db
    .insert(drafts)
    .values({ ownerUserId: userId, kind: RECOVERED_DRAFT_KIND, key, data })
    .onConflictDoUpdate({ target: [drafts.ownerUserId, drafts.kind, drafts.key], set: { data, version: 1 } });
}

export async function findRecoveredDraft(db: Db, userId: string, key: string): Promise<{ data: Record<string, unknown>; updatedAt: Date } | undefined> {
  const [row] = await db
    .select({ data: drafts.data, updatedAt: drafts.updatedAt })
    .from(drafts)
    .where(and(eq(drafts.ownerUserId, userId), eq(drafts.kind, RECOVERED_DRAFT_KIND), eq(drafts.key, key)))
    .limit(1);
  return row;
}

export async function deleteRecoveredDraft(db: Db, userId: string, key: string): Promise<void> {
  await db.delete(drafts).where(and(eq(drafts.ownerUserId, userId), eq(drafts.kind, RECOVERED_DRAFT_KIND), eq(drafts.key, key)));
}
