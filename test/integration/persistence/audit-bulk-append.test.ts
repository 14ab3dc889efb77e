// appendAuditEvents: many entries in a few statements, chained exactly as writeAuditEvent chains one.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../../src/persistence/audit/index.js';
import { appendAuditEvents, verifyAuditChain, writeAuditEvent } from '../../../src/persistence/audit/index.js';
import { bulkRows, column } from '../../../src/persistence/bulk-arrays.js';
import { rowsOf, type Database } from '../../../src/persistence/database.js';
import { createTestDatabase } from '../../helpers/test-database.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const userId = '00000000-0000-4000-8000-000000000001';
const at = new Date('2025-11-10T03:00:00.123Z');
const event = (i: number, extra: Partial<AuditEventInput> = {}): AuditEventInput => ({
  action: 'council_migration.record_imported',
  actor: { kind: 'user', userId },
  target: { type: 'establishment', id: `e-${i}` },
  summary: { after: { line: i, name: `工場${i}`, nested: { z: i, a: [i, null] }, dropped: undefined } },
  occurredAt: at,
  ...extra,
});
const auditCount = async () => Number(rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events`))[0]!.n);

describe('bulk audit append', () => {
  it('chains after single writes, in the given order, and single writes chain after it', async () => {
    await writeAuditEvent(database.db, { action: 'organisation.registered', actor: { kind: 'system' }, target: { type: 'organisation', id: 'o-1' } });
    const appended = await appendAuditEvents(database.db, Array.from({ length: 25 }, (_, i) => event(i)));
    const after = await writeAuditEvent(database.db, { action: 'organisation.registered', actor: { kind: 'system' }, target: { type: 'organisation', id: 'o-2' } });
    expect(appended.count).toBe(25);
    const rows = rowsOf<{ target_id: string; prev_hash: string; hash: string }>(await database.db.execute(sql`SELECT target_id, prev_hash, hash FROM audit_events ORDER BY seq`));
    expect(rows.map((r) => r.target_id)).toEqual(['o-1', ...Array.from({ length: 25 }, (_, i) => `e-${i}`), 'o-2']);
    expect(rows[26]!.prev_hash).toBe(appended.lastHash);
    expect(after.hash).toBe(rows[26]!.hash);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, count: 27 });
  });

  it('stores what writeAuditEvent stores: summary as jsonb without undefined, no summary as SQL NULL, exact instant', async () => {
    await appendAuditEvents(database.db, [event(100), event(101, { summary: undefined, reason: 'a "quoted", {braced} reason\\ with NULL', requestId: 'req-1', ip: '192.0.2.1' })]);
    const rows = rowsOf<{ summary: unknown; summary_is_null: boolean; reason: string | null; request_id: string | null; ip: string | null; at: string }>(
      await database.db.execute(sql`SELECT summary, summary IS NULL AS summary_is_null, reason, request_id, ip, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at FROM audit_events WHERE target_id IN ('e-100', 'e-101') ORDER BY seq`),
    );
    expect(rows[0]).toMatchObject({ summary: { after: { line: 100, name: '工場100', nested: { z: 100, a: [100, null] } } }, summary_is_null: false, reason: null, at: '2025-11-10T03:00:00.123' });
    expect(rows[1]).toMatchObject({ summary: null, summary_is_null: true, reason: 'a "quoted", {braced} reason\\ with NULL', request_id: 'req-1', ip: '192.0.2.1' });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('spans several statements for a large batch and still verifies', async () => {
    const before = await auditCount();
    await appendAuditEvents(database.db, Array.from({ length: 10_050 }, (_, i) => event(1_000 + i)));
    expect(await auditCount()).toBe(before + 10_050);
    const order = rowsOf<{ ok: boolean }>(
      await database.db.execute(sql`SELECT bool_and(n = expected) AS ok FROM (SELECT (summary->'after'->>'line')::int AS n, 999 + row_number() OVER (ORDER BY seq) AS expected FROM audit_events WHERE (summary->'after'->>'line')::int >= 1000) s`),
    );
    expect(order[0]!.ok).toBe(true);
    expect(await verifyAuditChain(database.db, { batchSize: 3_000 })).toMatchObject({ ok: true, count: before + 10_050 });
  });

  it('rolls back with the caller’s transaction', async () => {
    const before = await auditCount();
    await expect(
      database.db.transaction(async (tx) => {
        await appendAuditEvents(tx, [event(90_000), event(90_001)]);
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    expect(await auditCount()).toBe(before);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('refuses an unknown action before writing anything', async () => {
    const before = await auditCount();
    await expect(appendAuditEvents(database.db, [event(1), { ...event(2), action: 'nothing.happened' as AuditEventInput['action'] }])).rejects.toThrow(/Unknown audit action/);
    expect(await auditCount()).toBe(before);
  });

  it('refuses to run under REPEATABLE READ (it could miss the newest entry and fork the chain)', async () => {
    await expect(
      database.db.transaction(async (tx) => appendAuditEvents(tx, [event(3)]), { isolationLevel: 'repeatable read' }),
    ).rejects.toThrow(/READ COMMITTED/);
  });
});

describe('bulk columns', () => {
  it('carry every value back unchanged, nulls, quotes, backslashes, braces, commas, NULL and newlines included', async () => {
    const texts = ['plain', 'a "quote"', 'back\\slash', '{braces}', 'a,b', 'NULL', '', ' spaced ', 'line\nbreak\ttab', '日本語ｶﾅ', null, '\\"'];
    const r = bulkRows(
      'r',
      {
        t: column.text(texts),
        n: column.text(texts.map((_, i) => String(i))),
        codes: column.textArrayLiterals(texts.map((t, i) => (t === null ? [] : [t, `c${i}`]))),
        j: column.jsonb(texts.map((t) => (t === null ? null : { t }))),
      },
      { ordinality: true },
    );
    const rows = rowsOf<{ t: string | null; n: string; codes: string[]; j: unknown; ord: number }>(await database.db.execute(sql`SELECT r.t, r.n, r.codes::text[] AS codes, r.j, r.ord::int AS ord FROM ${r} ORDER BY r.ord`));
    expect(rows.map((x) => x.t)).toEqual(texts);
    expect(rows.map((x) => Number(x.ord))).toEqual(texts.map((_, i) => i + 1));
    expect(rows.map((x) => x.codes)).toEqual(texts.map((t, i) => (t === null ? [] : [t, `c${i}`])));
    expect(rows.map((x) => x.j)).toEqual(texts.map((t) => (t === null ? null : { t })));
  });

  it('refuse a column name that is not a plain identifier', () => {
    expect(() => bulkRows('r', { 'x; DROP TABLE audit_events': column.text(['a']) })).toThrow(/plain identifier/);
  });
});
