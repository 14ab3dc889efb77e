// Idempotent creates (first used by the exam staff screens: venues, sittings, question sets, sample questions,
// committees and their members, meetings and payments). Each create form carries a key (./idempotency.ts): a double
// click, a retry or a resubmitted stale form sends the same key again and gets back the row the key first created,
// marked `duplicate`, with no second row and no second audit event. A committee must never be paid twice.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../persistence/database.js';
import type { Actor } from '../access/actor.js';
import { NotFound } from '../errors.js';
import { claimOrFindFirst, idempotencyKeyOf } from './idempotency.js';

/** What a use case's context must carry for a create. */
type CreateContext = { actor: Actor; db: Db; clock: { now(): Date } };

export type Created<T> = T & { duplicate: boolean };

/**
 * Runs `create(tx, id)` in one transaction with the claim of the key for `id` (claimed first, so a concurrent
 * duplicate waits on the key's unique index and then finds it taken). When the key already created a `resourceType`
 * within `scopeId` (the parent the row belongs to, or the staff member for top-level rows), returns that row instead.
 * Without a valid key every call creates, as before.
 */
export const createOnce = async <T extends object>(
  ctx: CreateContext,
  idempotencyKey: string | undefined,
  r: { resourceType: string; scopeId: string },
  findFirst: (tx: Db, id: string) => Promise<T | undefined>,
  create: (tx: Db, id: string) => Promise<T>,
): Promise<Created<T>> => {
  const key = idempotencyKeyOf(idempotencyKey);
  const id = randomUUID();
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const firstId = key ? await claimOrFindFirst(tx, { scope: `${r.resourceType}:${r.scopeId}`, key, userId, resourceType: r.resourceType, resourceId: id, at }) : null;
    if (firstId) {
      const first = await findFirst(tx, firstId);
      if (!first) throw new NotFound(r.resourceType);
      return { ...first, duplicate: true };
    }
    return { ...(await create(tx, id)), duplicate: false };
  });
};

/** The scope of top-level creates: the signed-in staff member (the key comes from a form drawn for them). */
export const staffScope = (ctx: CreateContext): string => (ctx.actor.kind === 'user' ? ctx.actor.userId : 'system');
