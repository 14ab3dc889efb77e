import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionUser } from '../../../src/domain/accounts/provision-user.js';
import { corporateNumberFromBase } from '../../../src/domain/membership/corporate-number.js';
import { withdrawUnmigratedCouncilMembers } from '../../../src/domain/council-migration/withdraw-unmigrated.js';
import { legalDate } from '../../../rules/core/index.js';
import { verifyAuditChain } from '../../../src/persistence/audit/index.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { insertOrganisation } from '../../../src/persistence/repositories/organisations.repository.js';
import { councilWithdrawals, joinRequests } from '../../../src/persistence/schema/index.js';
import { fixedClock } from '../../helpers/test-app.js';
import { clientFor, createMembershipTestApp, type MembershipTestApp } from '../membership/membership-test-app.js';

const clock = fixedClock('2025-11-10T03:00:00Z');
let t: MembershipTestApp;
let adminId: string;
let existingOrgId: string;
const CN = (i: number) => corporateNumberFromBase(String(300_000_000_000 + i * 7).slice(-12));
const HEADER = 'council_member_id,corporate_number,company_name,company_name_kana,establishment_name,address,prefecture,jsic_codes,listed_date,migration_choice';
const line = (id: string, cn: string, est: string, choice: string, extra: { pref?: string; date?: string } = {}) =>
  [id, cn, `株式会社移行${id}`, 'イコウ', est, '名古屋市中区1-1', extra.pref ?? '23', '2592', extra.date ?? '2024-04-01', choice].join(',');

beforeAll(async () => {
  t = await createMembershipTestApp(clock);
  const secretariat = await insertOrganisation(t.database.db, { kind: 'secretariat', name: '事務局', nameKana: null, corporateNumber: null, postalCode: null, prefecture: null, address: null, representativeName: null });
  adminId = (
    await provisionUser(t.database.db, { email: 'migration-admin@jinzai.invalid', password: 'correct horse battery staple', displayName: '移行 担当', isStaff: true, roles: [{ role: 'secretariat_admin', organisationId: secretariat.id }], informationHandler: { department: '事務局' } })
  ).userId;
  existingOrgId = (await insertOrganisation(t.database.db, { kind: 'accepting_company', name: '既存工業株式会社', nameKana: null, corporateNumber: CN(1), postalCode: null, prefecture: '23', address: null, representativeName: null })).id;
});
afterAll(() => t?.close());

const CSV = [
  HEADER,
  line('C001', CN(1), '本社工場', 'full'), // links the existing company
  line('C002', CN(2), '第一工場', 'full'),
  line('C002', CN(2), '第二工場', 'full'), // repeated member id
  line('C003', CN(3), '岐阜工場', 'information_only', { pref: '岐阜県' }),
  line('C004', '7123456789013', '誤り工場', 'full'), // bad check digit
  line('C005', CN(5), '期限後工場', 'full', { date: '2026-01-05' }), // listed after the council roster ended
  line('C006', CN(6), '未移行工場', 'information_only'),
].join('\r\n');

describe('council migration import (M11)', () => {
  let batchUrl = '';
  it('a dry run reports errors, duplicates, join applications and information-only rows, and writes nothing', async () => {
    const admin = clientFor(t.app, adminId);
    await admin.get('/staff/council-migration');
    const res = await admin.post('/staff/council-migration', { csvText: CSV, fileName: 'council.csv' });
    expect(res.statusCode).toBe(303);
    batchUrl = res.headers.location as string;
    const page = await admin.get(batchUrl);
    expect(page.body).toMatch(/id="count-join">2</);
    expect(page.body).toMatch(/id="count-info">2</);
    expect(page.body).toMatch(/id="count-duplicates">1</);
    expect(page.body).toMatch(/id="count-errors">2</);
    expect(page.body).toContain('同じ構成員番号が 3 行目にもあります');
    const jr = rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM join_requests`));
    expect(Number(jr[0]!.n)).toBe(0);
  });

  it('applying creates organisations (or links by 法人番号), submitted migrated join applications, council listings and audit entries', async () => {
    const admin = clientFor(t.app, adminId);
    const page = await admin.get(batchUrl);
    const lockVersion = /name="lockVersion" value="(\d+)"/.exec(page.body)![1]!;
    const res = await admin.post(`${batchUrl}/apply`, { lockVersion });
    expect(res.statusCode).toBe(303);
    const requests = await t.database.db.select().from(joinRequests);
    expect(requests).toHaveLength(2);
    expect(requests.every((r) => r.status === 'submitted' && r.receivedSeq !== null)).toBe(true);
    expect(requests.map((r) => (r.answers as { migratedFromCouncil?: { councilMemberId: string } }).migratedFromCouncil?.councilMemberId).sort()).toEqual(['C001', 'C002']);
    expect(requests.find((r) => r.organisationId === existingOrgId)).toBeDefined();
    expect((requests[0]!.answers as { templateResubmission: string }).templateResubmission).toBe('simplified');
    const listings = (await t.app.inject({ method: 'GET', url: '/api/v1/roster?asOf=2025-11-10' })).json();
    expect(listings.total).toBe(4);
    expect(listings.validRoster.roster).toBe('council');
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
    const audits = rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'council_migration.record_imported'`));
    expect(Number(audits[0]!.n)).toBe(4);
  });

  it('applying twice is refused with a conflict, and re-importing the same members reports them as duplicates', async () => {
    const admin = clientFor(t.app, adminId);
    await admin.get(batchUrl);
    const again = await admin.post(`${batchUrl}/apply`, { lockVersion: '1' });
    expect(again.statusCode).toBe(409);
    const second = await admin.post('/staff/council-migration', { csvText: [HEADER, line('C001', CN(1), '本社工場', 'full')].join('\n'), fileName: 'again.csv' });
    const report = await admin.get(second.headers.location as string);
    expect(report.body).toContain('この構成員はすでに移行済みです');
  });

  it('refuses a file without the required columns with a message on the file field', async () => {
    const admin = clientFor(t.app, adminId);
    await admin.get('/staff/council-migration');
    const res = await admin.post('/staff/council-migration', { csvText: 'a,b\n1,2', fileName: 'x.csv' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#file"');
  });

  it('members not migrated by 2025-12-25 are withdrawn automatically from 2025-12-26, with the determination stored (Q2-2-3)', async () => {
    const system = { actor: { kind: 'system' as const, job: 'council.auto_withdraw' }, db: t.database.db, clock };
    expect((await withdrawUnmigratedCouncilMembers(system, legalDate('2025-12-20'))).withdrawn).toBe(0);
    const run = await withdrawUnmigratedCouncilMembers(system, legalDate('2025-12-27'));
    expect(run).toMatchObject({ considered: 4, withdrawn: 4 });
    const rows = await t.database.db.select().from(councilWithdrawals);
    expect(rows.every((r) => r.effectiveOn === '2025-12-26')).toBe(true);
    expect(rows.map((r) => (r.determination as { citation: string }).citation)).toContain('jaim-membership-faq Q2-2-3');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/roster?asOf=2025-12-25' })).json().total).toBe(4);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/roster?asOf=2025-12-26' })).json().total).toBe(0);
    expect((await withdrawUnmigratedCouncilMembers(system, legalDate('2025-12-28'))).withdrawn).toBe(0);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
    const one = await t.database.db.select().from(councilWithdrawals).where(eq(councilWithdrawals.reason, councilWithdrawals.reason));
    expect(one[0]!.reason).toContain('退会');
  });

  it('a person without the migration role cannot see the page', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/staff/council-migration' });
    expect([302, 303, 401, 403]).toContain(anon.statusCode);
  });
});
