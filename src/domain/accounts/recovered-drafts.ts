import type { Db } from '../../persistence/database.js';
import { deleteRecoveredDraft, findRecoveredDraft, upsertRecoveredDraft } from '../../persistence/repositories/sessions.repository.js';

// "Never lose a draft on timeout." When a form is posted with a session that has timed out, the HTTP layer saves
// the posted fields (never `_csrf` or passwords) as a `drafts` row of kind `recovered`, keyed by the path posted
// to, and sends the user to /login?next=<path>&recovered=1. After signing in, the page at <path> calls
// `loadRecoveredDraft(db, userId, path)` to pre-fill its form, and `discardRecoveredDraft` once saved for real.

const EXCLUDED = /^(_csrf|.*password.*|.*passcode.*|code|token)$/i;

export const recoverableFields = (body: unknown): Record<string, unknown> | undefined => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (EXCLUDED.test(key)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value;
  }
  return Object.keys(out).length ? out : undefined;
};

export const saveRecoveredDraft = async (db: Db, userId: string, path: string, fields: Record<string, unknown>): Promise<void> =>
  upsertRecoveredDraft(db, userId, path, fields);

/** The fields posted to `path` when the user's session had timed out, if any. */
export const loadRecoveredDraft = async (db: Db, userId: string, path: string): Promise<Record<string, unknown> | undefined> =>
  (await findRecoveredDraft(db, userId, path))?.data;

export const discardRecoveredDraft = async (db: Db, userId: string, path: string): Promise<void> => deleteRecoveredDraft(db, userId, path);
