// The set-based apply (M11) through the domain use cases: many records, linking to existing data, the audit chain,
// and all-or-nothing on failure.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionUser } from '../../../src/domain/accounts/provision-user.js';
import { applyCouncilImport } from '../../../src/domain/council-migration/apply-council-import.js';
import { checkCouncilImport } from '../../../src/domain/council-migration/check-council-import.js';
import { corporateNumberFromBase } from '../../../src/domain/membership/corporate-number.js';
import { verifyAuditChain } from '../../../src/persistence/audit/index.js';
import { rowsOf, type Database } from '../../../src/persistence/database.js';
import { insertOrganisation } from '../../../src/persistence/repositories/organisations.repository.js';
import { fixedClock } from '../../helpers/test-app.js';
import { createTestDatabase } from '../../helpers/test-database.js';

const clock = fixedClock('2025-11-10T03:00:00Z');
let database: Database;
let ctx: Parameters<typeof applyCouncilImport>[0];

const CN = (i: number) => corporateNumberFromBase(String(500_000_000_000 + i * 13).slice(-12));
const HEADER = 'council_member_id,corporate_number,company_name,company_name_kana,establishment_name,address,prefecture,jsic_codes,listed_date,migration_choice';
const csvOf = (lines: string[]) => [HEADER, ...lines].join('\r\n');
const line = (id: string, cn: string, company: string, est: string, choice = 'full', date = '2024-04-01') => [id, cn, company, 'カナ', est, '名古屋市中区1-1', '23', '2592 2594', date, choice].join(',');

const count = async (table: 'organisations' | 'establishments' | 'roster_entries' | 'join_requests' | 'council_migration_records' | 'audit_events') =>
  Number(rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]!.n);
const counts = async () => ({
  organisations: await count('organisations'),
  establishments: await count('establishments'),
  rosterEntries: await count('roster_entries'),
  joinRequests: await count('join_requests'),
  records: await count('council_migration_records'),
  audit: await count('audit_events'),
});

const importCsv = async (csv: string) => {
  const batch = await checkCouncilImport(ctx, { fileName: 'council.csv', csv });
  return { batch, apply: () => applyCouncilImport(ctx, { batchId: batch.id, lockVersion: batch.lockVersion }) };
};

beforeAll(async () => {
  database = await createTestDatabase();
  const secretariat = await insertOrganisation(database.db, { kind: 'secretariat', name: '事務局', nameKana: null, corporateNumber: null, postalCode: null, prefecture: null, address: null, representativeName: null });
  const { userId } = await provisionUser(database.db, { email: 'bulk-admin@jinzai.invalid', password: 'correct horse battery staple', displayName: '移行 担当', isStaff: true, roles: [{ role: 'secretariat_admin', organisationId: secretariat.id }], informationHandler: { department: '事務局' } });
  ctx = {
    actor: { kind: 'user', userId, email: 'bulk-admin@jinzai.invalid', displayName: '移行 担当', roles: [{ role: 'secretariat_admin', organisationId: secretariat.id }], isInformationHandler: true, mfaVerified: true, actingFor: [] },
    db: database.db,
    clock,
  } as Parameters<typeof applyCouncilImport>[0];
});
afterAll(() => database?.close());

describe('applying a council import (set-based)', () => {
  it('a failed apply leaves nothing behind and the batch can be applied afterwards', async () => {
    const { batch, apply } = await importCsv(csvOf(Array.from({ length: 30 }, (_, i) => line(`F${i}`, CN(100 + Math.floor(i / 2)), `株式会社失敗${i}`, `第${i}工場`, i % 4 ? 'full' : 'information_only'))));
    const before = await counts();
    // Test-only sabotage: the last table written refuses rows, after every other table has been written.
    await database.db.execute(sql.raw(`CREATE FUNCTION test_refuse_record() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`));
    await database.db.execute(sql.raw(`CREATE TRIGGER test_refuse_record BEFORE INSERT ON council_migration_records FOR EACH STATEMENT EXECUTE FUNCTION test_refuse_record()`));
    try {
      await expect(apply()).rejects.toThrow();
    } finally {
      await database.db.execute(sql.raw('DROP TRIGGER test_refuse_record ON council_migration_records'));
      await database.db.execute(sql.raw('DROP FUNCTION test_refuse_record()'));
    }
    expect(await counts()).toEqual(before);
    const status = rowsOf<{ status: string; lock_version: number }>(await database.db.execute(sql`SELECT status, lock_version FROM council_migration_batches WHERE id = ${batch.id}`));
    expect(status[0]).toMatchObject({ status: 'checked', lock_version: 0 });

    const applied = await apply();
    expect(applied).toMatchObject({ organisationsCreated: 15, establishmentsCreated: 30, joinApplications: 22, informationOnly: 8, councilListings: 30, skipped: 0 });
    const after = await counts();
    expect(after).toEqual({
      organisations: before.organisations + 15,
      establishments: before.establishments + 30,
      rosterEntries: before.rosterEntries + 30,
      joinRequests: before.joinRequests + 22,
      records: before.records + 30,
      audit: before.audit + 31,
    });
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, count: after.audit });
  });

  it('audit entries follow the file order, one per record, chained after what was there', async () => {
    const rows = rowsOf<{ seq: number; line: number; prev_hash: string; hash: string }>(
      await database.db.execute(sql`SELECT seq, (summary->'after'->>'line')::int AS line, prev_hash, hash FROM audit_events WHERE action = 'council_migration.record_imported' ORDER BY seq`),
    );
    expect(rows.map((r) => r.line)).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    const queue = rowsOf<{ member: string }>(await database.db.execute(sql`SELECT answers->'migratedFromCouncil'->>'councilMemberId' AS member FROM join_requests ORDER BY received_seq`));
    expect(queue.map((q) => q.member)).toEqual(Array.from({ length: 30 }, (_, i) => `F${i}`).filter((_, i) => i % 4 !== 0));
  });

  it('links existing organisations and establishments, and never opens a second council listing for one establishment', async () => {
    // F0 … F29 above created companies CN(100) … CN(114) with establishments 第0工場 … 第29工場, each listed.
    const { apply } = await importCsv(
      csvOf([
        line('L1', CN(100), '株式会社失敗0', '第0工場'), // existing establishment, already listed: linked, no new listing
        line('L2', CN(101), '株式会社失敗2', '第９９工場'), // existing company, new establishment (full-width digits normalised)
        line('L3', CN(900), '新規工業株式会社', 'ABC工場'), // new company and establishment
        line('L4', CN(900), '新規工業株式会社', 'abc工場', 'information_only'), // same establishment by its search form: linked to L3's
      ]),
    );
    const before = await counts();
    const applied = await apply();
    expect(applied).toMatchObject({ organisationsCreated: 1, organisationsLinked: 2, establishmentsCreated: 2, establishmentsLinked: 2, joinApplications: 3, informationOnly: 1, councilListings: 2 });
    const after = await counts();
    expect(after.rosterEntries - before.rosterEntries).toBe(2);
    const open = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM roster_entries WHERE roster = 'council' AND listed_until IS NULL GROUP BY establishment_id HAVING count(*) > 1`));
    expect(open).toEqual([]);
    const names = rowsOf<{ name: string }>(await database.db.execute(sql`SELECT e.name FROM establishments e JOIN organisations o ON o.id = e.organisation_id WHERE o.corporate_number = ${CN(101)} ORDER BY e.name`));
    expect(names.map((n) => n.name)).toEqual(['第2工場', '第3工場', '第99工場']);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('keeps text exactly as given, quotes, backslashes, commas and braces included', async () => {
    const tricky = '株式会社 "引用" \\バックスラッシュ {括弧}, NULL';
    const { apply } = await importCsv(csvOf([['T1', CN(950), `"${tricky.replaceAll('"', '""')}"`, 'カナ', '"本社,工場"', '名古屋市中区1-1', '23', '2592', '2024-04-01', 'full'].join(',')]));
    await apply();
    const rows = rowsOf<{ name: string; est: string; listed: string; answers_name: string }>(
      await database.db.execute(sql`
        SELECT o.name, e.name AS est, r.organisation_name AS listed, j.answers->'company'->>'name' AS answers_name
        FROM organisations o JOIN establishments e ON e.organisation_id = o.id JOIN roster_entries r ON r.establishment_id = e.id JOIN join_requests j ON j.establishment_id = e.id
        WHERE o.corporate_number = ${CN(950)}`),
    );
    expect(rows).toEqual([{ name: tricky, est: '本社,工場', listed: tricky, answers_name: tricky }]);
  });

  it('a second apply of the same batch is a conflict and changes nothing', async () => {
    const { batch, apply } = await importCsv(csvOf([line('D1', CN(960), '二重工業株式会社', '本社')]));
    await apply();
    const before = await counts();
    await expect(applyCouncilImport(ctx, { batchId: batch.id, lockVersion: batch.lockVersion })).rejects.toThrow();
    await expect(applyCouncilImport(ctx, { batchId: batch.id, lockVersion: batch.lockVersion + 1 })).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });
});
