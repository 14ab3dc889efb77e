// The drizzle tables (src/persistence/schema) must describe exactly what the SQL migrations create.
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Database } from '../../../src/persistence/database.js';
import * as schema from '../../../src/persistence/schema/index.js';
import { CHECKED_ENUM_COLUMNS } from '../../../src/persistence/schema/enums.js';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../helpers/test-database.js';

type DbColumn = { table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: 'YES' | 'NO'; column_default: string | null; is_identity: 'YES' | 'NO' };

/** information_schema spells arrays 'ARRAY' with udt '_text'; drizzle spells them 'text[]'. */
const dbType = (c: DbColumn): string => (c.data_type === 'ARRAY' ? `${c.udt_name.replace(/^_/, '')}[]` : c.data_type);
const drizzleType = (sqlType: string): string => ({ bigserial: 'bigint', serial: 'integer' })[sqlType] ?? sqlType;

const drizzleTables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => value instanceof PgTable).map((table) => getTableConfig(table));

let database: Database;
let columns: DbColumn[];

beforeAll(async () => {
  database = await createTestDatabase();
  columns = rowsOf<DbColumn>(
    await database.db.execute(sql`
      SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, is_identity
      FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`),
  );
});
afterAll(() => database?.close());

describe('schema drift: drizzle tables vs the migrated database', () => {
  it('has a drizzle table for every database table (except the migrator’s own)', () => {
    const dbTables = [...new Set(columns.map((c) => c.table_name))].filter((t) => t !== 'schema_migrations').sort();
    expect(drizzleTables.map((t) => t.name).sort()).toEqual(dbTables);
  });

  for (const table of drizzleTables) {
    it(`${table.name}: same columns, types, nullability and defaults`, () => {
      const inDb = columns
        .filter((c) => c.table_name === table.name)
        .map((c) => ({ name: c.column_name, type: dbType(c), notNull: c.is_nullable === 'NO', hasDefault: c.column_default !== null || c.is_identity === 'YES' }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const inDrizzle = table.columns
        .map((c) => ({ name: c.name, type: drizzleType(c.getSQLType()), notNull: c.notNull, hasDefault: c.hasDefault }))
        .sort((a, b) => a.name.localeCompare(b.name));
      expect(inDrizzle).toEqual(inDb);
    });
  }

  it('every enum CHECK constraint lists exactly the values in schema/enums.ts', async () => {
    const checks = rowsOf<{ table_name: string; name: string; definition: string }>(
      await database.db.execute(sql`
        SELECT c.conrelid::regclass::text AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
        FROM pg_constraint c WHERE c.contype = 'c' AND c.connamespace = 'public'::regnamespace`),
    );
    for (const [qualified, values] of Object.entries(CHECKED_ENUM_COLUMNS)) {
      const [tableName, column] = qualified.split('.');
      // Prefer the column's own named constraint: a table may also have composite checks that mention the column.
      const constraint =
        checks.find((c) => c.table_name === tableName && c.name === `${tableName}_${column}_check`) ??
        checks.find((c) => c.table_name === tableName && c.definition.startsWith(`CHECK ((${column} = ANY`));
      expect(constraint, `CHECK constraint for ${qualified}`).toBeDefined();
      const listed = [...(constraint?.definition.matchAll(/'([^']+)'::text/g) ?? [])].map((m) => m[1]);
      expect(listed.sort(), qualified).toEqual([...values].sort());
    }
  });
});
