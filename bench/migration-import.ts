// migration-import: importing 50,000 council member records on PostgreSQL (parsed, validated row by row, checked for
// duplicates, organisations/establishments/council listings/JAIM join applications/migration records written,
// one audit entry per record plus one for the batch, in one transaction), against loading the same CSV into a
// staging table with a single COPY. Ratio = COPY seconds / our seconds (target ≥ 0.25). Scratch database.
import { writeFileSync, chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { copySameRows } from './copy-same-rows.js';
import { type BenchResult, round } from './result.js';

const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'jinzai_bench_migration';
const SAME_ROWS_DB = 'jinzai_bench_migration_copy';

const admin = async (q: string): Promise<void> => {
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  try {
    await client.query(q);
  } finally {
    await client.end();
  }
};

export const councilCsv = async (count: number): Promise<string> => {
  const { corporateNumberFromBase } = await import('../src/domain/membership/corporate-number.js');
  const lines = ['council_member_id,corporate_number,company_name,company_name_kana,establishment_name,address,prefecture,jsic_codes,listed_date,migration_choice'];
  for (let i = 0; i < count; i++) {
    // Every fifth company has two establishments (two rows, one 法人番号); one row in ten is information-only.
    const company = Math.floor(i / 5) * 4 + Math.min(i % 5, 3);
    const cn = corporateNumberFromBase(String(400_000_000_000 + company * 7919).slice(-12));
    lines.push([`K${String(i).padStart(6, '0')}`, cn, `株式会社移行製作所${company}`, `イコウセイサクショ${company}`, `第${(i % 5) + 1}工場`, `名古屋市中区${i}-1`, String((i % 47) + 1).padStart(2, '0'), i % 3 ? '2592 2594' : '2451', `2024-${String((i % 12) + 1).padStart(2, '0')}-01`, i % 10 === 0 ? 'information_only' : 'full'].join(','));
  }
  return lines.join('\r\n') + '\r\n';
};

export const benchMigrationImport = async (count = 50_000): Promise<BenchResult[]> => {
  await admin(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${BENCH_DB}`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${BENCH_DB}`;
  const { openDatabase } = await import('../src/persistence/database.js');
  const { provisionUser } = await import('../src/domain/accounts/provision-user.js');
  const { insertOrganisation } = await import('../src/persistence/repositories/organisations.repository.js');
  const { checkCouncilImport } = await import('../src/domain/council-migration/check-council-import.js');
  const { applyCouncilImport } = await import('../src/domain/council-migration/apply-council-import.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'jinzai-bench-'));
  const copyDir = mkdtempSync(join(tmpdir(), 'jinzai-copy-'));
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir });
  try {
    const csv = await councilCsv(count);
    const secretariat = await insertOrganisation(database.db, { kind: 'secretariat', name: '事務局', nameKana: null, corporateNumber: null, postalCode: null, prefecture: null, address: null, representativeName: null });
    const { userId } = await provisionUser(database.db, { email: 'bench-admin@jinzai.invalid', password: 'correct horse battery staple', displayName: 'bench', isStaff: true, roles: [{ role: 'secretariat_admin', organisationId: secretariat.id }], informationHandler: { department: 'bench' } });
    const actor = { kind: 'user' as const, userId, email: 'bench-admin@jinzai.invalid', displayName: 'bench', roles: [{ role: 'secretariat_admin' as const, organisationId: secretariat.id }], isInformationHandler: true, mfaVerified: true, actingFor: [] };
    const ctx = { actor, db: database.db, clock: { now: () => new Date('2025-11-10T03:00:00Z') } };

    // Baseline: the same bytes into a staging table with one COPY (server-side file read).
    chmodSync(copyDir, 0o755);
    const file = join(copyDir, 'council.csv');
    writeFileSync(file, csv);
    chmodSync(file, 0o644);
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query('CREATE TABLE council_copy_staging (council_member_id text, corporate_number text, company_name text, company_name_kana text, establishment_name text, address text, prefecture text, jsic_codes text, listed_date date, migration_choice text)');
    const copyStart = performance.now();
    await client.query(`COPY council_copy_staging FROM '${file}' WITH (FORMAT csv, HEADER true)`);
    const copySeconds = (performance.now() - copyStart) / 1000;
    await client.query('DROP TABLE council_copy_staging');
    await client.end();

    const checkStart = performance.now();
    const batch = await checkCouncilImport(ctx, { fileName: 'council.csv', csv });
    const checkSeconds = (performance.now() - checkStart) / 1000;
    const applyStart = performance.now();
    const applied = await applyCouncilImport(ctx, { batchId: batch.id, lockVersion: batch.lockVersion });
    const applySeconds = (performance.now() - applyStart) / 1000;
    // The stricter baseline: the very rows this import wrote, COPYed into the same schema (see copy-same-rows.ts).
    const xidClient = new pg.Client({ connectionString: url.toString() });
    await xidClient.connect();
    const xid = (await xidClient.query<{ xid: string }>('SELECT xmin::text AS xid FROM council_migration_records LIMIT 1')).rows[0]!.xid;
    await xidClient.end();
    await admin(`DROP DATABASE IF EXISTS ${SAME_ROWS_DB} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${SAME_ROWS_DB}`);
    const sameRowsUrl = new URL(PG_ADMIN);
    sameRowsUrl.pathname = `/${SAME_ROWS_DB}`;
    await (await openDatabase({ databaseUrl: sameRowsUrl.toString(), dataDir })).close();
    const same = await copySameRows(url.toString(), sameRowsUrl.toString(), xid);
    const note = `${count} rows: ${applied.joinApplications} join applications, ${applied.informationOnly} information-only, ${applied.organisationsCreated} companies, ${applied.establishmentsCreated} establishments, ${applied.joinApplications + applied.informationOnly + 1} audit entries; dry run ${round(checkSeconds)} s; COPY ${round(copySeconds, 3)} s`;
    return [
      { name: 'migration-import.postgres.apply_seconds', value: round(applySeconds, 3), unit: 's', baseline: round(copySeconds, 3), ratio: round(copySeconds / applySeconds, 3), target: 'ratio (COPY s / ours) ≥ 0.25', note },
      {
        name: 'migration-import.postgres.apply_vs_same_rows_copy',
        value: round(applySeconds, 3),
        unit: 's',
        baseline: round(same.seconds, 3),
        ratio: round(same.seconds / applySeconds, 3),
        target: 'reported (stricter baseline: the import’s own rows COPYed into the same schema)',
        note: `${same.rows} rows in ${same.tables} tables, one COPY each, with the schema's indexes, foreign keys and triggers: ${same.perTable.map((t) => `${t.table} ${t.rows} rows ${round(t.seconds, 2)} s`).join(', ')}`,
      },
      { name: 'migration-import.postgres.dry_run_seconds', value: round(checkSeconds, 3), unit: 's', baseline: null, ratio: null, target: 'reported' },
    ];
  } finally {
    await database.close();
    await admin(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await admin(`DROP DATABASE IF EXISTS ${SAME_ROWS_DB} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(copyDir, { recursive: true, force: true });
  }
};

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchMigrationImport(Number(process.env.BENCH_MIGRATION_COUNT ?? 50_000)));
