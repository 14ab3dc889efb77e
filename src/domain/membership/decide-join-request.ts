import { createHash } from 'node:crypto';
import { authorize } from '../access/policies.js';
import { actorUserId } from '../access/actor.js';
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import { claimIdempotencyKey, findIdempotentResult, isIdempotencyKey } from '../idempotency/idempotency.js';
import { findJoinRequest, type JoinRequestRow } from '../../persistence/repositories/join-requests.repository.js';
import { approveJoinRequest } from './approve-join-request.js';
import type { MembershipContext } from './context.js';
import { refuseJoinRequest } from './refuse-join-request.js';
import { requestJoinCorrection } from './request-join-correction.js';
import { startReview } from './start-review.js';

// A reviewer's decision on a join request, safe to retry. Each decision is guarded by the lock_version the reviewer
// saw, so repeating it after it succeeded meets a Conflict: nothing is done twice, but the caller cannot tell "my
// first attempt went through" from "someone else got there first". With an Idempotency-Key the key is claimed in
// the same transaction as the decision (the use case's own transaction becomes a savepoint inside it), so a retry
// with the same key and the same request returns the request as it is now instead of a Conflict; a failed decision
// rolls the claim back with it, so the key can be used again.

export type ReviewDecision =
  | { kind: 'start_review' }
  | { kind: 'request_correction'; message: string }
  | { kind: 'refuse'; grounds: string[]; message: string }
  | { kind: 'approve' };

export type DecisionOutcome = { request: JoinRequestRow; replayed: boolean };

const KEY_REUSED = {
  ja: 'この Idempotency-Key は別の申請または別の内容の操作に使われています。新しいキーで送信してください。',
  en: 'This Idempotency-Key was already used for another application or a different decision. Send the request with a new key.',
};

/** Keys are the reviewer's own: two reviewers who happen to pick the same key never see each other's decision. */
const scopeOf = (ctx: MembershipContext): string => `join_request_review:${actorUserId(ctx.actor) ?? 'system'}`;

/**
 * What the key stands for: the request, the decision and its input. The record keeps it as the resource type, so a
 * key reused with anything different is refused rather than answered with another decision's result.
 */
const fingerprintOf = (id: string, lockVersion: number, d: ReviewDecision): string => {
  const input = { id, lockVersion, ...d, ...('grounds' in d ? { grounds: [...d.grounds].sort() } : {}) };
  return `join_request.${d.kind}:${createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 32)}`;
};

const run = (ctx: MembershipContext, id: string, lockVersion: number, d: ReviewDecision): Promise<unknown> => {
  switch (d.kind) {
    case 'start_review':
      return startReview(ctx, id, lockVersion);
    case 'request_correction':
      return requestJoinCorrection(ctx, id, lockVersion, d.message);
    case 'refuse':
      return refuseJoinRequest(ctx, id, lockVersion, d.message, d.grounds);
    case 'approve':
      return approveJoinRequest(ctx, id, lockVersion);
  }
};

const current = async (ctx: MembershipContext, id: string): Promise<JoinRequestRow> => {
  const row = await findJoinRequest(ctx.db, id);
  if (!row) throw new NotFound('join_request');
  return row;
};

const replay = async (ctx: MembershipContext, id: string, fingerprint: string, earlier: { resourceType: string; resourceId: string }): Promise<DecisionOutcome> => {
  if (earlier.resourceType !== fingerprint || earlier.resourceId !== id) throw new InvalidInput([{ field: 'Idempotency-Key', message: KEY_REUSED }]);
  return { request: await current(ctx, id), replayed: true };
};

/** Starts review, requests a correction, refuses or approves; with `idempotencyKey`, at most once per key. */
export const decideJoinRequest = async (
  ctx: MembershipContext,
  id: string,
  lockVersion: number,
  decision: ReviewDecision,
  idempotencyKey?: string,
): Promise<DecisionOutcome> => {
  authorize(ctx.actor, 'join_request.review');
  if (idempotencyKey === undefined) {
    await run(ctx, id, lockVersion, decision);
    return { request: await current(ctx, id), replayed: false };
  }
  if (!isIdempotencyKey(idempotencyKey)) {
    throw new InvalidInput([{ field: 'Idempotency-Key', message: { ja: 'Idempotency-Key は16〜100文字の英数字・-・_ で指定してください', en: 'The Idempotency-Key must be 16–100 of A–Z, a–z, 0–9, - or _' } }]);
  }
  const scope = scopeOf(ctx);
  const fingerprint = fingerprintOf(id, lockVersion, decision);
  const earlier = await findIdempotentResult(ctx.db, scope, idempotencyKey);
  if (earlier) return replay(ctx, id, fingerprint, earlier);
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    // A concurrent duplicate waits here on the unique (scope, key) index until the first commits, then replays it.
    const claimed = await claimIdempotencyKey(tx, { scope, key: idempotencyKey, userId: actorUserId(ctx.actor) ?? null, resourceType: fingerprint, resourceId: id, at: ctx.clock.now() });
    if (!claimed) {
      const first = await findIdempotentResult(tx, scope, idempotencyKey);
      if (!first) throw new Conflict('idempotency key taken without a record');
      return replay(txCtx, id, fingerprint, first);
    }
    await run(txCtx, id, lockVersion, decision);
    return { request: await current(txCtx, id), replayed: false };
  });
};
