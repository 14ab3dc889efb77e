// Users: accounts, credentials and lockout state. Emails are matched case-insensitively (users_email_lower_key).
import { and, asc, eq, ilike, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { users } from '../schema/users.js';

export type UserRow = typeof users.$inferSelect;
export type NewUser = {
  /** Given when a column must be bound to the id before the insert (the sealed TOTP secret). */
  id?: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  locale: 'ja' | 'en';
  isStaff: boolean;
  emailVerifiedAt: Date | null;
  /** Sealed (src/domain/accounts/totp-secret-storage.ts), never the bare base32 secret. */
  totpSecret?: string | null;
  totpEnabledAt?: Date | null;
  createdAt?: Date;
};

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({
      ...(user.id ? { id: user.id } : {}),
      email: user.email,
      displayName: user.displayName,
      passwordHash: user.passwordHash,
      locale: user.locale,
      isStaff: user.isStaff,
      emailVerifiedAt: user.emailVerifiedAt,
      totpSecret: user.totpSecret ?? null,
      totpEnabledAt: user.totpEnabledAt ?? null,
      ...(user.createdAt ? { createdAt: user.createdAt, updatedAt: user.createdAt } : {}),
    })
    .returning();
  if (!row) throw new Error('insert users returned no row');
  return row;
}

export async function recordLoginFailure(db: Db, id: string, failedLoginCount: number, lockedUntil: Date | null): Promise<void> {
  await db.update(users).set({ failedLoginCount, lockedUntil }).where(eq(users.id, id));
}

export async function recordLoginSuccess(db: Db, id: string, at: Date): Promise<void> {
  await db.update(users).set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: at }).where(eq(users.id, id));
}

export async function setPasswordHash(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, id));
}

export async function markEmailVerified(db: Db, id: string, at: Date): Promise<void> {
  await db.update(users).set({ emailVerifiedAt: at }).where(and(eq(users.id, id), isNull(users.emailVerifiedAt)));
}

/** Starts a new enrolment with a sealed secret (not yet enabled). */
export async function setTotpSecret(db: Db, id: string, sealedSecret: string | null): Promise<void> {
  await db.update(users).set({ totpSecret: sealedSecret, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, id));
}

/** Re-seals a stored secret (new key, or a plaintext row) only if it is still what was read: false when it changed. */
export async function replaceTotpSecret(db: Db, id: string, expected: string, sealedSecret: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpSecret: sealedSecret })
    .where(and(eq(users.id, id), eq(users.totpSecret, expected)))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** Stored TOTP secrets that do not start with `prefix` (the current key's envelope): plaintext, or a retired key. */
export async function listTotpSecretsWithoutPrefix(db: Db, prefix: string): Promise<{ id: string; totpSecret: string }[]> {
  const rows = await db
    .select({ id: users.id, totpSecret: users.totpSecret })
    .from(users)
    // left() rather than LIKE: the prefix is base64url, where `_` would be a LIKE wildcard.
    .where(and(isNotNull(users.totpSecret), sql`left(${users.totpSecret}, ${prefix.length}) <> ${prefix}`))
    .orderBy(asc(users.id));
  return rows.map((r) => ({ id: r.id, totpSecret: r.totpSecret! }));
}

export async function enableTotp(db: Db, id: string, at: Date): Promise<void> {
  await db.update(users).set({ totpEnabledAt: at }).where(eq(users.id, id));
}

/** Records the accepted TOTP step only if it is newer than the last one: false means the code was a replay. */
export async function claimTotpStep(db: Db, id: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

export type UserListItem = Pick<UserRow, 'id' | 'email' | 'displayName' | 'isStaff' | 'createdAt' | 'lastLoginAt' | 'disabledAt'>;

export async function listUsers(db: Db, filter: { text?: string; staffOnly?: boolean; limit?: number } = {}): Promise<UserListItem[]> {
  const conditions = [];
  if (filter.text?.trim()) {
    const pattern = `%${filter.text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.email, pattern), ilike(users.displayName, pattern)));
  }
  if (filter.staffOnly) conditions.push(eq(users.isStaff, true));
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      isStaff: users.isStaff,
      createdAt: users.createdAt,
      lastLoginAt: users.lastLoginAt,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(users.email))
    .limit(Math.min(filter.limit ?? 100, 500));
}
