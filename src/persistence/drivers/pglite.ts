// Embedded PGlite: one file-backed database in <dataDir>/pglite, guarded by our own lock file.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { acquireDataDirLock } from '../data-dir-lock.js';
import type { Database, DatabaseLogger } from '../database.js';
import { CompactDbError } from '../errors.js';
import { runMigrations, type MigrationConnection } from '../migrate.js';
import { once } from './once.js';

/** Extensions must be passed to PGlite.create *and* CREATE EXTENSIONed (0001_platform.sql does that). */
export const PGLITE_EXTENSIONS = { pg_trgm } as const;

export function pgliteMigrationConnection(client: PGlite): MigrationConnection {
  return {
    async exec(sqlText) {
      await client.exec(sqlText);
    },
    async query<T>(sqlText: string, params: unknown[] = []) {
      return (await client.query<T>(sqlText, params)).rows;
    },
  };
}

export async function createPglite(options: Omit<PGliteOptions, 'extensions'> & { dataDir?: string }): Promise<PGlite> {
  try {
    return await PGlite.create({ ...options, extensions: PGLITE_EXTENSIONS });
  } catch (error) {
    throw new CompactDbError(`Could not start the embedded database${options.dataDir ? ` in ${options.dataDir}` : ''}`, error);
  }
}

/**
 * Wrap an open PGlite as a Database. `onClose` runs after the client is closed (lock release, cleanup).
 * Used by openDatabase and by the test helper (in-memory PGlite loaded from a template tarball).
 */
export async function databaseFromPglite(
  client: PGlite,
  opts: { migrate: boolean; logger?: DatabaseLogger | undefined; migrationsDir?: string | undefined; onClose?: () => void },
): Promise<Database> {
  const close = once(async () => {
    try {
      if (!client.closed) await client.close();
    } finally {
      opts.onClose?.();
    }
  });
  // Loaded here rather than at the top so PGlite.create (the slow part of a start) is already under way meanwhile.
  const drizzleAndSchema = Promise.all([import('drizzle-orm/pglite'), import('../schema/index.js')]);
  drizzleAndSchema.catch(() => undefined); // awaited below unless the migration fails first
  try {
    if (opts.migrate) {
      await runMigrations(pgliteMigrationConnection(client), { dir: opts.migrationsDir, logger: opts.logger });
    }
  } catch (error) {
    await close();
    throw error instanceof Error && error.name === 'MigrationError' ? error : new CompactDbError('Migrating the embedded database failed', error);
  }
  const [{ drizzle }, schema] = await drizzleAndSchema;
  return {
    kind: 'pglite',
    db: drizzle({ client, schema }),
    async ping() {
      try {
        await client.query('SELECT 1');
      } catch (error) {
        throw new CompactDbError('Embedded database ping failed', error);
      }
    },
    close,
  };
}

export async function openEmbeddedDatabase(opts: {
  dataDir: string;
  migrate: boolean;
  logger?: DatabaseLogger | undefined;
  migrationsDir?: string | undefined;
}): Promise<Database> {
  const pgliteDir = join(opts.dataDir, 'pglite');
  mkdirSync(pgliteDir, { recursive: true });
  const lock = acquireDataDirLock(opts.dataDir);
  let client: PGlite;
  try {
    client = await createPglite({ dataDir: pgliteDir });
  } catch (error) {
    lock.release();
    throw error;
  }
  opts.logger?.info({ dataDir: pgliteDir }, 'embedded database opened');
  return databaseFromPglite(client, { ...opts, onClose: () => lock.release() });
}
