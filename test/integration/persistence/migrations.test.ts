// The migrator on whichever backend this run uses (PGlite, or PostgreSQL with TEST_DATABASE_URL).
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf, type Database } from '../../../src/persistence/database.js';
import { DEFAULT_MIGRATIONS_DIR } from '../../../src/persistence/migrate.js';
import { createScratchPostgresDatabase, testDatabaseUrl } from '../../helpers/test-database.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** An empty database of the backend under test, and a way to open it again. */
const scratchTarget = async (): Promise<{ databaseUrl?: string; dataDir: string }> => {
  const adminUrl = testDatabaseUrl();
  const dataDir = tempDir('jinzai-migrate-');
  if (!adminUrl) return { dataDir };
  const scratch = await createScratchPostgresDatabase(adminUrl);
  cleanups.push(() => scratch.drop());
  return { databaseUrl: scratch.url, dataDir };
};

const open = async (target: { databaseUrl?: string; dataDir: string }, extra: { migrationsDir?: string } = {}): Promise<Database> => {
  const database = await openDatabase({ ...target, ...extra });
  cleanups.push(() => database.close());
  return database;
};

const appliedMigrations = async (database: Database) =>
  rowsOf<{ version: number; name: string; checksum: string }>(await database.db.execute(sql`SELECT version, name, checksum FROM schema_migrations ORDER BY version`));

const copyOfMigrations = (): string => {
  const dir = tempDir('jinzai-migrations-');
  cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
};

describe('migrations', () => {
  it('apply on open, record a checksum, and are a no-op when the database is opened again', async () => {
    const target = await scratchTarget();
    const first = await open(target);
    const applied = await appliedMigrations(first);
    expect(applied.map((m) => m.name)).toContain('platform');
    expect(applied.every((m) => /^[0-9a-f]{64}$/.test(m.checksum))).toBe(true);
    await first.ping();
    await first.close();
    await first.close(); // idempotent

    const second = await open(target);
    expect(await appliedMigrations(second)).toEqual(applied);
    const trgm = rowsOf<{ s: number }>(await second.db.execute(sql`SELECT similarity('株式会社山田製作所', '山田製作所') AS s`));
    expect(Number(trgm[0]?.s)).toBeGreaterThan(0.3);
  });

  it('applies a new migration added later, in order', async () => {
    const target = await scratchTarget();
    const dir = copyOfMigrations();
    await (await open(target, { migrationsDir: dir })).close();
    writeFileSync(join(dir, '9999_later_change.sql'), 'CREATE TABLE later_change (id int PRIMARY KEY);\n');
    const reopened = await open(target, { migrationsDir: dir });
    expect((await appliedMigrations(reopened)).map((m) => m.version).at(-1)).toBe(9999);
  });

  it('refuses to start when an applied migration was edited', async () => {
    const target = await scratchTarget();
    const dir = copyOfMigrations();
    await (await open(target, { migrationsDir: dir })).close();
    const first = readdirSync(dir).sort()[0] ?? '';
    appendFileSync(join(dir, first), '\n-- an innocent-looking edit\n');
    await expect(openDatabase({ ...target, migrationsDir: dir })).rejects.toThrow(/was edited after it was applied/);
    // The failed open released everything: the untouched files open fine.
    await (await open(target)).close();
  });

  it('rolls back a failing migration and reports which one', async () => {
    const target = await scratchTarget();
    const dir = copyOfMigrations();
    writeFileSync(join(dir, '9998_broken.sql'), 'CREATE TABLE half_done (id int);\nSELECT no_such_function();\n');
    await expect(openDatabase({ ...target, migrationsDir: dir })).rejects.toThrow(/9998_broken failed and was rolled back/);
    const database = await open(target);
    const tables = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'half_done'`));
    expect(tables[0]?.n).toBe(0);
  });

  it('refuses a database that has a migration this code does not know', async () => {
    const target = await scratchTarget();
    const dir = copyOfMigrations();
    writeFileSync(join(dir, '9997_newer.sql'), 'SELECT 1;\n');
    await (await open(target, { migrationsDir: dir })).close();
    await expect(openDatabase(target)).rejects.toThrow(/this code does not know/);
  });

  it.runIf(testDatabaseUrl())('lets two instances start at once without racing (advisory lock)', async () => {
    const target = await scratchTarget();
    const [a, b] = await Promise.all([open(target), open(target)]);
    expect(await appliedMigrations(a)).toEqual(await appliedMigrations(b));
  });
});
