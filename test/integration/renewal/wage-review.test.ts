// M6: the wage-increase report made with the JAIM renewal (jaim-membership-faq Q3-3-2) with its evidence files, and
// the secretariat's review of it: list by status, the report with its files, the judgement with a reason; two
// reviewers at once — the second sees a conflict in their language and nothing is overwritten.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../src/persistence/database.js';
import { SAMPLE_PDF, SAMPLE_PNG } from '../../../src/domain/uploads/fake-clamd.test-helper.js';
import { fixedClock } from '../../helpers/test-app.js';
import { clientFor, createMembershipTestApp, type MembershipTestApp } from '../membership/membership-test-app.js';
import { listedCompany, memberActor, staffActor } from './fixtures.js';

const clock = fixedClock('2027-01-15T01:00:00Z');
let t: MembershipTestApp;
let staffA = '';
let staffB = '';
let memberId = '';
let cycleId = '';
let responseId = '';
let reportId = '';

const wageReports = async () => rowsOf<{ id: string; adequacy: string; review_note: string | null; lock_version: number }>(await t.database.db.execute(sql`SELECT id, adequacy, review_note, lock_version FROM wage_reports`));

beforeAll(async () => {
  t = await createMembershipTestApp(clock);
  staffA = (await staffActor(t.database.db)).userId;
  staffB = (await staffActor(t.database.db, 'secretariat_reviewer')).userId;
  const { company } = await listedCompany(t.database.db, { roster: 'jaim', listedFrom: '2026-01-10', establishments: ['賃上げ工場'], name: '株式会社賃上げテスト' });
  memberId = (await memberActor(t.database.db, company.id)).userId;
  const opened = await clientFor(t.app, staffA).post('/staff/renewal', { fiscalYear: '2027', roster: 'jaim', deadline: '2027-02-28' });
  cycleId = /\/staff\/renewal\/([0-9a-f-]{36})/.exec(opened.headers.location as string)![1]!;
  const member = clientFor(t.app, memberId);
  responseId = /href="\/renewal\/([0-9a-f-]{36})"/.exec((await member.get('/renewal')).body)![1]!;
  expect((await member.post(`/renewal/${responseId}`, { decision: 'renew', lockVersion: '0' })).statusCode).toBe(303);
});
afterAll(() => t?.close());

describe('the member reports the wage increase with evidence files', () => {
  const fields = { increasePercent: '3.1', evidenceText: '賃金台帳（2027年1月分、前年同月比）', evidenceReference: '賃金台帳2027-01.pdf' };

  it('a mislabelled file is refused with a message on the file field; nothing is stored and the answers are kept', async () => {
    const member = clientFor(t.app, memberId);
    await member.get(`/renewal/${responseId}`);
    const bad = await member.upload(`/renewal/${responseId}/wage-report`, fields, { filename: 'chingin.pdf', contentType: 'application/pdf', bytes: Buffer.from('not really a pdf') });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#file"');
    expect(bad.body).toContain('賃金台帳（2027年1月分、前年同月比）');
    expect(await wageReports()).toHaveLength(0);
  });

  it('the report is stored with its file; another file can be added while it waits for review', async () => {
    const member = clientFor(t.app, memberId);
    await member.get(`/renewal/${responseId}`);
    const ok = await member.upload(`/renewal/${responseId}/wage-report`, fields, { filename: '賃金台帳2027-01.pdf', contentType: 'application/pdf', bytes: SAMPLE_PDF });
    expect(ok.statusCode).toBe(303);
    const more = await member.upload(`/renewal/${responseId}/wage-report/files`, {}, { filename: 'kyuyo-meisai.png', contentType: 'image/png', bytes: SAMPLE_PNG });
    expect(more.statusCode).toBe(303);
    const page = await member.get(`/renewal/${responseId}?done=file`);
    expect(page.body).toContain('賃金台帳2027-01.pdf');
    expect(page.body).toContain('kyuyo-meisai.png');
    const reports = await wageReports();
    expect(reports).toHaveLength(1);
    reportId = reports[0]!.id;
    const files = rowsOf<{ purpose: string; n: number }>(await t.database.db.execute(sql`SELECT u.purpose, count(*)::int AS n FROM wage_report_files f JOIN uploads u ON u.id = f.upload_id WHERE f.wage_report_id = ${reportId} GROUP BY u.purpose`));
    expect(files).toEqual([{ purpose: 'wage_evidence', n: 2 }]);
  });
});

describe('the secretariat reviews the report', () => {
  it('the renewal cycle page links to the reports; the list filters by status', async () => {
    const staff = clientFor(t.app, staffA);
    const cycle = await staff.get(`/staff/renewal/${cycleId}`);
    expect(cycle.body).toContain(`href="/staff/renewal/${cycleId}/wage-reports"`);
    expect(cycle.body).toContain('審査待ち 1件');
    const waiting = await staff.get(`/staff/renewal/${cycleId}/wage-reports`);
    expect(waiting.statusCode).toBe(200);
    expect(waiting.body).toContain(`href="/staff/renewal/wage-reports/${reportId}"`);
    expect(waiting.body).toContain('aria-current="page"');
    const adequate = await staff.get(`/staff/renewal/${cycleId}/wage-reports?status=adequate`);
    expect(adequate.body).not.toContain(`/staff/renewal/wage-reports/${reportId}`);
    expect((await clientFor(t.app, memberId).get(`/staff/renewal/${cycleId}/wage-reports`)).statusCode).toBe(403);
    expect((await clientFor(t.app, memberId).get(`/staff/renewal/wage-reports/${reportId}`)).statusCode).toBe(403);
  });

  it('the report page shows the evidence with links to the files, which staff can download', async () => {
    const staff = clientFor(t.app, staffA);
    const page = await staff.get(`/staff/renewal/wage-reports/${reportId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('3.10%');
    expect(page.body).toContain('賃金台帳（2027年1月分、前年同月比）');
    expect(page.body).toContain('jaim-membership-faq Q3-3-2');
    const links = [...page.body.matchAll(/href="\/uploads\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    const file = await t.app.inject({ method: 'GET', url: `/uploads/${links[0]}`, headers: { 'x-test-user': staffA } });
    expect(file.statusCode).toBe(200);
    expect([SAMPLE_PDF.toString('latin1'), SAMPLE_PNG.toString('latin1')]).toContain(file.rawPayload.toString('latin1'));
  });

  it('a judgement without a choice or reason is refused field by field, in the user’s language', async () => {
    const staff = clientFor(t.app, staffA);
    await staff.get(`/staff/renewal/wage-reports/${reportId}`);
    const ja = await staff.post(`/staff/renewal/wage-reports/${reportId}`, { lockVersion: '0' });
    expect(ja.statusCode).toBe(400);
    expect(ja.body).toContain('href="#adequacy"');
    expect(ja.body).toContain('href="#note"');
    expect(ja.body).toContain('判断の理由を入力してください');
    const english = await staff.post(`/staff/renewal/wage-reports/${reportId}?lang=en`, { adequacy: 'adequate', lockVersion: '0' });
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('Give the reason for the judgement');
    expect(english.body).toContain('Is the wage increase adequate?');
    expect((await wageReports())[0]!.adequacy).toBe('needs_review');
  });

  it('two reviewers at once: the first judgement is recorded, the second gets a conflict and overwrites nothing', async () => {
    const a = clientFor(t.app, staffA);
    const b = clientFor(t.app, staffB);
    const pageA = await a.get(`/staff/renewal/wage-reports/${reportId}`);
    const pageB = await b.get(`/staff/renewal/wage-reports/${reportId}`);
    const lock = /name="lockVersion" value="(\d+)"/.exec(pageA.body)![1]!;
    expect(/name="lockVersion" value="(\d+)"/.exec(pageB.body)![1]).toBe(lock);
    const first = await a.post(`/staff/renewal/wage-reports/${reportId}`, { adequacy: 'adequate', note: '賃金台帳で前年比3.1%の引上げを確認', lockVersion: lock });
    expect(first.statusCode).toBe(303);
    const second = await b.post(`/staff/renewal/wage-reports/${reportId}`, { adequacy: 'inadequate', note: '証跡不足', lockVersion: lock });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('他の担当者が先に審査しました');
    expect(second.body).toContain('証跡不足'); // the note typed is shown back, marked as not saved
    expect(await wageReports()).toEqual([{ id: reportId, adequacy: 'adequate', review_note: '賃金台帳で前年比3.1%の引上げを確認', lock_version: 1 }]);
    const audit = rowsOf<{ action: string }>(await t.database.db.execute(sql`SELECT action FROM audit_events WHERE target_id = ${reportId} ORDER BY seq`));
    expect(audit.map((x) => x.action)).toEqual(['wage_report.submitted', 'wage_report.evidence_attached', 'wage_report.reviewed']);
  });

  it('in English, a stale judgement reads “Someone else reviewed this report first”', async () => {
    const b = clientFor(t.app, staffB);
    await b.get(`/staff/renewal/wage-reports/${reportId}?lang=en`);
    const res = await b.post(`/staff/renewal/wage-reports/${reportId}?lang=en`, { adequacy: 'inadequate', note: 'Not enough evidence', lockVersion: '0' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Someone else reviewed this report first');
    expect((await wageReports())[0]!.adequacy).toBe('adequate');
  });

  it('after review the list filters it as adequate, and the member sees the result and can add no more files', async () => {
    const staff = clientFor(t.app, staffA);
    expect((await staff.get(`/staff/renewal/${cycleId}/wage-reports?status=adequate`)).body).toContain(`/staff/renewal/wage-reports/${reportId}`);
    expect((await staff.get(`/staff/renewal/${cycleId}/wage-reports`)).body).not.toContain(`/staff/renewal/wage-reports/${reportId}`);
    const member = clientFor(t.app, memberId);
    const page = await member.get(`/renewal/${responseId}`);
    expect(page.body).toContain('確認済み（妥当）');
    const late = await member.upload(`/renewal/${responseId}/wage-report/files`, {}, { filename: 'late.pdf', contentType: 'application/pdf', bytes: SAMPLE_PDF });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('審査済みのため');
  });
});
