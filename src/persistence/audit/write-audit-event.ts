// Append one event to the audit trail, inside the caller's transaction, so the event commits or rolls
// back with the change it describes.
import { randomUUID } from 'node:crypto';
import { desc, is, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { rowsOf, type Db } from '../database.js';
import { auditEvents } from '../schema/audit-events.js';
import type { ActorKind } from '../schema/enums.js';
import { isAuditAction, type AuditAction } from './actions.js';
import { toJsonValue } from './canonical-json.js';
import { computeAuditHash, GENESIS_HASH, type HashedAuditFields } from './hash.js';

/** Transaction-scoped advisory lock key: one writer at a time appends, so the chain never forks. */
const AUDIT_CHAIN_LOCK_KEY = 7_404_211_002;

export type AuditActor = { kind: ActorKind; userId?: string | null; organisationId?: string | null };

export type AuditEventInput = {
  action: AuditAction;
  actor: AuditActor;
  target: { type: string; id: string };
  summary?: { before?: unknown; after?: unknown };
  reason?: string;
  requestId?: string;
  ip?: string;
  occurredAt?: Date;
};

export type WrittenAuditEvent = { seq: number; id: string; hash: string };

export class AuditWriteError extends Error {
  override name = 'AuditWriteError';
}

/**
 * Takes the chain's transaction-scoped lock, so one writer at a time appends and the chain never forks. Under
 * REPEATABLE READ / SERIALIZABLE the snapshot predates the lock, so the writer could miss the newest entry and
 * fork the chain; READ COMMITTED (the default) sees it.
 */
export async function lockAuditChain(tx: Db): Promise<void> {
  const locked = rowsOf<{ iso: string }>(
    await tx.execute(
      sql`SELECT current_setting('transaction_isolation') AS iso FROM (SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY}::bigint)) AS lock`,
    ),
  );
  if (locked[0]?.iso !== 'read committed') {
    throw new AuditWriteError(`Audit events need a READ COMMITTED transaction (got ${locked[0]?.iso ?? 'unknown'})`);
  }
}

/**
 * The hashed fields of an event as stored (a fresh id; the summary as it survives jsonb). A bulk writer that
 * serialises the summary itself may skip the JSON round trip: canonicalJson and JSON.stringify give the same
 * text for a value and for its round-tripped copy.
 */
export function auditFieldsOf(event: AuditEventInput, now: Date, options: { roundTripSummary?: boolean } = {}): HashedAuditFields & { actorKind: ActorKind } {
  return {
    id: randomUUID(),
    // Millisecond precision: what a JS Date holds is exactly what timestamptz gives back.
    occurredAt: new Date((event.occurredAt ?? now).getTime()),
    actorKind: event.actor.kind,
    actorUserId: event.actor.userId ?? null,
    actorOrganisationId: event.actor.organisationId ?? null,
    action: event.action,
    targetType: event.target.type,
    targetId: event.target.id,
    summary: event.summary === undefined ? null : options.roundTripSummary === false ? event.summary : (toJsonValue(event.summary) ?? null),
    reason: event.reason ?? null,
    requestId: event.requestId ?? null,
    ip: event.ip ?? null,
  };
}

export async function writeAuditEvent(tx: Db, event: AuditEventInput): Promise<WrittenAuditEvent> {
  // Outside a transaction the lock would be released before the insert; open one.
  if (!is(tx, PgTransaction)) return tx.transaction((inner) => writeAuditEvent(inner, event));
  if (!isAuditAction(event.action)) throw new AuditWriteError(`Unknown audit action ${String(event.action)}: add it to AUDIT_ACTIONS`);

  await lockAuditChain(tx);

  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;

  const fields = auditFieldsOf(event, new Date());
  const hash = computeAuditHash(prevHash, fields);
  const [row] = await tx
    .insert(auditEvents)
    .values({ ...fields, prevHash, hash })
    .returning({ seq: auditEvents.seq });
  if (!row) throw new AuditWriteError('audit insert returned no row');
  return { seq: Number(row.seq), id: fields.id, hash };
}
