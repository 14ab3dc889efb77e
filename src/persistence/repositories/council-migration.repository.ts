// Migration from the council (M11): import batches, and the bulk writes that apply one in a single transaction.
// Bulk rows travel as one JSON parameter expanded with json_to_recordset, so 50,000 rows are a handful of
// statements on both PGlite and PostgreSQL. Ids are made by the caller so related rows can be linked without
// round trips.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { rowsOf, type Db } from '../database.js';
import { computeAuditHash, GENESIS_HASH } from '../audit/hash.js';
import { toJsonValue } from '../audit/canonical-json.js';
import { isAuditAction, type AuditAction } from '../audit/actions.js';
import type { AuditActor } from '../audit/write-audit-event.js';
import { councilMigrationBatches, type CouncilMigrationBatchStatus } from '../schema/roster-snapshots.js';

export type CouncilMigrationBatchRow = typeof councilMigrationBatches.$inferSelect;
export type BatchSummary = Omit<CouncilMigrationBatchRow, 'rawCsv'>;

const json = (value: unknown) => sql`${JSON.stringify(value)}::json`;

export async function insertMigrationBatch(db: Db, b: { fileName: string; fileSha256: string; rawCsv: string; rowCount: number; report: unknown; status: CouncilMigrationBatchStatus; createdBy: string | null; createdAt: Date }): Promise<BatchSummary> {
  const [row] = await db
    .insert(councilMigrationBatches)
    .values({ ...b, updatedAt: b.createdAt })
    .returning();
  if (!row) throw new Error('insert council_migration_batches returned no row');
  const { rawCsv: _r, ...summary } = row;
  return summary;
}

export async function findMigrationBatch(db: Db, id: string): Promise<CouncilMigrationBatchRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return (await db.select().from(councilMigrationBatches).where(eq(councilMigrationBatches.id, id)).limit(1))[0];
}

export async function listMigrationBatches(db: Db, limit = 50): Promise<BatchSummary[]> {
  return db
    .select({
      id: councilMigrationBatches.id,
      fileName: councilMigrationBatches.fileName,
      fileSha256: councilMigrationBatches.fileSha256,
      rowCount: councilMigrationBatches.rowCount,
      report: councilMigrationBatches.report,
      status: councilMigrationBatches.status,
      createdBy: councilMigrationBatches.createdBy,
      appliedBy: councilMigrationBatches.appliedBy,
      appliedAt: councilMigrationBatches.appliedAt,
      lockVersion: councilMigrationBatches.lockVersion,
      createdAt: councilMigrationBatches.createdAt,
      updatedAt: councilMigrationBatches.updatedAt,
    })
    .from(councilMigrationBatches)
    .orderBy(desc(councilMigrationBatches.createdAt))
    .limit(limit);
}

/** Optimistic update: only when status and lock_version are still what the caller saw. False when someone else won. */
export async function updateMigrationBatchGuarded(
  db: Db,
  id: string,
  seen: { status: CouncilMigrationBatchStatus; lockVersion: number },
  set: { status: CouncilMigrationBatchStatus; appliedBy?: string | null; appliedAt?: Date; report?: unknown },
): Promise<boolean> {
  const rows = await db
    .update(councilMigrationBatches)
    .set({ ...set, lockVersion: seen.lockVersion + 1 })
    .where(and(eq(councilMigrationBatches.id, id), eq(councilMigrationBatches.status, seen.status), eq(councilMigrationBatches.lockVersion, seen.lockVersion)))
    .returning({ id: councilMigrationBatches.id });
  return rows.length === 1;
}

export async function findMigratedMemberIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT council_member_id AS id FROM council_migration_records WHERE council_member_id IN (SELECT value FROM json_array_elements_text(${json(ids)}))`),
  );
  return new Set(rows.map((r) => r.id));
}

export async function findOrganisationIdsByCorporateNumbers(db: Db, numbers: readonly string[]): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map();
  const rows = rowsOf<{ id: string; corporate_number: string }>(
    await db.execute(sql`SELECT id, corporate_number FROM organisations WHERE corporate_number IN (SELECT value FROM json_array_elements_text(${json(numbers)}))`),
  );
  return new Map(rows.map((r) => [r.corporate_number, r.id]));
}

export async function findEstablishmentsOfOrganisations(db: Db, organisationIds: readonly string[]): Promise<{ id: string; organisationId: string; name: string }[]> {
  if (organisationIds.length === 0) return [];
  const rows = rowsOf<{ id: string; organisation_id: string; name: string }>(
    await db.execute(sql`SELECT id, organisation_id, name FROM establishments WHERE organisation_id IN (SELECT value::uuid FROM json_array_elements_text(${json(organisationIds)}))`),
  );
  return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, name: r.name }));
}

export type BulkOrganisation = { id: string; name: string; nameKana: string | null; corporateNumber: string; prefecture: string; address: string };
export async function insertOrganisationsBulk(tx: Db, rows: readonly BulkOrganisation[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    INSERT INTO organisations (id, kind, name, name_kana, corporate_number, prefecture, address, created_at, updated_at)
    SELECT r.id, 'accepting_company', r.name, r.name_kana, r.corporate_number, r.prefecture, r.address, ${at}, ${at}
    FROM json_to_recordset(${json(rows.map((r) => ({ id: r.id, name: r.name, name_kana: r.nameKana, corporate_number: r.corporateNumber, prefecture: r.prefecture, address: r.address })))})
      AS r(id uuid, name text, name_kana text, corporate_number text, prefecture text, address text)`);
}

export type BulkEstablishment = { id: string; organisationId: string; name: string; prefecture: string; address: string; jsicCodes: string[] };
export async function insertEstablishmentsBulk(tx: Db, rows: readonly BulkEstablishment[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    INSERT INTO establishments (id, organisation_id, name, prefecture, address, jsic_codes, created_at, updated_at)
    SELECT r.id, r.organisation_id, r.name, r.prefecture, r.address, ARRAY(SELECT json_array_elements_text(r.jsic_codes)), ${at}, ${at}
    FROM json_to_recordset(${json(rows.map((r) => ({ id: r.id, organisation_id: r.organisationId, name: r.name, prefecture: r.prefecture, address: r.address, jsic_codes: r.jsicCodes })))})
      AS r(id uuid, organisation_id uuid, name text, prefecture text, address text, jsic_codes json)`);
}

export type BulkCouncilListing = {
  establishmentId: string;
  organisationId: string;
  listedFrom: string;
  establishmentName: string;
  organisationName: string;
  corporateNumber: string;
  prefecture: string;
  address: string;
  jsicCodes: string[];
  searchText: string;
};
/** Council listings for establishments that have none open yet (the open-listing unique index skips the rest). */
export async function insertCouncilListingsBulk(tx: Db, rows: readonly BulkCouncilListing[], at: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const result = rowsOf<{ n: number }>(
    await tx.execute(sql`
    WITH ins AS (
      INSERT INTO roster_entries (establishment_id, organisation_id, roster, listed_from, establishment_name, organisation_name, corporate_number, prefecture, address, jsic_codes, search_text, created_at, updated_at)
      SELECT r.establishment_id, r.organisation_id, 'council', r.listed_from, r.establishment_name, r.organisation_name, r.corporate_number, r.prefecture, r.address,
             ARRAY(SELECT json_array_elements_text(r.jsic_codes)), r.search_text, ${at}, ${at}
      FROM json_to_recordset(${json(
        rows.map((r) => ({
          establishment_id: r.establishmentId,
          organisation_id: r.organisationId,
          listed_from: r.listedFrom,
          establishment_name: r.establishmentName,
          organisation_name: r.organisationName,
          corporate_number: r.corporateNumber,
          prefecture: r.prefecture,
          address: r.address,
          jsic_codes: r.jsicCodes,
          search_text: r.searchText,
        })),
      )})
        AS r(establishment_id uuid, organisation_id uuid, listed_from date, establishment_name text, organisation_name text, corporate_number text, prefecture text, address text, jsic_codes json, search_text text)
      WHERE NOT EXISTS (SELECT 1 FROM roster_entries e WHERE e.establishment_id = r.establishment_id AND e.roster = 'council')
      ON CONFLICT DO NOTHING
      RETURNING 1
    ) SELECT count(*)::int AS n FROM ins`),
  );
  return Number(result[0]?.n ?? 0);
}

export type BulkJoinRequest = { id: string; organisationId: string; establishmentId: string; status: string; answers: unknown };
/** Join applications created by the migration: submitted (到達) now, in the queue in file order. */
export async function insertMigratedJoinRequestsBulk(tx: Db, rows: readonly BulkJoinRequest[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    INSERT INTO join_requests (id, organisation_id, establishment_id, status, submitted_at, answers, received_seq, created_at, updated_at)
    SELECT r.id, r.organisation_id, r.establishment_id, r.status, ${at}, r.answers::jsonb, nextval('join_requests_received_seq'), ${at}, ${at}
    FROM json_to_recordset(${json(rows.map((r, i) => ({ ord: i, id: r.id, organisation_id: r.organisationId, establishment_id: r.establishmentId, status: r.status, answers: r.answers })))})
      AS r(ord integer, id uuid, organisation_id uuid, establishment_id uuid, status text, answers json)
    ORDER BY r.ord`);
}

export type BulkMigrationRecord = { batchId: string; councilMemberId: string; choice: string; organisationId: string; establishmentId: string; joinRequestId: string | null; corporateNumber: string; migratedOn: string };
export async function insertMigrationRecordsBulk(tx: Db, rows: readonly BulkMigrationRecord[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    INSERT INTO council_migration_records (batch_id, council_member_id, choice, organisation_id, establishment_id, join_request_id, corporate_number, migrated_on, created_at, updated_at)
    SELECT r.batch_id, r.council_member_id, r.choice, r.organisation_id, r.establishment_id, r.join_request_id, r.corporate_number, r.migrated_on, ${at}, ${at}
    FROM json_to_recordset(${json(
      rows.map((r) => ({
        batch_id: r.batchId,
        council_member_id: r.councilMemberId,
        choice: r.choice,
        organisation_id: r.organisationId,
        establishment_id: r.establishmentId,
        join_request_id: r.joinRequestId,
        corporate_number: r.corporateNumber,
        migrated_on: r.migratedOn,
      })),
    )})
      AS r(batch_id uuid, council_member_id text, choice text, organisation_id uuid, establishment_id uuid, join_request_id uuid, corporate_number text, migrated_on date)`);
}

/** Same lock key as writeAuditEvent: one writer appends to the chain at a time. */
const AUDIT_CHAIN_LOCK_KEY = 7_404_211_002;

export type BulkAuditEvent = { action: AuditAction; actor: AuditActor; target: { type: string; id: string }; summary?: unknown; reason?: string; requestId?: string; ip?: string; occurredAt: Date };

/**
 * Appends many audit events in one statement, hash-chained exactly as writeAuditEvent does (same lock, same hash
 * input, seq in the given order), so verifyAuditChain accepts them. Must run inside a READ COMMITTED transaction.
 */
export async function appendAuditEventsBulk(tx: Db, events: readonly BulkAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (!is(tx, PgTransaction)) throw new Error('appendAuditEventsBulk must run inside a transaction');
  for (const e of events) if (!isAuditAction(e.action)) throw new Error(`Unknown audit action ${e.action}`);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY}::bigint)`);
  const last = rowsOf<{ hash: string }>(await tx.execute(sql`SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1`));
  let prev = last[0]?.hash ?? GENESIS_HASH;
  const rows = events.map((e) => {
    const fields = {
      id: randomUUID(),
      occurredAt: new Date(e.occurredAt.getTime()),
      actorKind: e.actor.kind,
      actorUserId: e.actor.userId ?? null,
      actorOrganisationId: e.actor.organisationId ?? null,
      action: e.action,
      targetType: e.target.type,
      targetId: e.target.id,
      summary: e.summary === undefined ? null : (toJsonValue(e.summary) ?? null),
      reason: e.reason ?? null,
      requestId: e.requestId ?? null,
      ip: e.ip ?? null,
    };
    const hash = computeAuditHash(prev, fields);
    const row = { ...fields, occurredAt: fields.occurredAt.toISOString(), prevHash: prev, hash };
    prev = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 25_000) {
    const chunk = rows.slice(i, i + 25_000);
    await tx.execute(sql`
      INSERT INTO audit_events (id, occurred_at, actor_user_id, actor_organisation_id, actor_kind, action, target_type, target_id, summary, reason, request_id, ip, prev_hash, hash)
      SELECT r.id, r."occurredAt", r."actorUserId", r."actorOrganisationId", r."actorKind", r.action, r."targetType", r."targetId", r.summary::jsonb, r.reason, r."requestId", r.ip, r."prevHash", r.hash
      FROM json_to_recordset(${json(chunk.map((c, ord) => ({ ...c, ord })))})
        AS r(ord integer, id uuid, "occurredAt" timestamptz, "actorUserId" uuid, "actorOrganisationId" uuid, "actorKind" text, action text, "targetType" text, "targetId" text, summary json, reason text, "requestId" text, ip text, "prevHash" text, hash text)
      ORDER BY r.ord`);
  }
}

// Automatic withdrawal (jaim-membership-faq Q2-2-3) ------------------------------------------------------------

export type OpenCouncilListing = {
  rosterEntryId: string;
  establishmentId: string;
  organisationId: string;
  establishmentName: string;
  choice: 'full' | 'information_only' | null;
  migratedOn: string | null;
  jaimListedFrom: string | null;
};

/** Council listings still open, with what the establishment did about migrating (record and JAIM listing). */
export async function listOpenCouncilListings(db: Db): Promise<OpenCouncilListing[]> {
  const rows = rowsOf<{ id: string; establishment_id: string; organisation_id: string; establishment_name: string; choice: string | null; migrated_on: string | null; jaim_from: string | null }>(
    await db.execute(sql`
      SELECT e.id, e.establishment_id, e.organisation_id, e.establishment_name, m.choice, m.migrated_on::text AS migrated_on,
             (SELECT min(j.listed_from)::text FROM roster_entries j WHERE j.establishment_id = e.establishment_id AND j.roster = 'jaim') AS jaim_from
      FROM roster_entries e
      LEFT JOIN LATERAL (SELECT choice, migrated_on FROM council_migration_records r WHERE r.establishment_id = e.establishment_id ORDER BY migrated_on LIMIT 1) m ON true
      WHERE e.roster = 'council' AND e.listed_until IS NULL
      ORDER BY e.listed_from, e.id`),
  );
  return rows.map((r) => ({
    rosterEntryId: r.id,
    establishmentId: r.establishment_id,
    organisationId: r.organisation_id,
    establishmentName: r.establishment_name,
    choice: (r.choice as OpenCouncilListing['choice']) ?? null,
    migratedOn: r.migrated_on,
    jaimListedFrom: r.jaim_from,
  }));
}

export type CouncilWithdrawal = { rosterEntryId: string; establishmentId: string; effectiveOn: string; reason: string; determination: unknown };

/** Closes the council listings (listed_until = the first day no longer listed) and records why. */
export async function recordCouncilWithdrawals(tx: Db, rows: readonly CouncilWithdrawal[], at: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const payload = json(rows.map((r) => ({ roster_entry_id: r.rosterEntryId, establishment_id: r.establishmentId, effective_on: r.effectiveOn, reason: r.reason, determination: r.determination })));
  const closed = rowsOf<{ n: number }>(
    await tx.execute(sql`
      WITH w AS (
        INSERT INTO council_withdrawals (roster_entry_id, establishment_id, effective_on, reason, determination, created_at, updated_at)
        SELECT r.roster_entry_id, r.establishment_id, r.effective_on, r.reason, r.determination::jsonb, ${at}, ${at}
        FROM json_to_recordset(${payload}) AS r(roster_entry_id uuid, establishment_id uuid, effective_on date, reason text, determination json)
        ON CONFLICT (roster_entry_id) DO NOTHING
        RETURNING roster_entry_id, effective_on
      ), u AS (
        UPDATE roster_entries e SET listed_until = w.effective_on FROM w WHERE e.id = w.roster_entry_id AND e.listed_until IS NULL RETURNING 1
      ) SELECT count(*)::int AS n FROM u`),
  );
  return Number(closed[0]?.n ?? 0);
}

export async function countMigrationRecords(db: Db, batchId: string): Promise<{ full: number; informationOnly: number }> {
  const rows = rowsOf<{ choice: string; n: number }>(await db.execute(sql`SELECT choice, count(*)::int AS n FROM council_migration_records WHERE batch_id = ${batchId} GROUP BY choice`));
  return { full: Number(rows.find((r) => r.choice === 'full')?.n ?? 0), informationOnly: Number(rows.find((r) => r.choice === 'information_only')?.n ?? 0) };
}
