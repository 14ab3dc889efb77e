// Walk the whole trail in seq order, in batches (constant memory, fine for millions of rows), and
// recompute every link.
import { asc, gt } from 'drizzle-orm';
import type { Db } from '../database.js';
import { auditEvents } from '../schema/audit-events.js';
import { computeAuditHash, GENESIS_HASH } from './hash.js';

export type AuditChainResult = { ok: true; count: number } | { ok: false; brokenAtSeq: number; reason: string; count: number };

export async function verifyAuditChain(db: Db, options: { batchSize?: number } = {}): Promise<AuditChainResult> {
  const batchSize = options.batchSize ?? 5_000;
  let expectedPrev = GENESIS_HASH;
  let lastSeq = 0;
  let count = 0;
  for (;;) {
    const batch = await db.select().from(auditEvents).where(gt(auditEvents.seq, lastSeq)).orderBy(asc(auditEvents.seq)).limit(batchSize);
    for (const row of batch) {
      const seq = Number(row.seq);
      if (row.prevHash !== expectedPrev) {
        return { ok: false, brokenAtSeq: seq, count, reason: 'prev_hash does not match the hash of the entry before it (an entry was removed, inserted or reordered)' };
      }
      const recomputed = computeAuditHash(row.prevHash, {
        id: row.id,
        occurredAt: row.occurredAt,
        actorKind: row.actorKind,
        actorUserId: row.actorUserId,
        actorOrganisationId: row.actorOrganisationId,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        summary: row.summary,
        reason: row.reason,
        requestId: row.requestId,
        ip: row.ip,
      });
      if (recomputed !== row.hash) {
        return { ok: false, brokenAtSeq: seq, count, reason: 'hash does not match the entry\'s contents (the entry was changed)' };
      }
      expectedPrev = row.hash;
      lastSeq = seq;
      count += 1;
    }
    if (batch.length < batchSize) return { ok: true, count };
  }
}
