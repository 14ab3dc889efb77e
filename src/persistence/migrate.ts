// Our own numbered SQL migrator (see docs/adr/0002-own-sql-migrator.md).
//
// Files `migrations/NNNN_name.sql` are applied in order, each in its own transaction, and recorded in
// schema_migrations with a sha-256 checksum. An applied file whose checksum changed stops start-up:
// migrations are never edited after they land. A session advisory lock makes two instances that start
// at once take turns instead of racing. The same files run on PGlite and on PostgreSQL.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Arbitrary constant shared by every instance: "jinzai migrations". */
const MIGRATION_LOCK_KEY = 7_404_211_001;

/** The one connection a migration run needs: multi-statement exec, and parameterised queries. */
export type MigrationConnection = {
  exec(sqlText: string): Promise<void>;
  query<T>(sqlText: string, params?: unknown[]): Promise<T[]>;
};

export type MigrationFile = { version: number; name: string; checksum: string; sql: string };

export type MigrationLogger = { info(o: object, msg?: string): void };

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Line endings are normalised so a Windows checkout does not look like an edited migration. */
export const checksumOf = (sqlText: string): string =>
  createHash('sha256').update(sqlText.replace(/\r\n/g, '\n'), 'utf8').digest('hex');

export function readMigrationFiles(dir: string = DEFAULT_MIGRATIONS_DIR): MigrationFile[] {
  const files = readdirSync(dir).filter((file) => file.endsWith('.sql')).sort();
  const migrations: MigrationFile[] = [];
  for (const file of files) {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new MigrationError(`Migration file ${file} does not match NNNN_name.sql`);
    const sql = readFileSync(join(dir, file), 'utf8');
    const version = Number(match[1]);
    const previous = migrations.at(-1);
    if (previous && previous.version === version) {
      throw new MigrationError(`Two migrations share version ${match[1]}: ${previous.name} and ${match[2]} (renumber the newer one)`);
    }
    migrations.push({ version, name: match[2] ?? '', checksum: checksumOf(sql), sql });
  }
  return migrations;
}

type AppliedRow = { version: number; name: string; checksum: string };

export type MigrationResult = { applied: string[]; alreadyApplied: number };

export async function runMigrations(
  connection: MigrationConnection,
  options: { dir?: string; logger?: MigrationLogger } = {},
): Promise<MigrationResult> {
  const files = readMigrationFiles(options.dir);
  await connection.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await connection.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const appliedRows = await connection.query<AppliedRow>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    const applied = new Map(appliedRows.map((row) => [Number(row.version), row]));
    verifyApplied(files, applied);

    const newlyApplied: string[] = [];
    for (const file of files) {
      if (applied.has(file.version)) continue;
      const label = `${String(file.version).padStart(4, '0')}_${file.name}`;
      await connection.exec('BEGIN');
      try {
        await connection.exec(file.sql);
        await connection.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [file.version, file.name, file.checksum]);
        await connection.exec('COMMIT');
      } catch (error) {
        await connection.exec('ROLLBACK').catch(() => undefined);
        const message = (error as { message?: string }).message ?? String(error);
        throw new MigrationError(`Migration ${label} failed and was rolled back: ${message}`);
      }
      options.logger?.info({ migration: label }, 'migration applied');
      newlyApplied.push(label);
    }
    return { applied: newlyApplied, alreadyApplied: applied.size };
  } finally {
    await connection.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
  }
}

/** Applied history must be a prefix of the files on disk, byte for byte. */
function verifyApplied(files: MigrationFile[], applied: Map<number, AppliedRow>): void {
  const byVersion = new Map(files.map((file) => [file.version, file]));
  for (const [version, row] of applied) {
    const file = byVersion.get(version);
    if (!file) {
      throw new MigrationError(
        `The database has migration ${version} (${row.name}) that this code does not know. Is an older build running against a newer database?`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${String(version).padStart(4, '0')}_${file.name} was edited after it was applied ` +
          `(checksum ${row.checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… on disk). ` +
          `Migrations are never edited once they land: restore the file and add a new migration instead.`,
      );
    }
  }
}
