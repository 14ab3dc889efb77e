// M7 withdrawal (refused while SSW are employed, listings end on the effective date, no refund, idempotent), M8
// expulsion by two people (self-approval refused, MOJ judgement, re-join block), M13 violation reports.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalDate } from '../../../rules/core/index.js';
import { rejoinBlockLiftedOn } from '../../../rules/council-operating-rules/index.js';
import { rejoinBlockFor } from '../../../src/domain/expulsion/rejoin-block.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { fixedClock } from '../../helpers/test-app.js';
import { clientFor, createMembershipTestApp, type MembershipTestApp } from '../membership/membership-test-app.js';
import { auditActions, idFromLocation, listedCompany, listingsOf, mailTo, secretariatStaff } from './fixtures.js';

const clock = fixedClock('2026-06-01T03:00:00Z');
let t: MembershipTestApp;
let staff: { a: string; b: string };

beforeAll(async () => {
  t = await createMembershipTestApp(clock);
  staff = await secretariatStaff(t.database.db);
});
afterAll(() => t?.close());

const ssw = (id: string) => `ssw-${id}`;

describe('withdrawal (M7)', () => {
  it('is refused while an establishment employs SSW workers, citing art.13(2); nothing is offered to submit', async () => {
    const c = await listedCompany(t.database.db, { establishments: ['東工場', '西工場'] });
    const member = clientFor(t.app, c.adminId);
    const form = await member.get(`/organisations/${c.organisationId}/withdrawal`);
    expect(form.body).toContain('Q3-1-4');
    const check = await member.post(`/organisations/${c.organisationId}/withdrawal`, { scope: 'whole', [ssw(c.establishmentIds[0]!)]: '2', [ssw(c.establishmentIds[1]!)]: '0', effectiveFrom: '2026-06-30' });
    expect(check.statusCode).toBe(422);
    expect(check.body).toContain('council-operating-rules art.13(2)');
    expect(check.body).not.toContain('/withdrawal/submit');
    // Submitted anyway: recorded refused, audited, the listings untouched, the member told by mail.
    const res = await member.post(`/organisations/${c.organisationId}/withdrawal/submit`, { scope: 'whole', [ssw(c.establishmentIds[0]!)]: '2', [ssw(c.establishmentIds[1]!)]: '0', effectiveFrom: '2026-06-30' });
    const id = idFromLocation(res.headers.location);
    expect((await member.get(`/withdrawals/${id}`)).body).toContain('退会の届出は受け付けられませんでした');
    expect(await auditActions(t.database.db, id)).toEqual(['withdrawal.refused']);
    expect((await listingsOf(t.database.db, c.establishmentIds[0]!))[0]!.listed_until).toBeNull();
    expect(await mailTo(t.database.db, c.adminId)).toContain('【Jinzai】退会の届出を受け付けできませんでした');
  });

  it('headcounts and the date are validated per field', async () => {
    const c = await listedCompany(t.database.db);
    const res = await clientFor(t.app, c.adminId).post(`/organisations/${c.organisationId}/withdrawal`, { scope: 'whole', effectiveFrom: '2026-05-01' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`href="#${ssw(c.establishmentIds[0]!)}"`);
    expect(res.body).toContain('href="#effectiveFrom"');
  });

  it('some establishments: accepted, the listing ends on the effective date, no refund shown; a double submit is one notice', async () => {
    const c = await listedCompany(t.database.db, { establishments: ['東工場', '西工場'] });
    const member = clientFor(t.app, c.adminId);
    const form = { scope: 'establishments', establishmentIds: [c.establishmentIds[1]!], [ssw(c.establishmentIds[1]!)]: '0', effectiveFrom: '2026-06-30', idempotencyKey: 'key-12345678' };
    const check = await member.post(`/organisations/${c.organisationId}/withdrawal`, form);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('jaim-membership-faq Q3-1-4');
    const first = await member.post(`/organisations/${c.organisationId}/withdrawal/submit`, form);
    const again = await member.post(`/organisations/${c.organisationId}/withdrawal/submit`, form);
    expect(first.headers.location).toBe(again.headers.location);
    const id = idFromLocation(first.headers.location);
    expect((await member.get(`/withdrawals/${id}`)).body).toContain('2026-06-30 をもって名簿への掲載を終了します');
    expect((await listingsOf(t.database.db, c.establishmentIds[1]!)).map((r) => r.listed_until)).toEqual(['2026-06-30']);
    expect((await listingsOf(t.database.db, c.establishmentIds[0]!)).map((r) => r.listed_until)).toEqual([null]);
    const audit = await auditActions(t.database.db, id);
    expect(audit).toEqual(['withdrawal.accepted']);
    expect(await mailTo(t.database.db, c.adminId)).toContain('【Jinzai】退会の届出を受け付けました');
    expect((await clientFor(t.app, staff.a).get('/staff/withdrawals')).body).toContain(id);
  });

  it('another company cannot withdraw this one', async () => {
    const c = await listedCompany(t.database.db);
    const other = await listedCompany(t.database.db);
    const res = await clientFor(t.app, other.adminId).post(`/organisations/${c.organisationId}/withdrawal/submit`, { scope: 'whole', [ssw(c.establishmentIds[0]!)]: '0', effectiveFrom: '2026-06-30' });
    expect(res.statusCode).toBe(403);
  });
});

describe('expulsion (M8)', () => {
  const propose = async (corporateNumber: string, grounds: string[], evidence: Record<string, string>) => {
    const res = await clientFor(t.app, staff.a).post('/staff/expulsions/new', { corporateNumber, category: 'iii', grounds, ...evidence });
    return res;
  };
  const lockOf = async (id: string) => rowsOf<{ v: number }>(await t.database.db.execute(sql`SELECT lock_version AS v FROM expulsions WHERE id = ${id}`))[0]!.v;

  it('needs evidence for each ground', async () => {
    const c = await listedCompany(t.database.db);
    const res = await propose(c.corporateNumber, ['iii'], {});
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#evidence-iii"');
  });

  it('is proposed by one member of staff and approved by another; self-approval is refused', async () => {
    const c = await listedCompany(t.database.db);
    const res = await propose(c.corporateNumber, ['iii'], { 'evidence-iii': '虚偽の出荷証明書を提出して入会した（調査報告書 第12号）' });
    expect(res.statusCode).toBe(303);
    const id = idFromLocation(res.headers.location);
    const proposer = clientFor(t.app, staff.a);
    const page = await proposer.get(`/staff/expulsions/${id}`);
    expect(page.body).toContain('council-operating-rules art.14(1)');
    const self = await proposer.post(`/staff/expulsions/${id}/approve`, { lockVersion: String(await lockOf(id)), mojJudgement: 'necessary', mojReason: '不正入会' });
    expect(self.statusCode).toBe(403);
    expect(self.body).toContain('除名を提案した本人は');

    const approver = clientFor(t.app, staff.b);
    const missing = await approver.post(`/staff/expulsions/${id}/approve`, { lockVersion: String(await lockOf(id)) });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#mojJudgement"');
    const ok = await approver.post(`/staff/expulsions/${id}/approve`, { lockVersion: String(await lockOf(id)), mojJudgement: 'necessary', mojReason: '不正の手段による入会で、受入れの適正確保に影響が大きい' });
    expect(ok.statusCode).toBe(303);
    const row = rowsOf<{ status: string; expelled_on: string; rejoin: string; moj: boolean }>(
      await t.database.db.execute(sql`SELECT status, expelled_on::text AS expelled_on, rejoin_block_lifted_on::text AS rejoin, moj_report_necessary AS moj FROM expulsions WHERE id = ${id}`),
    )[0]!;
    expect(row).toEqual({ status: 'approved', expelled_on: '2026-06-01', rejoin: rejoinBlockLiftedOn(legalDate('2026-06-01')), moj: true });
    expect((await listingsOf(t.database.db, c.establishmentIds[0]!)).map((r) => r.listed_until)).toEqual(['2026-06-01']);
    expect(await mailTo(t.database.db, c.adminId)).toContain('【Jinzai】除名の通知');
    expect(await auditActions(t.database.db, id)).toEqual(['expulsion.proposed', 'expulsion.approved']);

    // The re-join block for the join flow: refused before the lift date, not from it.
    expect(await rejoinBlockFor(t.database.db, c.corporateNumber, '2027-06-01')).toMatchObject({ ground: 'iii', liftedOn: row.rejoin });
    expect(await rejoinBlockFor(t.database.db, c.corporateNumber, row.rejoin)).toBeNull();

    // The report to the Ministry of Justice is recorded after the judgement.
    const reported = await approver.post(`/staff/expulsions/${id}/moj-report`, { lockVersion: String(await lockOf(id)), reportedOn: '2026-06-01', reference: '法務省報告 第2026-15号' });
    expect(reported.statusCode).toBe(303);
    expect((await approver.get(`/staff/expulsions/${id}`)).body).toContain('法務省報告 第2026-15号');
  });

  it('an expulsion for ground (iv) only does not block re-joining; a rejection needs another person and a reason', async () => {
    const c = await listedCompany(t.database.db);
    const id = idFromLocation((await propose(c.corporateNumber, ['iv'], { 'evidence-iv': '全事業所で製造を終了（廃業届の写し）' })).headers.location);
    const approver = clientFor(t.app, staff.b);
    expect((await approver.post(`/staff/expulsions/${id}/approve`, { lockVersion: String(await lockOf(id)), mojJudgement: 'not_necessary', mojReason: '事業の廃止によるもの' })).statusCode).toBe(303);
    expect(await rejoinBlockFor(t.database.db, c.corporateNumber, '2026-06-02')).toBeNull();

    const c2 = await listedCompany(t.database.db);
    const id2 = idFromLocation((await propose(c2.corporateNumber, ['ii'], { 'evidence-ii': '協力義務違反' })).headers.location);
    expect((await clientFor(t.app, staff.a).post(`/staff/expulsions/${id2}/reject`, { lockVersion: String(await lockOf(id2)), reason: '取り下げ' })).statusCode).toBe(403);
    expect((await approver.post(`/staff/expulsions/${id2}/reject`, { lockVersion: String(await lockOf(id2)), reason: '' })).statusCode).toBe(400);
    expect((await approver.post(`/staff/expulsions/${id2}/reject`, { lockVersion: String(await lockOf(id2)), reason: '事実確認が不十分' })).statusCode).toBe(303);
    expect((await listingsOf(t.database.db, c2.establishmentIds[0]!)).map((r) => r.listed_until)).toEqual([null]);
  });

  it('company users cannot see expulsions', async () => {
    const c = await listedCompany(t.database.db);
    expect((await clientFor(t.app, c.adminId).get('/staff/expulsions')).statusCode).toBe(403);
  });
});

describe('violation reports (M13)', () => {
  it('staff record a suspected violation and its reports to agencies; only information handlers read them', async () => {
    const c = await listedCompany(t.database.db);
    const staffA = clientFor(t.app, staff.a);
    const bad = await staffA.post('/staff/violations/new', { subjectName: '', facts: '', observedOn: '2026-07-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#subjectName"');
    const res = await staffA.post('/staff/violations/new', { subjectName: '本社工場', corporateNumber: c.corporateNumber, facts: '在留資格外の業務に従事させている疑い', source: 'site_visit', observedOn: '2026-05-28' });
    expect(res.statusCode).toBe(303);
    const id = idFromLocation(res.headers.location);
    expect((await staffA.get(`/staff/violations/${id}`)).body).toContain('council-operating-rules art.15');
    const lock = async () => rowsOf<{ v: number }>(await t.database.db.execute(sql`SELECT lock_version AS v FROM violation_reports WHERE id = ${id}`))[0]!.v;
    expect((await staffA.post(`/staff/violations/${id}/report`, { lockVersion: String(await lock()), agency: 'moj', reportedOn: '2026-05-30', reference: '入管情報提供 第88号' })).statusCode).toBe(303);
    expect((await staffA.post(`/staff/violations/${id}/report`, { lockVersion: String(await lock()), agency: 'mhlw', reportedOn: '2026-05-31', reference: '労働局 第5号' })).statusCode).toBe(303);
    expect((await staffA.post(`/staff/violations/${id}/close`, { lockVersion: String(await lock()) })).statusCode).toBe(303);
    const page = await staffA.get(`/staff/violations/${id}`);
    expect(page.body).toContain('入管情報提供 第88号');
    expect(page.body).toContain('厚生労働省');
    expect(await auditActions(t.database.db, id)).toEqual(['violation_report.recorded', 'violation_report.agency_informed', 'violation_report.agency_informed', 'violation_report.closed']);
    expect((await staffA.post(`/staff/violations/${id}/report`, { lockVersion: String(await lock()), agency: 'npa', reportedOn: '2026-05-31', reference: 'x' })).statusCode).toBe(409);
    expect((await clientFor(t.app, c.adminId).get(`/staff/violations/${id}`)).statusCode).toBe(403);
  });
});
