// Migration from the council (M11): import batches, and the bulk writes that apply one in a single transaction.
// Bulk rows travel column by column, one array parameter per column expanded with unnest() (src/persistence/
// bulk-arrays.ts), so 50,000 rows are a handful of statements on both PGlite and PostgreSQL. Ids are made by the
// caller so related rows can be linked without round trips.
import { and, desc, eq, sql } from 'drizzle-orm';
import { bulkRows, column, pgArrayLiteral } from '../bulk-arrays.js';
import { rowsOf, type Db } from '../database.js';
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

/** The report of an applied batch (the caller holds the batch row, claimed with updateMigrationBatchGuarded). */
export async function recordAppliedReport(tx: Db, id: string, report: unknown): Promise<void> {
  await tx.update(councilMigrationBatches).set({ report }).where(eq(councilMigrationBatches.id, id));
}

export async function findMigratedMemberIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT council_member_id AS id FROM council_migration_records WHERE council_member_id = ANY(${pgArrayLiteral(ids)}::text[])`),
  );
  return new Set(rows.map((r) => r.id));
}

export async function findOrganisationIdsByCorporateNumbers(db: Db, numbers: readonly string[]): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map();
  const rows = rowsOf<{ id: string; corporate_number: string }>(
    await db.execute(sql`SELECT id, corporate_number FROM organisations WHERE corporate_number = ANY(${pgArrayLiteral(numbers)}::text[])`),
  );
  return new Map(rows.map((r) => [r.corporate_number, r.id]));
}

export async function findEstablishmentsOfOrganisations(db: Db, organisationIds: readonly string[]): Promise<{ id: string; organisationId: string; name: string }[]> {
  if (organisationIds.length === 0) return [];
  const rows = rowsOf<{ id: string; organisation_id: string; name: string }>(
    await db.execute(sql`SELECT id, organisation_id, name FROM establishments WHERE organisation_id = ANY(${pgArrayLiteral(organisationIds)}::uuid[])`),
  );
  return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, name: r.name }));
}

export type BulkOrganisation = { id: string; name: string; nameKana: string | null; corporateNumber: string; prefecture: string; address: string };
export async function insertOrganisationsBulk(tx: Db, rows: readonly BulkOrganisation[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  const r = bulkRows('r', {
    id: column.uuid(rows.map((o) => o.id)),
    name: column.text(rows.map((o) => o.name)),
    name_kana: column.text(rows.map((o) => o.nameKana)),
    corporate_number: column.text(rows.map((o) => o.corporateNumber)),
    prefecture: column.text(rows.map((o) => o.prefecture)),
    address: column.text(rows.map((o) => o.address)),
  });
  await tx.execute(sql`
    INSERT INTO organisations (id, kind, name, name_kana, corporate_number, prefecture, address, created_at, updated_at)
    SELECT r.id, 'accepting_company', r.name, r.name_kana, r.corporate_number, r.prefecture, r.address, ${at}, ${at}
    FROM ${r}`);
}

export type BulkEstablishment = { id: string; organisationId: string; name: string; prefecture: string; address: string; jsicCodes: string[] };
export async function insertEstablishmentsBulk(tx: Db, rows: readonly BulkEstablishment[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  const r = bulkRows('r', {
    id: column.uuid(rows.map((e) => e.id)),
    organisation_id: column.uuid(rows.map((e) => e.organisationId)),
    name: column.text(rows.map((e) => e.name)),
    prefecture: column.text(rows.map((e) => e.prefecture)),
    address: column.text(rows.map((e) => e.address)),
    jsic_codes: column.textArrayLiterals(rows.map((e) => e.jsicCodes)),
  });
  await tx.execute(sql`
    INSERT INTO establishments (id, organisation_id, name, prefecture, address, jsic_codes, created_at, updated_at)
    SELECT r.id, r.organisation_id, r.name, r.prefecture, r.address, r.jsic_codes::text[], ${at}, ${at}
    FROM ${r}`);
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
  /** The establishment was created by this same import for this row, so it cannot have a listing yet. */
  establishmentIsNew: boolean;
};

const listingRows = (rows: readonly BulkCouncilListing[]) =>
  bulkRows('r', {
    establishment_id: column.uuid(rows.map((l) => l.establishmentId)),
    organisation_id: column.uuid(rows.map((l) => l.organisationId)),
    listed_from: column.date(rows.map((l) => l.listedFrom)),
    establishment_name: column.text(rows.map((l) => l.establishmentName)),
    organisation_name: column.text(rows.map((l) => l.organisationName)),
    corporate_number: column.text(rows.map((l) => l.corporateNumber)),
    prefecture: column.text(rows.map((l) => l.prefecture)),
    address: column.text(rows.map((l) => l.address)),
    jsic_codes: column.textArrayLiterals(rows.map((l) => l.jsicCodes)),
    search_text: column.text(rows.map((l) => l.searchText)),
  });

/**
 * Council listings for establishments that have none open yet. Establishments this import has just created go in
 * with a plain insert; for the others (linked to existing ones) a listing already there is skipped (the check,
 * and the open-listing unique index against a concurrent writer).
 */
export async function insertCouncilListingsBulk(tx: Db, rows: readonly BulkCouncilListing[], at: Date): Promise<number> {
  const fresh = rows.filter((l) => l.establishmentIsNew);
  const linked = rows.filter((l) => !l.establishmentIsNew);
  const [, inserted] = await Promise.all([
    fresh.length === 0
      ? undefined
      : tx.execute(sql`
      INSERT INTO roster_entries (establishment_id, organisation_id, roster, listed_from, establishment_name, organisation_name, corporate_number, prefecture, address, jsic_codes, search_text, created_at, updated_at)
      SELECT r.establishment_id, r.organisation_id, 'council', r.listed_from, r.establishment_name, r.organisation_name, r.corporate_number, r.prefecture, r.address,
             r.jsic_codes::text[], r.search_text, ${at}, ${at}
      FROM ${listingRows(fresh)}`),
    linked.length === 0
      ? undefined
      : tx.execute(sql`
      WITH ins AS (
        INSERT INTO roster_entries (establishment_id, organisation_id, roster, listed_from, establishment_name, organisation_name, corporate_number, prefecture, address, jsic_codes, search_text, created_at, updated_at)
        SELECT r.establishment_id, r.organisation_id, 'council', r.listed_from, r.establishment_name, r.organisation_name, r.corporate_number, r.prefecture, r.address,
               r.jsic_codes::text[], r.search_text, ${at}, ${at}
        FROM ${listingRows(linked)}
        WHERE NOT EXISTS (SELECT 1 FROM roster_entries e WHERE e.establishment_id = r.establishment_id AND e.roster = 'council')
        ON CONFLICT DO NOTHING
        RETURNING 1
      ) SELECT count(*)::int AS n FROM ins`),
  ]);
  return fresh.length + (inserted ? Number(rowsOf<{ n: number }>(inserted)[0]?.n ?? 0) : 0);
}

export type BulkJoinRequest = { id: string; organisationId: string; establishmentId: string; status: string; answers: unknown };
/** Join applications created by the migration: submitted (到達) now, in the queue in file order. */
export async function insertMigratedJoinRequestsBulk(tx: Db, rows: readonly BulkJoinRequest[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  const r = bulkRows(
    'r',
    {
      id: column.uuid(rows.map((j) => j.id)),
      organisation_id: column.uuid(rows.map((j) => j.organisationId)),
      establishment_id: column.uuid(rows.map((j) => j.establishmentId)),
      status: column.text(rows.map((j) => j.status)),
      answers: column.jsonb(rows.map((j) => j.answers)),
    },
    { ordinality: true },
  );
  // ORDER BY the position in the file: received_seq (the queue order) is drawn in that order.
  await tx.execute(sql`
    INSERT INTO join_requests (id, organisation_id, establishment_id, status, submitted_at, answers, received_seq, created_at, updated_at)
    SELECT r.id, r.organisation_id, r.establishment_id, r.status, ${at}, r.answers, nextval('join_requests_received_seq'), ${at}, ${at}
    FROM ${r}
    ORDER BY r.ord`);
}

export type BulkMigrationRecord = { batchId: string; councilMemberId: string; choice: string; organisationId: string; establishmentId: string; joinRequestId: string | null; corporateNumber: string; migratedOn: string };
export async function insertMigrationRecordsBulk(tx: Db, rows: readonly BulkMigrationRecord[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  const r = bulkRows('r', {
    batch_id: column.uuid(rows.map((m) => m.batchId)),
    council_member_id: column.text(rows.map((m) => m.councilMemberId)),
    choice: column.text(rows.map((m) => m.choice)),
    organisation_id: column.uuid(rows.map((m) => m.organisationId)),
    establishment_id: column.uuid(rows.map((m) => m.establishmentId)),
    join_request_id: column.uuid(rows.map((m) => m.joinRequestId)),
    corporate_number: column.text(rows.map((m) => m.corporateNumber)),
    migrated_on: column.date(rows.map((m) => m.migratedOn)),
  });
  await tx.execute(sql`
    INSERT INTO council_migration_records (batch_id, council_member_id, choice, organisation_id, establishment_id, join_request_id, corporate_number, migrated_on, created_at, updated_at)
    SELECT r.batch_id, r.council_member_id, r.choice, r.organisation_id, r.establishment_id, r.join_request_id, r.corporate_number, r.migrated_on, ${at}, ${at}
    FROM ${r}`);
}

/**
 * Working memory for the import's own transaction: the row sets and the sorts that keep file order are tens of
 * megabytes for 50,000 rows; with the default 4 MB they would spill to temporary files. Reset at commit.
 */
export async function allowBulkWorkMemory(tx: Db): Promise<void> {
  await tx.execute(sql`SELECT set_config('work_mem', '64MB', true)`);
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
