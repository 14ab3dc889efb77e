// A second, stricter baseline for migration-import: COPY exactly the rows one import wrote (found by the import
// transaction's xmin) into a freshly migrated database with the same schema — same tables, indexes, foreign keys and
// triggers — one COPY per table in foreign-key order. What this measures is the floor any importer of those rows pays
// on this machine; the issue's own baseline (one COPY of the CSV into an unindexed staging table) stays the headline.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

type Edge = { child: string; parent: string };

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
const foreignKeyOrder = (tables: string[], edges: Edge[]): string[] => {
  const remaining = new Set(tables);
  const ordered: string[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining].filter((t) => !edges.some((e) => e.child === t && e.parent !== t && remaining.has(e.parent)));
    if (ready.length === 0) throw new Error(`foreign-key cycle among ${[...remaining].join(', ')}`);
    for (const t of ready.sort()) {
      ordered.push(t);
      remaining.delete(t);
    }
  }
  return ordered;
};

const publicTables = async (client: pg.Client): Promise<{ tables: string[]; edges: Edge[] }> => {
  const tables = (await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.name);
  const edges = (
    await client.query<Edge>(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE c.contype = 'f' AND n.nspname = 'public'`,
    )
  ).rows;
  return { tables, edges };
};

/**
 * Copies every row of `sourceUrl` into `targetUrl` (already migrated, otherwise empty of these rows): rows written by
 * transaction `xid` are timed, all others (users, the batch, …) are loaded first untimed. Tables the migrations seeded
 * in the target are left as they are. Returns the seconds spent in the timed COPYs and how many rows they loaded.
 */
export const copySameRows = async (sourceUrl: string, targetUrl: string, xid: string): Promise<{ seconds: number; rows: number; tables: number; perTable: { table: string; rows: number; seconds: number }[] }> => {
  const dir = mkdtempSync(join(tmpdir(), 'jinzai-same-rows-'));
  chmodSync(dir, 0o777); // the database server writes and reads these files
  const source = new pg.Client({ connectionString: sourceUrl });
  const target = new pg.Client({ connectionString: targetUrl });
  await source.connect();
  await target.connect();
  try {
    const { tables, edges } = await publicTables(source);
    const order = foreignKeyOrder(tables, edges);
    const seeded = new Set<string>();
    for (const t of order) {
      const { rows } = await target.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(t)}) AS any`);
      if (rows[0]?.any) seeded.add(t);
    }
    const files: { table: string; prelude: string; timed: string; timedRows: number }[] = [];
    for (const t of order) {
      if (seeded.has(t)) continue;
      const prelude = join(dir, `${t}.prelude.copy`);
      const timed = join(dir, `${t}.timed.copy`);
      await source.query(`COPY (SELECT * FROM ${quoteIdent(t)} WHERE xmin::text <> '${xid}') TO '${prelude}'`);
      const out = await source.query(`COPY (SELECT * FROM ${quoteIdent(t)} WHERE xmin::text = '${xid}') TO '${timed}'`);
      files.push({ table: t, prelude, timed, timedRows: out.rowCount ?? 0 });
    }
    for (const f of files) await target.query(`COPY ${quoteIdent(f.table)} FROM '${f.prelude}'`);
    let seconds = 0;
    let rows = 0;
    let tablesTimed = 0;
    const perTable: { table: string; rows: number; seconds: number }[] = [];
    for (const f of files) {
      if (f.timedRows === 0) continue;
      const start = performance.now();
      await target.query(`COPY ${quoteIdent(f.table)} FROM '${f.timed}'`);
      const tableSeconds = (performance.now() - start) / 1000;
      perTable.push({ table: f.table, rows: f.timedRows, seconds: tableSeconds });
      seconds += tableSeconds;
      rows += f.timedRows;
      tablesTimed++;
    }
    return { seconds, rows, tables: tablesTimed, perTable };
  } finally {
    await source.end();
    await target.end();
    rmSync(dir, { recursive: true, force: true });
  }
};
