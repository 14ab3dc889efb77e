// Violation reports (council art.15) and expulsion proposals (art.14) are idempotent: the form carries a key, so a
// double submit or a retry records one and returns it; a freshly drawn form records a deliberate second one.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserActor } from '../../../src/domain/accounts/build-actor.js';
import { proposeExpulsion } from '../../../src/domain/expulsion/propose-expulsion.js';
import { recordViolation } from '../../../src/domain/violations/record-violation.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { findUserById } from '../../../src/persistence/repositories/users.repository.js';
import { fixedClock } from '../../helpers/test-app.js';
import { clientFor, createMembershipTestApp, type MembershipTestApp } from '../membership/membership-test-app.js';
import { auditActions, idFromLocation, listedCompany, secretariatStaff } from './fixtures.js';

const clock = fixedClock('2026-06-01T03:00:00Z');
let t: MembershipTestApp;
let staff: { a: string; b: string };

beforeAll(async () => {
  t = await createMembershipTestApp(clock);
  staff = await secretariatStaff(t.database.db);
});
afterAll(() => t?.close());

const keyIn = (html: string): string => /name="idempotencyKey" value="([^"]+)"/.exec(html)![1]!;
const count = async (table: 'violation_reports' | 'expulsions', organisationId: string) =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE organisation_id = ${organisationId}`))[0]!.n;
const staffContext = async (userId: string) => ({ actor: await buildUserActor(t.database.db, (await findUserById(t.database.db, userId))!, true), db: t.database.db, clock, baseUrl: 'http://x' });

describe('violation reports: a double submit records one', () => {
  it('the same form posted twice (at once and again) goes to the same record; the use case returns it as a duplicate', async () => {
    const c = await listedCompany(t.database.db);
    const client = clientFor(t.app, staff.a);
    const key = keyIn((await client.get('/staff/violations/new')).body);
    const body = { subjectName: '本社工場', corporateNumber: c.corporateNumber, facts: '在留資格外の業務に従事させている疑い', source: 'site_visit', observedOn: '2026-05-28', idempotencyKey: key };
    const [a, b] = await Promise.all([client.post('/staff/violations/new', body), client.post('/staff/violations/new', body)]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect(b.headers.location).toBe(a.headers.location);
    const again = await client.post('/staff/violations/new', body);
    expect(again.headers.location).toBe(a.headers.location);
    const id = idFromLocation(a.headers.location);
    expect(await count('violation_reports', c.organisationId)).toBe(1);
    expect(await auditActions(t.database.db, id)).toEqual(['violation_report.recorded']);
    expect(await recordViolation(await staffContext(staff.a), body, key)).toEqual({ id, duplicate: true });
    expect(await count('violation_reports', c.organisationId)).toBe(1);
  });

  it('bad input keeps the key (nothing recorded); a new form records a second report', async () => {
    const c = await listedCompany(t.database.db);
    const client = clientFor(t.app, staff.a);
    const key = keyIn((await client.get('/staff/violations/new')).body);
    const body = { subjectName: '本社工場', corporateNumber: c.corporateNumber, facts: '虚偽報告の疑い', source: 'report', observedOn: '2026-05-20', idempotencyKey: key };
    const bad = await client.post('/staff/violations/new', { ...body, facts: '' });
    expect(bad.statusCode).toBe(400);
    expect(keyIn(bad.body)).toBe(key);
    expect(await count('violation_reports', c.organisationId)).toBe(0);
    const first = await client.post('/staff/violations/new', body);
    const key2 = keyIn((await client.get('/staff/violations/new')).body);
    expect(key2).not.toBe(key);
    const second = await client.post('/staff/violations/new', { ...body, idempotencyKey: key2 });
    expect(idFromLocation(second.headers.location)).not.toBe(idFromLocation(first.headers.location));
    expect(await count('violation_reports', c.organisationId)).toBe(2);
  });
});

describe('expulsion proposals: a double submit proposes once', () => {
  const evidence = { 'evidence-iii': '虚偽の出荷証明書を提出して入会した（調査報告書 第12号）' };

  it('the same form posted twice (at once and again) goes to the first proposal, not to "already awaiting a decision"', async () => {
    const c = await listedCompany(t.database.db);
    const client = clientFor(t.app, staff.a);
    const key = keyIn((await client.get('/staff/expulsions/new')).body);
    const body = { corporateNumber: c.corporateNumber, category: 'iii', grounds: ['iii'], ...evidence, idempotencyKey: key };
    const [a, b] = await Promise.all([client.post('/staff/expulsions/new', body), client.post('/staff/expulsions/new', body)]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect(b.headers.location).toBe(a.headers.location);
    const again = await client.post('/staff/expulsions/new', body);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(a.headers.location);
    const id = idFromLocation(a.headers.location);
    expect(await count('expulsions', c.organisationId)).toBe(1);
    expect(await auditActions(t.database.db, id)).toEqual(['expulsion.proposed']);
    const input = { corporateNumber: c.corporateNumber, category: 'iii', grounds: ['iii'], ...evidence };
    expect(await proposeExpulsion(await staffContext(staff.a), input, key)).toEqual({ id, duplicate: true });

    // A fresh form for the same member is still refused while the first proposal awaits a decision.
    const key2 = keyIn((await client.get('/staff/expulsions/new')).body);
    const other = await client.post('/staff/expulsions/new', { ...body, idempotencyKey: key2 });
    expect(other.statusCode).toBe(409);
    expect(other.body).toContain('判断待ちの除名の提案が既にあります');
    expect(await count('expulsions', c.organisationId)).toBe(1);
  });
});
