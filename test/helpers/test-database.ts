// A fresh, migrated database per test file — embedded PGlite by default, PostgreSQL when
// TEST_DATABASE_URL is set (CI runs both). Fast because migrations run once per test run:
//   PGlite:     a migrated data dir is dumped to .tmp/ once; each test file loads it into memory.
//   PostgreSQL: a template database is migrated once; each test file gets CREATE DATABASE … TEMPLATE.
// Safe with vitest forks running files in parallel, and with two test runs at once.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Database } from '../../src/persistence/database.js';
import { createPglite, databaseFromPglite, pgliteMigrationConnection } from '../../src/persistence/drivers/pglite.js';
import { openPostgresDatabase, pgClientMigrationConnection } from '../../src/persistence/drivers/postgres.js';
import { readMigrationFiles, runMigrations } from '../../src/persistence/migrate.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TMP_DIR = join(REPO_ROOT, '.tmp');
const TEMPLATE_DB = 'jinzai_test_template';
/** Session advisory lock on the admin database: concurrent runs prepare the template one at a time. */
const TEMPLATE_LOCK_KEY = 7_404_211_003;

export const testDatabaseUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;

/** Identifies the current set of migrations, so a stale template is rebuilt and a current one reused. */
const migrationsFingerprint = (): string =>
  createHash('sha256')
    .update(readMigrationFiles().map((m) => `${m.version}:${m.checksum}`).join('\n'))
    .digest('hex')
    .slice(0, 16);

const pgliteTemplatePath = (): string => join(TMP_DIR, `pglite-template-${migrationsFingerprint()}.tar.gz`);

/** Called once per test run from global-setup.ts. */
export async function prepareTemplateDatabase(): Promise<void> {
  const url = testDatabaseUrl();
  if (url) await preparePostgresTemplate(url);
  else await preparePgliteTemplate();
}

export async function createTestDatabase(): Promise<Database> {
  const url = testDatabaseUrl();
  return url ? createPostgresTestDatabase(url) : createPgliteTestDatabase();
}

// PGlite -------------------------------------------------------------------------------------------

/** The migrated PGlite template tarball (also used to seed an on-disk embedded database for the start-up test). */
export async function preparePgliteTemplate(): Promise<string> {
  const path = pgliteTemplatePath();
  if (existsSync(path)) return path;
  mkdirSync(TMP_DIR, { recursive: true });
  const client = await createPglite({});
  try {
    await runMigrations(pgliteMigrationConnection(client));
    const dump = await client.dumpDataDir('gzip');
    // Write then rename: a parallel reader never sees half a tarball.
    const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
    removeOtherTemplates(path);
  } finally {
    await client.close();
  }
  return path;
}

/** Tarballs of older migration sets are dead weight (a run that still wants one rebuilds it lazily). */
function removeOtherTemplates(current: string): void {
  for (const file of readdirSync(TMP_DIR)) {
    const path = join(TMP_DIR, file);
    if (file.startsWith('pglite-template-') && file.endsWith('.tar.gz') && path !== current) rmSync(path, { force: true });
  }
}

let templateBytes: Buffer | undefined;

async function createPgliteTestDatabase(): Promise<Database> {
  templateBytes ??= readFileSync(await preparePgliteTemplate());
  const client = await createPglite({ loadDataDir: new Blob([new Uint8Array(templateBytes)]) });
  // migrate: true is a cheap no-op on the template, and catches a stale one.
  return databaseFromPglite(client, { migrate: true });
}

// PostgreSQL ---------------------------------------------------------------------------------------

const withAdminClient = async <T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

export const databaseUrlFor = (baseUrl: string, database: string): string => {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

async function templateIsCurrent(adminUrl: string): Promise<boolean> {
  const expected = readMigrationFiles().map((m) => `${m.version}:${m.checksum}`).join('\n');
  const client = new pg.Client({ connectionString: databaseUrlFor(adminUrl, TEMPLATE_DB) });
  try {
    await client.connect();
    const { rows } = await client.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations ORDER BY version');
    return rows.map((r) => `${r.version}:${r.checksum}`).join('\n') === expected;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function preparePostgresTemplate(adminUrl: string): Promise<void> {
  await withAdminClient(adminUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE_DB]);
      if (rowCount && (await templateIsCurrent(adminUrl))) return;
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(TEMPLATE_DB)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${quoteIdent(TEMPLATE_DB)}`);
      const template = new pg.Client({ connectionString: databaseUrlFor(adminUrl, TEMPLATE_DB) });
      await template.connect();
      try {
        await runMigrations(pgClientMigrationConnection(template));
      } finally {
        await template.end(); // CREATE DATABASE … TEMPLATE refuses while anyone is connected to it
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An empty (unmigrated) PostgreSQL database for tests of the migrator itself. */
export async function createScratchPostgresDatabase(adminUrl: string, template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `jinzai_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(adminUrl, async (admin) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await admin.query(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`);
        return;
      } catch (error) {
        // 55006: the template is briefly in use (another file copying it, or the preparer disconnecting).
        if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
        await sleep(50 + Math.random() * 100);
      }
    }
  });
  return {
    url: databaseUrlFor(adminUrl, name),
    drop: () => withAdminClient(adminUrl, async (admin) => void (await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`))),
  };
}

let templateReady: Promise<void> | undefined;

async function createPostgresTestDatabase(adminUrl: string): Promise<Database> {
  // Normally global-setup has done this; check once per worker in case a file runs without it.
  templateReady ??= templateIsCurrent(adminUrl).then((current) => (current ? undefined : preparePostgresTemplate(adminUrl)));
  await templateReady;
  const scratch = await createScratchPostgresDatabase(adminUrl, TEMPLATE_DB);
  try {
    return await openPostgresDatabase({ databaseUrl: scratch.url, migrate: true, onClose: scratch.drop });
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}
