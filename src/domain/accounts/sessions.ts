import { isStaff, type Actor } from '../access/actor.js';
import type { Db } from '../../persistence/database.js';
import { findUserById, type UserRow } from '../../persistence/repositories/users.repository.js';
import {
  findSession,
  insertSession,
  markSessionMfaVerified,
  revokeSession,
  touchSession,
  type SessionRow,
} from '../../persistence/repositories/sessions.repository.js';
import { buildUserActor } from './build-actor.js';
import type { Clock } from './context.js';
import { randomSecret, sha256Hex } from './secrets.js';

// Server-side sessions. The cookie holds a random token; the table holds only its sha-256. Idle timeout slides with
// activity (last_seen is written at most once a minute), capped by an absolute timeout; logout revokes.

export type SessionPolicy = { idleMinutes: number; absoluteHours: number };

/** last_seen_at (and so the idle expiry) is written at most this often. */
export const TOUCH_INTERVAL_MS = 60_000;

export const startSession = async (
  db: Db,
  clock: Clock,
  policy: SessionPolicy,
  input: { userId: string; mfaVerified: boolean; ip?: string; userAgent?: string },
): Promise<{ token: string; idHash: string }> => {
  const token = randomSecret();
  const idHash = sha256Hex(token);
  const now = clock.now();
  const absoluteExpiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
  const idleExpiresAt = new Date(Math.min(now.getTime() + policy.idleMinutes * 60_000, absoluteExpiresAt.getTime()));
  await insertSession(db, {
    idHash,
    userId: input.userId,
    createdAt: now,
    idleExpiresAt,
    absoluteExpiresAt,
    mfaVerifiedAt: input.mfaVerified ? now : null,
    ...(input.ip ? { ip: input.ip } : {}),
    ...(input.userAgent ? { userAgent: input.userAgent.slice(0, 300) } : {}),
  });
  return { token, idHash };
};

export type ResolvedSession =
  | { status: 'none' }
  /** The token names a session that timed out (not one that was revoked): the caller may recover a posted form. */
  | { status: 'expired'; userId: string; idHash: string }
  | { status: 'active'; session: SessionRow; user: UserRow; actor: Extract<Actor, { kind: 'user' }> };

export const resolveSession = async (db: Db, clock: Clock, policy: SessionPolicy, token: string): Promise<ResolvedSession> => {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { status: 'none' };
  const idHash = sha256Hex(token);
  const session = await findSession(db, idHash);
  if (!session || session.revokedAt) return { status: 'none' };
  const now = clock.now();
  if (now >= session.idleExpiresAt || now >= session.absoluteExpiresAt) return { status: 'expired', userId: session.userId, idHash };
  const user = await findUserById(db, session.userId);
  if (!user || user.disabledAt) return { status: 'none' };
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    const idle = new Date(Math.min(now.getTime() + policy.idleMinutes * 60_000, session.absoluteExpiresAt.getTime()));
    await touchSession(db, idHash, now, idle);
  }
  const actor = await buildUserActor(db, user, session.mfaVerifiedAt !== null);
  // A staff member who has not passed the second factor in this session acts with no staff powers.
  return { status: 'active', session, user, actor: isStaff(actor) ? actor : { ...actor, mfaVerified: session.mfaVerifiedAt !== null } };
};

export const endSession = async (db: Db, clock: Clock, idHash: string): Promise<void> => revokeSession(db, idHash, clock.now());

export const markMfaVerified = async (db: Db, clock: Clock, idHash: string): Promise<void> => markSessionMfaVerified(db, idHash, clock.now());
