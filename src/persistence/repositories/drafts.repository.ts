// Form drafts: one row per (owner, kind, key); `version` is bumped on every save so two tabs cannot silently
// overwrite each other.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { drafts } from '../schema/drafts.js';

export type DraftRow = typeof drafts.$inferSelect;

export async function findDraft(db: Db, ownerUserId: string, kind: string, key: string): Promise<DraftRow | undefined> {
  const [row] = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.ownerUserId, ownerUserId), eq(drafts.kind, kind), eq(drafts.key, key)))
    .limit(1);
  return row;
}

/** Inserts or replaces the draft's data; returns the new version. */
export async function upsertDraft(db: Db, d: { ownerUserId: string; kind: string; key: string; data: Record<string, unknown>; at: Date }): Promise<number> {
  const [row] = await db
    .insert(drafts)
    .values({ ownerUserId: d.ownerUserId, kind: d.kind, key: d.key, data: d.data, createdAt: d.at, updatedAt: d.at })
    .onConflictDoUpdate({
      target: [drafts.ownerUserId, drafts.kind, drafts.key],
      set: { data: d.data, version: sql`${drafts.version} + 1`, updatedAt: d.at },
    })
    .returning({ version: drafts.version });
  return row?.version ?? 1;
}

export async function deleteDraft(db: Db, ownerUserId: string, kind: string, key: string): Promise<void> {
  await db.delete(drafts).where(and(eq(drafts.ownerUserId, ownerUserId), eq(drafts.kind, kind), eq(drafts.key, key)));
}
