import { randomUUID } from 'node:crypto';
import type { Db } from '../../persistence/database.js';
import { findIdempotencyRecord, insertIdempotencyRecord } from '../../persistence/repositories/idempotency.repository.js';
import { Conflict } from '../errors.js';

// Idempotent submissions. Every render of a submit form carries a fresh key; the use case records the key in the
// same transaction as the resource it creates. A double click or a retry sends the same key and gets the first
// request's resource back instead of a second one. Concurrent duplicates meet on the unique (scope, key) index:
// the second INSERT waits for the first transaction and then finds the key taken.

export const newIdempotencyKey = (): string => randomUUID();

const KEY_PATTERN = /^[A-Za-z0-9_-]{16,100}$/;
export const isIdempotencyKey = (value: unknown): value is string => typeof value === 'string' && KEY_PATTERN.test(value);

export const findIdempotentResult = (db: Db, scope: string, key: string) => findIdempotencyRecord(db, scope, key);

/** Claims the key for a resource about to be created in this transaction; false when another request holds it. */
export const claimIdempotencyKey = (
  tx: Db,
  r: { scope: string; key: string; userId: string | null; resourceType: string; resourceId: string; at: Date },
): Promise<boolean> => insertIdempotencyRecord(tx, r);

/**
 * Claims the key for `resourceId` (about to be created in this transaction, so call it before the INSERT: a concurrent
 * duplicate then waits on the unique index instead of racing past the check). Returns null when this request holds the
 * key, or the id of the resource the key already created (a double submit or a retry): return that one instead.
 */
export const claimOrFindFirst = async (
  tx: Db,
  r: { scope: string; key: string; userId: string | null; resourceType: string; resourceId: string; at: Date },
): Promise<string | null> => {
  if (await claimIdempotencyKey(tx, r)) return null;
  const first = await findIdempotentResult(tx, r.scope, r.key);
  if (!first || first.resourceType !== r.resourceType) throw new Conflict('idempotency key taken without a record');
  return first.resourceId;
};

/** The key a form or header sent, when it is one (anything else is treated as no key: the request is not deduplicated). */
export const idempotencyKeyOf = (value: unknown): string | undefined => (isIdempotencyKey(value) ? value : undefined);

/**
 * The key to draw into a submit form: the one it posted when it is shown again after bad input (nothing was created,
 * so its next submit is still the first), otherwise a fresh one (a freshly loaded form creates a new record).
 */
export const keepOrDrawKey = (posted: unknown): string => idempotencyKeyOf(posted) ?? newIdempotencyKey();
