// Staff fee pages over HTTP, with CSRF for real: issuing an invoice by searching the company and choosing the
// establishment (plain GET search, no JavaScript), and importing the bank's direct-debit result file (multipart,
// Shift_JIS): dry run, apply, the arrears list with the bank's reason.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDebitAccount } from '../../../src/domain/fees/debit-accounts.js';
import { customerNumber } from '../../../src/domain/fees/billing.js';
import { exportDebitFile } from '../../../src/domain/fees/export-debit-file.js';
import { issueInvoice } from '../../../src/domain/fees/issue-invoice.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { insertEstablishment } from '../../../src/persistence/repositories/establishments.repository.js';
import { insertOrganisation } from '../../../src/persistence/repositories/organisations.repository.js';
import { fixedClock } from '../../helpers/test-app.js';
import { clientFor, createMembershipTestApp, type MembershipTestApp } from '../membership/membership-test-app.js';
import { listedCompany, memberActor, staffActor } from '../renewal/fixtures.js';
import { bankResultFile } from './debit-result-file.js';

const clock = fixedClock('2027-02-01T01:00:00Z');
let t: MembershipTestApp;
let staffId = '';
let memberId = '';
let companyId = '';
const plantIds: string[] = [];

beforeAll(async () => {
  t = await createMembershipTestApp(clock);
  staffId = (await staffActor(t.database.db)).userId;
  const company = await insertOrganisation(t.database.db, { kind: 'accepting_company', name: '株式会社ミナト精工', nameKana: 'カブシキガイシャミナトセイコウ', corporateNumber: '4180001234567', postalCode: null, prefecture: '23', address: null, representativeName: null });
  companyId = company.id;
  for (const name of ['港工場', '第二港工場']) plantIds.push((await insertEstablishment(t.database.db, { organisationId: company.id, name, nameKana: null, postalCode: null, prefecture: '23', address: '名古屋市港区', jsicCodes: ['2422'] })).id);
  memberId = (await memberActor(t.database.db, company.id)).userId;
});
afterAll(() => t?.close());

const invoicesOf = async (establishmentId: string) => rowsOf<{ fiscal_year: number; amount_yen: number }>(await t.database.db.execute(sql`SELECT fiscal_year, amount_yen FROM fee_invoices WHERE establishment_id = ${establishmentId}`));

describe('issuing an invoice: search the company, choose the establishment', () => {
  it('finds the company by part of its name in hiragana or half-width kana, or by 法人番号 (full-width digits too)', async () => {
    const staff = clientFor(t.app, staffId);
    for (const q of ['みなと', 'ﾐﾅﾄｾｲｺｳ', 'ミナト 精工', '４１８０００１', '4180001234567']) {
      const page = await staff.get(`/staff/fees?q=${encodeURIComponent(q)}`);
      expect(page.statusCode, q).toBe(200);
      expect(page.body, q).toContain(`org=${companyId}`);
    }
    const none = await staff.get(`/staff/fees?q=${encodeURIComponent('存在しない会社')}`);
    expect(none.body).toContain('該当する会社はありません');
    expect(none.body).not.toContain(`org=${companyId}`);
  });

  it('choosing the company lists its establishments; the fiscal year defaults to the current one (April–March)', async () => {
    const staff = clientFor(t.app, staffId);
    const page = await staff.get(`/staff/fees?q=${encodeURIComponent('みなと')}&org=${companyId}`);
    for (const id of plantIds) expect(page.body).toContain(`value="${id}"`);
    expect(page.body).toContain('港工場');
    expect(page.body).toMatch(/id="fiscalYear" name="fiscalYear" type="text"\s+value="2026"/);
    expect(page.body).not.toContain('name="establishmentId" type="text"');
  });

  it('field-level errors in the user’s language, the choices kept; then the invoice is issued', async () => {
    const staff = clientFor(t.app, staffId);
    await staff.get(`/staff/fees?q=x&org=${companyId}`);
    const bad = await staff.post(`/staff/fees/invoices?q=${encodeURIComponent('みなと')}`, { organisationId: companyId, fiscalYear: '20x6', firstYear: 'false', feeNoticeDate: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#establishmentId"');
    expect(bad.body).toContain('請求する事業所を選んでください');
    expect(bad.body).toContain('href="#fiscalYear"');
    expect(bad.body).toContain('年度を4桁の数字で入力してください');
    expect(bad.body).toContain(`value="${plantIds[0]}"`); // the establishments are listed again
    const english = await staff.post(`/staff/fees/invoices?lang=en`, { organisationId: companyId, establishmentId: plantIds[0]!, fiscalYear: '2026', firstYear: 'true', feeNoticeDate: '2026-13-01' });
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('Enter the fee notice date as YYYY-MM-DD');
    expect(await invoicesOf(plantIds[0]!)).toHaveLength(0);
    const ok = await staff.post('/staff/fees/invoices', { organisationId: companyId, establishmentId: plantIds[0]!, fiscalYear: '2026', firstYear: 'true', feeNoticeDate: '2027-02-01' });
    expect(ok.statusCode).toBe(303);
    expect(await invoicesOf(plantIds[0]!)).toEqual([{ fiscal_year: 2026, amount_yen: 16_666 }]);
    expect((await clientFor(t.app, memberId).get(`/staff/fees?q=x`)).statusCode).toBe(403);
  });
});

describe('direct-debit result import pages', () => {
  let file: Buffer;
  let shortCustomer = '';

  beforeAll(async () => {
    const staff = { db: t.database.db, clock, baseUrl: 'http://localhost:3000', actor: await staffActor(t.database.db) };
    const names = ['振替成功工場', '残高不足工場'];
    const { company, establishments } = await listedCompany(t.database.db, { roster: 'jaim', listedFrom: '2026-05-01', establishments: names, name: '株式会社振替テスト' });
    const invoices = [];
    for (const e of establishments) invoices.push(await issueInvoice(staff, { establishmentId: e.id, fiscalYear: 2027, firstYear: false }));
    await registerDebitAccount(staff, company.id, { bankCode: '0005', bankNameKana: 'ミツビシユーエフジェイ', branchCode: '123', branchNameKana: 'ナゴヤ', accountType: '1', accountNumber: '7654321', holderNameKana: 'カ）フリカエテスト' });
    const request = (await exportDebitFile(staff, { fiscalYear: 2027, debitDate: '2027-02-27' })).bytes;
    shortCustomer = customerNumber(2027, invoices[1]!.serial);
    file = bankResultFile(request, (c) => ({ code: c === shortCustomer ? '1' : '0' }));
    clock.set('2027-03-02T01:00:00Z');
  });

  it('refuses a file that is not a result file, on the file field', async () => {
    const staff = clientFor(t.app, staffId);
    await staff.get('/staff/fees/debit-results');
    const bad = await staff.upload('/staff/fees/debit-results', {}, { filename: 'kekka.csv', contentType: 'text/csv', bytes: Buffer.from('a,b\r\n1,2\r\n') });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#file"');
    expect(bad.body).toContain('全銀形式ではありません');
  });

  it('uploads the Shift_JIS file, shows the dry run with the reasons, applies it; arrears show 資金不足; English too', async () => {
    const staff = clientFor(t.app, staffId);
    await staff.get('/staff/fees/debit-results');
    const up = await staff.upload('/staff/fees/debit-results', {}, { filename: 'FURIKAE_KEKKA.txt', contentType: 'text/plain', bytes: file });
    expect(up.statusCode).toBe(303);
    const reportUrl = up.headers.location as string;
    const report = await staff.get(reportUrl);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('資金不足');
    expect(report.body).toContain('入金として記録');
    expect(report.body).toContain(shortCustomer);
    expect(rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM fee_payments`))[0]!.n).toBe(0);
    const lockVersion = /name="lockVersion" value="(\d+)"/.exec(report.body)![1]!;
    const applied = await staff.post(`${reportUrl}/apply`, { lockVersion });
    expect(applied.statusCode).toBe(303);
    const twice = await staff.post(`${reportUrl}/apply`, { lockVersion });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('他の担当者が先に処理しました');
    expect(rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM fee_payments WHERE method = 'direct_debit'`))[0]!.n).toBe(1);
    const arrears = await staff.get('/staff/fees/arrears');
    expect(arrears.body).toContain('残高不足工場');
    expect(arrears.body).toContain('資金不足');
    expect(arrears.body).not.toContain('振替成功工場');
    const arrearsEn = await staff.get('/staff/fees/arrears?lang=en');
    expect(arrearsEn.body).toContain('Insufficient funds');
    const list = await staff.get('/staff/fees/debit-results');
    expect(list.body).toContain('FURIKAE_KEKKA.txt');
    expect(list.body).toContain('反映済み');
    expect((await clientFor(t.app, memberId).get('/staff/fees/debit-results')).statusCode).toBe(403);
  });
});
