// The exam tables' enum CHECK constraints list exactly the values in schema/exams.ts, and those agree with the
// domain's state machines (registration.states.ts, sitting.states.ts, question-set.states.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../../src/persistence/database.js';
import { EXAM_CHECKED_ENUM_COLUMNS, QUESTION_SET_STATUSES, REGISTRATION_STATUSES, SITTING_STATUSES } from '../../../src/persistence/schema/exams.js';
import { REGISTRATION_STATES } from '../../../src/domain/exams/registration.states.js';
import { SITTING_STATES } from '../../../src/domain/exams/sitting.states.js';
import { QUESTION_SET_STATES } from '../../../src/domain/exams/question-set.states.js';
import { IRREGULARITY_KINDS } from '../../../src/domain/exams/use-cases/check-in.js';
import { createTestDatabase } from '../../helpers/test-database.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe('exam schema', () => {
  it('status columns match the state machines', () => {
    expect([...REGISTRATION_STATUSES].sort()).toEqual([...REGISTRATION_STATES].sort());
    expect([...SITTING_STATUSES].sort()).toEqual([...SITTING_STATES].sort());
    expect([...QUESTION_SET_STATUSES].sort()).toEqual([...QUESTION_SET_STATES].sort());
    expect([...EXAM_CHECKED_ENUM_COLUMNS['exam_irregularity_reports.kind']!].sort()).toEqual([...IRREGULARITY_KINDS].sort());
  });

  it('every enum CHECK constraint of 0004 lists exactly the values in schema/exams.ts', async () => {
    const checks = rowsOf<{ table_name: string; name: string; definition: string }>(
      await database.db.execute(sql`SELECT c.conrelid::regclass::text AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c WHERE c.contype = 'c' AND c.connamespace = 'public'::regnamespace`),
    );
    for (const [qualified, values] of Object.entries(EXAM_CHECKED_ENUM_COLUMNS)) {
      const [tableName, column] = qualified.split('.');
      const constraint = checks.find((c) => c.table_name === tableName && c.name === `${tableName}_${column}_check`);
      expect(constraint, qualified).toBeDefined();
      const listed = [...(constraint?.definition.matchAll(/'([^']+)'::text/g) ?? [])].map((m) => m[1]);
      expect(listed.sort(), qualified).toEqual([...values].sort());
    }
  });
});
