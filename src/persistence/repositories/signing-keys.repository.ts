import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../database.js';
import { signingKeys } from '../schema/exams.js';

export type SigningKeyRow = typeof signingKeys.$inferSelect;

export const findActiveSigningKey = async (db: Db, purpose: string): Promise<SigningKeyRow | undefined> =>
  (await db.select().from(signingKeys).where(and(eq(signingKeys.purpose, purpose), isNull(signingKeys.retiredAt))).limit(1))[0];

/** Inserts unless another instance made the active key of this purpose first (partial unique index). */
export const insertSigningKeyIfAbsent = async (db: Db, row: { kid: string; purpose: string; publicKey: string; privateKeyEncrypted: string; createdAt: Date }): Promise<boolean> => {
  const inserted = await db.insert(signingKeys).values(row).onConflictDoNothing().returning({ id: signingKeys.id });
  return inserted.length === 1;
};

export const listSigningKeys = (db: Db, purpose?: string): Promise<SigningKeyRow[]> =>
  db
    .select()
    .from(signingKeys)
    .where(purpose ? eq(signingKeys.purpose, purpose) : undefined)
    .orderBy(asc(signingKeys.purpose), asc(signingKeys.createdAt));
