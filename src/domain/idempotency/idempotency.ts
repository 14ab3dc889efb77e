import { randomUUID } from 'node:crypto';
import type { Db } from '../../persistence/database.js';
import { findIdempotencyRecord, insertIdempotencyRecord } from '../../persistence/repositories/idempotency.repository.js';

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
