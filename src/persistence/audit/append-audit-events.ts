// Append many events to the audit trail at once (bulk imports: one entry per imported record). The chain is the
// one writeAuditEvent builds: same lock, same hashed fields, each entry's prev_hash the hash of the one before,
// computed here in order; the rows then go in with one set-based INSERT whose seq follows that order, so
// verifyAuditChain cannot tell them from entries written one by one.
import { is, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { bulkRows, column } from '../bulk-arrays.js';
import { rowsOf, type Db } from '../database.js';
import { OverlappedWrites } from '../overlapped-writes.js';
import { isAuditAction } from './actions.js';
import { computeAuditHash, GENESIS_HASH } from './hash.js';
import { AuditWriteError, auditFieldsOf, lockAuditChain, type AuditEventInput } from './write-audit-event.js';

/**
 * Rows per INSERT: bounds the statement's memory (and its sort) whatever the size of the batch, and lets the
 * next chunk be hashed while the database inserts this one.
 */
const CHUNK = 5_000;

export async function appendAuditEvents(tx: Db, events: readonly AuditEventInput[]): Promise<{ count: number; lastHash: string | null }> {
  if (events.length === 0) return { count: 0, lastHash: null };
  // The lock is transaction-scoped: outside a transaction it would be gone before the insert.
  if (!is(tx, PgTransaction)) return tx.transaction((inner) => appendAuditEvents(inner, events));
  for (const e of events) if (!isAuditAction(e.action)) throw new AuditWriteError(`Unknown audit action ${String(e.action)}: add it to AUDIT_ACTIONS`);

  await lockAuditChain(tx);
  const last = rowsOf<{ hash: string }>(await tx.execute(sql`SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1`));
  let prev = last[0]?.hash ?? GENESIS_HASH;

  const now = new Date();
  const writes = new OverlappedWrites();
  for (let start = 0; start < events.length; start += CHUNK) {
    const chunk = events.slice(start, start + CHUNK);
    const rows = chunk.map((event) => {
      const f = auditFieldsOf(event, now, { roundTripSummary: false });
      const hash = computeAuditHash(prev, f);
      const row = { ...f, prevHash: prev, hash };
      prev = hash;
      return row;
    });
    const r = bulkRows(
      'r',
      {
        id: column.uuid(rows.map((e) => e.id)),
        occurred_at: column.timestamptz(rows.map((e) => e.occurredAt.toISOString())),
        actor_user_id: column.uuid(rows.map((e) => e.actorUserId)),
        actor_organisation_id: column.uuid(rows.map((e) => e.actorOrganisationId)),
        actor_kind: column.text(rows.map((e) => e.actorKind)),
        action: column.text(rows.map((e) => e.action)),
        target_type: column.text(rows.map((e) => e.targetType)),
        target_id: column.text(rows.map((e) => e.targetId)),
        summary: column.jsonb(rows.map((e) => e.summary)),
        reason: column.text(rows.map((e) => e.reason)),
        request_id: column.text(rows.map((e) => e.requestId)),
        ip: column.text(rows.map((e) => e.ip)),
        prev_hash: column.text(rows.map((e) => e.prevHash)),
        hash: column.text(rows.map((e) => e.hash)),
      },
      { ordinality: true },
    );
    // ORDER BY the position in the chain: seq (an identity) is drawn in that order. A null summary is SQL NULL,
    // as writeAuditEvent stores it.
    await writes.next(async () => {
      await tx.execute(sql`
      INSERT INTO audit_events (id, occurred_at, actor_user_id, actor_organisation_id, actor_kind, action, target_type, target_id, summary, reason, request_id, ip, prev_hash, hash)
      SELECT r.id, r.occurred_at, r.actor_user_id, r.actor_organisation_id, r.actor_kind, r.action, r.target_type, r.target_id, NULLIF(r.summary, 'null'::jsonb), r.reason, r.request_id, r.ip, r.prev_hash, r.hash
      FROM ${r}
      ORDER BY r.ord`);
    });
  }
  await writes.drain();
  return { count: events.length, lastHash: prev };
}
