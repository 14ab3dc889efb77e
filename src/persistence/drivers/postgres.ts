// PostgreSQL through a node-postgres Pool (production, and the second test backend).
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Database, DatabaseLogger } from '../database.js';
import { CompactDbError } from '../errors.js';
import { runMigrations, type MigrationConnection } from '../migrate.js';
import * as schema from '../schema/index.js';
import { once } from './once.js';

const POOL_SIZE = 10;

export function pgClientMigrationConnection(client: pg.ClientBase): MigrationConnection {
  return {
    async exec(sqlText) {
      // No parameters → simple query protocol, so a file with many statements runs as one call.
      await client.query(sqlText);
    },
    async query<T>(sqlText: string, params: unknown[] = []) {
      return (await client.query(sqlText, params)).rows as T[];
    },
  };
}

/** Migrate over one dedicated connection: the advisory lock is held by a session, not by the pool. */
async function migrateWithPool(pool: pg.Pool, opts: { logger?: DatabaseLogger | undefined; migrationsDir?: string | undefined }) {
  const client = await pool.connect();
  try {
    await runMigrations(pgClientMigrationConnection(client), { dir: opts.migrationsDir, logger: opts.logger });
  } finally {
    client.release();
  }
}

export async function openPostgresDatabase(opts: {
  databaseUrl: string;
  migrate: boolean;
  logger?: DatabaseLogger | undefined;
  migrationsDir?: string | undefined;
  onClose?: () => Promise<void>;
}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: POOL_SIZE });
  // An idle client that loses its connection emits 'error' on the pool; without a listener that kills the process.
  pool.on('error', (error) => opts.logger?.info({ err: error.message }, 'idle database connection failed'));
  const close = once(async () => {
    try {
      await pool.end();
    } finally {
      await opts.onClose?.();
    }
  });
  try {
    await pool.query('SELECT 1');
    if (opts.migrate) await migrateWithPool(pool, opts);
  } catch (error) {
    await close();
    throw error instanceof Error && error.name === 'MigrationError' ? error : new CompactDbError('Opening the PostgreSQL database failed', error);
  }
  opts.logger?.info({ host: safeHost(opts.databaseUrl) }, 'postgres database opened');
  return {
    kind: 'postgres',
    db: drizzle({ client: pool, schema }),
    async ping() {
      try {
        await pool.query('SELECT 1');
      } catch (error) {
        throw new CompactDbError('PostgreSQL ping failed', error);
      }
    },
    close,
  };
}

/** host:port/database — never the password. */
function safeHost(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'postgres';
  }
}
