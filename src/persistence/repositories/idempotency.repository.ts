// Idempotency keys: recorded in the same transaction as the resource they created. The unique (scope, key)
// constraint makes a concurrent duplicate fail; the caller then finds the first request's resource.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../database.js';
import { idempotencyKeys } from '../schema/drafts.js';

export type IdempotencyRecord = { resourceType: string; resourceId: string };

export async function findIdempotencyRecord(db: Db, scope: string, key: string): Promise<IdempotencyRecord | undefined> {
  const [row] = await db
    .select({ resourceType: idempotencyKeys.resourceType, resourceId: idempotencyKeys.resourceId })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .limit(1);
  return row;
}

/** Returns false when the key was already taken (nothing is inserted then). */
export async function insertIdempotencyRecord(
  db: Db,
  r: { scope: string; key: string; userId: string | null; resourceType: string; resourceId: string; at: Date },
): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values({ scope: r.scope, key: r.key, userId: r.userId, resourceType: r.resourceType, resourceId: r.resourceId, createdAt: r.at })
    .onConflictDoNothing({ target: [idempotencyKeys.scope, idempotencyKeys.key] })
    .returning({ id: idempotencyKeys.id });
  return rows.length > 0;
}
