// The audit trail: hash-chained, append-only, verifiable, searchable.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Database } from '../../../src/persistence/database.js';
import { GENESIS_HASH, searchAuditEvents, verifyAuditChain, writeAuditEvent } from '../../../src/persistence/audit/index.js';
import type { AuditAction } from '../../../src/persistence/audit/actions.js';
import { canonicalJson } from '../../../src/persistence/audit/canonical-json.js';
import { sqlStateOf } from '../../../src/persistence/errors.js';
import { createTestDatabase } from '../../helpers/test-database.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const userId = '00000000-0000-4000-8000-000000000001';
const orgId = '00000000-0000-4000-8000-0000000000aa';

/** Test-only tampering: the append-only trigger is switched off for one statement, as an attacker with DDL rights could. */
const tamper = async (statement: ReturnType<typeof sql>) => {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
  });
};

describe('audit trail', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('chains events: the first links to 64 zeros, each later one to its predecessor', async () => {
    const first = await writeAuditEvent(database.db, {
      action: 'organisation.registered',
      actor: { kind: 'user', userId, organisationId: orgId },
      target: { type: 'organisation', id: orgId },
      summary: { after: { name: '山田製作所株式会社', corporateNumber: '1234567890123', nested: { z: 1, a: [1, 2] } } },
      requestId: 'req-1',
      ip: '192.0.2.1',
    });
    const second = await database.db.transaction((tx) =>
      writeAuditEvent(tx, {
        action: 'role.granted',
        actor: { kind: 'user', userId },
        target: { type: 'user', id: userId },
        summary: { before: null, after: { role: 'company_admin' } },
        reason: 'first administrator',
      }),
    );
    expect(second.seq).toBeGreaterThan(first.seq);
    const rows = rowsOf<{ seq: number; prev_hash: string; hash: string }>(await database.db.execute(sql`SELECT seq, prev_hash, hash FROM audit_events ORDER BY seq`));
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, count: 2 });
  });

  it('rolls back with the caller’s transaction', async () => {
    const before = await verifyAuditChain(database.db);
    await expect(
      database.db.transaction(async (tx) => {
        await writeAuditEvent(tx, { action: 'draft.saved', actor: { kind: 'anonymous' }, target: { type: 'draft', id: 'x' } });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    expect(await verifyAuditChain(database.db)).toEqual(before);
  });

  it('never forks when many writers append at once', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        database.db.transaction((tx) =>
          writeAuditEvent(tx, { action: 'user.logged_in', actor: { kind: 'user', userId }, target: { type: 'user', id: userId }, summary: { after: { i } } }),
        ),
      ),
    );
    const result = await verifyAuditChain(database.db, { batchSize: 5 }); // several batches
    expect(result).toMatchObject({ ok: true });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(database.db.execute(sql`UPDATE audit_events SET reason = 'edited'`)).rejects.toSatisfy((e) => sqlStateOf(e) === '42501');
    await expect(database.db.execute(sql`DELETE FROM audit_events`)).rejects.toSatisfy((e) => sqlStateOf(e) === '42501');
    await expect(database.db.execute(sql`TRUNCATE audit_events`)).rejects.toSatisfy((e) => sqlStateOf(e) === '42501');
  });

  it('refuses an action that is not in AUDIT_ACTIONS', async () => {
    await expect(
      writeAuditEvent(database.db, { action: 'user.teleported' as AuditAction, actor: { kind: 'system' }, target: { type: 'user', id: userId } }),
    ).rejects.toThrow(/Unknown audit action/);
  });

  it('searches by action, actor, target, period and text, newest first, in keyset pages', async () => {
    const byAction = await searchAuditEvents(database.db, { action: 'role.granted' });
    expect(byAction.events.map((e) => e.reason)).toEqual(['first administrator']);
    const byText = await searchAuditEvents(database.db, { text: '山田製作所' });
    expect(byText.events.map((e) => e.action)).toEqual(['organisation.registered']);
    const byTarget = await searchAuditEvents(database.db, { targetType: 'organisation', targetId: orgId, actorUserId: userId });
    expect(byTarget.events).toHaveLength(1);
    const future = await searchAuditEvents(database.db, { from: new Date(Date.now() + 60_000) });
    expect(future.events).toHaveLength(0);
    const page1 = await searchAuditEvents(database.db, { action: 'user.logged_in' }, { limit: 5 });
    expect(page1.events).toHaveLength(5);
    expect(page1.nextBeforeSeq).not.toBeNull();
    const page2 = await searchAuditEvents(database.db, { action: 'user.logged_in' }, { limit: 5, beforeSeq: page1.nextBeforeSeq ?? 0 });
    expect(page2.events[0]?.seq).toBeLessThan(page1.events.at(-1)?.seq ?? 0);
    expect(page1.events[0]?.seq).toBeGreaterThan(page1.events[1]?.seq ?? Infinity);
    const wildcard = await searchAuditEvents(database.db, { text: '%' });
    expect(wildcard.events).toHaveLength(0); // % is matched literally
  });

  it('reports the first broken link when a row is edited behind the trigger’s back', async () => {
    const seqs = rowsOf<{ seq: number }>(await database.db.execute(sql`SELECT seq FROM audit_events ORDER BY seq`)).map((r) => Number(r.seq));
    const victim = seqs[2] ?? 0;
    await tamper(sql`UPDATE audit_events SET summary = '{"after":{"i":999}}' WHERE seq = ${victim}`);
    const result = await verifyAuditChain(database.db, { batchSize: 4 });
    expect(result).toMatchObject({ ok: false, brokenAtSeq: victim });
    if (!result.ok) expect(result.reason).toMatch(/changed/);
  });

  it('reports a deleted row at the entry after the gap', async () => {
    const fresh = await createTestDatabase();
    try {
      for (const i of [1, 2, 3]) {
        await writeAuditEvent(fresh.db, { action: 'draft.saved', actor: { kind: 'user', userId }, target: { type: 'draft', id: String(i) } });
      }
      const seqs = rowsOf<{ seq: number }>(await fresh.db.execute(sql`SELECT seq FROM audit_events ORDER BY seq`)).map((r) => Number(r.seq));
      await fresh.db.transaction(async (tx) => {
        await tx.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
        await tx.execute(sql`DELETE FROM audit_events WHERE seq = ${seqs[1]}`);
        await tx.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
      });
      const result = await verifyAuditChain(fresh.db);
      expect(result).toMatchObject({ ok: false, brokenAtSeq: seqs[2] });
      if (!result.ok) expect(result.reason).toMatch(/prev_hash/);
    } finally {
      await fresh.close();
    }
  });
});
