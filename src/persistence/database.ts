// The database handle every module builds on: embedded PGlite by default, PostgreSQL when a URL is given.
// Both run the same migrations (./migrate.ts) and the same drizzle queries.
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.js';

export { DataDirLocked } from './data-dir-lock.js';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * The drizzle base type shared by both drivers (and by transactions: pass `tx` wherever a Db is wanted).
 *
 * Raw `db.execute(sql`...`)` results differ by driver in one way: int8 (bigint, count(*)) comes back as a
 * JS number from PGlite and as a string from node-postgres. We do not change pg's global type parsers;
 * instead bigint columns are declared `{ mode: 'number' }` (drizzle maps both), and raw SQL casts
 * counts to int or wraps them in Number(). numeric is a string on both. Use `rowsOf()` to read raw rows.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  kind: DatabaseKind;
  db: Db;
  /** Throws if the database is unreachable (used by /readyz). */
  ping(): Promise<void>;
  /** Releases the data-dir lock / ends the pool. Safe to call more than once. */
  close(): Promise<void>;
};

export type DatabaseLogger = { info(o: object, msg?: string): void };

export type OpenDatabaseOptions = {
  /** postgres://… — when absent, an embedded PGlite under `<dataDir>/pglite` is used. */
  databaseUrl?: string;
  dataDir: string;
  /** Run pending migrations at open (default true). */
  migrate?: boolean;
  logger?: DatabaseLogger;
  /** Only for tests of the migrator itself. */
  migrationsDir?: string;
};

/**
 * Each driver is loaded only when chosen: a PGlite start never loads node-postgres, and the embedded engine begins
 * starting before drizzle and the schema are loaded (drivers/pglite.ts), which shortens `npm start`.
 */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  const common = { migrate: opts.migrate ?? true, logger: opts.logger, migrationsDir: opts.migrationsDir };
  if (opts.databaseUrl) {
    const { openPostgresDatabase } = await import('./drivers/postgres.js');
    return openPostgresDatabase({ ...common, databaseUrl: opts.databaseUrl });
  }
  const { openEmbeddedDatabase } = await import('./drivers/pglite.js');
  return openEmbeddedDatabase({ ...common, dataDir: opts.dataDir });
}

/** Rows of a raw `db.execute()` result; both drivers return `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
