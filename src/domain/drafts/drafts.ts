import type { Db } from '../../persistence/database.js';
import { deleteDraft, findDraft, upsertDraft } from '../../persistence/repositories/drafts.repository.js';

// Drafts of long forms: saved at every step so a timeout or a closed tab never loses work. A draft belongs to the
// user who wrote it; the caller has already authorised the form it belongs to.

export type Draft<T> = { data: T; version: number; updatedAt: Date };

export const loadDraft = async <T extends object>(db: Db, ownerUserId: string, kind: string, key: string): Promise<Draft<T> | undefined> => {
  const row = await findDraft(db, ownerUserId, kind, key);
  return row ? { data: row.data as T, version: row.version, updatedAt: row.updatedAt } : undefined;
};

/** Merges `patch` into the saved answers and returns the new version. */
export const saveDraft = async <T extends object>(db: Db, ownerUserId: string, kind: string, key: string, patch: Partial<T>, at: Date): Promise<{ data: T; version: number }> => {
  const existing = await findDraft(db, ownerUserId, kind, key);
  const data = { ...((existing?.data ?? {}) as T), ...patch };
  const version = await upsertDraft(db, { ownerUserId, kind, key, data: data as Record<string, unknown>, at });
  return { data, version };
};

export const discardDraft = (db: Db, ownerUserId: string, kind: string, key: string): Promise<void> => deleteDraft(db, ownerUserId, kind, key);
