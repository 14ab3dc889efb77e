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

export async function writeAuditEvent(tx: Db, event: AuditEventInput): Promise<WrittenAuditEvent> {
  // Outside a transaction the lock would be released before the insert; open one.
  if (!is(tx, PgTransaction)) return tx.transaction((inner) => writeAuditEvent(inner, event));
  if (!isAuditAction(event.action)) throw new AuditWriteError(`Unknown audit action ${String(event.action)}: add it to AUDIT_ACTIONS`);

  const locked = rowsOf<{ iso: string }>(
    await tx.execute(
      sql`SELECT current_setting('transaction_isolation') AS iso FROM (SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY}::bigint)) AS lock`,
    ),
  );
  // Under REPEATABLE READ / SERIALIZABLE the snapshot predates the lock, so we could miss the newest
  // entry and fork the chain. READ COMMITTED (the default) sees it.
  if (locked[0]?.iso !== 'read committed') {
    throw new AuditWriteError(`writeAuditEvent needs a READ COMMITTED transaction (got ${locked[0]?.iso ?? 'unknown'})`);
  }

  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;

  const summary = event.summary === undefined ? null : (toJsonValue(event.summary) ?? null);
  const fields: HashedAuditFields & { actorKind: ActorKind } = {
    id: randomUUID(),
    // Millisecond precision: what a JS Date holds is exactly what timestamptz gives back.
    occurredAt: new Date((event.occurredAt ?? new Date()).getTime()),
    actorKind: event.actor.kind,
    actorUserId: event.actor.userId ?? null,
    actorOrganisationId: event.actor.organisationId ?? null,
    action: event.action,
    targetType: event.target.type,
    targetId: event.target.id,
    summary,
    reason: event.reason ?? null,
    requestId: event.requestId ?? null,
    ip: event.ip ?? null,
  };
  const hash = computeAuditHash(prevHash, fields);
  const [row] = await tx
    .insert(auditEvents)
    .values({ ...fields, prevHash, hash })
    .returning({ seq: auditEvents.seq });
  if (!row) throw new AuditWriteError('audit insert returned no row');
  return { seq: Number(row.seq), id: fields.id, hash };
}
