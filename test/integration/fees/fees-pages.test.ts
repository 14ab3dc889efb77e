// The renewal and fee pages and JSON API over HTTP (inject), in Japanese and English, with CSRF for real.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../src/persistence/database.js';
import { fixedClock } from '../../helpers/test-app.js';
import { clientFor, createMembershipTestApp, type MembershipTestApp } from '../membership/membership-test-app.js';
import { listedCompany, memberActor, staffActor } from '../renewal/fixtures.js';

const clock = fixedClock('2027-02-01T01:00:00Z');
let t: MembershipTestApp;
let staffId = '';
let memberId = '';
let establishmentIds: string[] = [];

beforeAll(async () => {
  t = await createMembershipTestApp(clock);
  staffId = (await staffActor(t.database.db)).userId;
  const { company, establishments } = await listedCompany(t.database.db, { roster: 'jaim', listedFrom: '2026-01-10', establishments: ['本社工場', '第二工場'], name: '株式会社ページテスト' });
  establishmentIds = establishments.map((e) => e.id);
  memberId = (await memberActor(t.database.db, company.id)).userId;
});
afterAll(() => t?.close());

describe('renewal pages', () => {
  it('staff open a JAIM check; the member answers through check-your-answers; the invoice shows cited lines and the example notice', async () => {
    const staff = clientFor(t.app, staffId);
    expect((await staff.get('/staff/renewal')).statusCode).toBe(200);
    const bad = await staff.post('/staff/renewal', { fiscalYear: '2027', roster: 'jaim', deadline: '2027-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#deadline"');
    const opened = await staff.post('/staff/renewal', { fiscalYear: '2027', roster: 'jaim', deadline: '2027-02-28' });
    expect(opened.statusCode).toBe(303);
    const cyclePage = await staff.get(opened.headers.location as string);
    expect(cyclePage.statusCode).toBe(200);
    expect(cyclePage.body).toContain('本社工場');

    const member = clientFor(t.app, memberId);
    const list = await member.get('/renewal');
    expect(list.statusCode).toBe(200);
    const responseId = /href="\/renewal\/([0-9a-f-]{36})"/.exec(list.body)![1]!;
    const form = await member.get(`/renewal/${responseId}`);
    expect(form.body).toContain('JAIM FAQ 3-1-4');
    const missing = await member.post(`/renewal/${responseId}/check`, { lockVersion: '0' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#decision"');
    const check = await member.post(`/renewal/${responseId}/check`, { decision: 'renew', lockVersion: '0' });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('回答内容の確認');
    const sent = await member.post(`/renewal/${responseId}`, { decision: 'renew', lockVersion: '0' });
    expect(sent.statusCode).toBe(303);
    const again = await member.post(`/renewal/${responseId}`, { decision: 'renew', lockVersion: '0' });
    expect(again.statusCode).toBe(409);
    const wage = await member.post(`/renewal/${responseId}/wage-report`, { increasePercent: '2.5', evidenceText: '賃金台帳（2027年1月分）' });
    expect(wage.statusCode).toBe(303);

    const fees = await member.get('/fees');
    expect(fees.statusCode).toBe(200);
    expect(fees.body).toContain('金額は例示です');
    const invoiceId = /href="\/fees\/invoices\/([0-9a-f-]{36})"/.exec(fees.body)![1]!;
    const invoice = await member.get(`/fees/invoices/${invoiceId}`);
    expect(invoice.body).toContain('100,000円');
    expect(invoice.body).toContain('jaim-membership-faq Q2-5-9');
    expect(invoice.body).toContain('不課税');
    const en = await t.app.inject({ method: 'GET', url: `/fees/invoices/${invoiceId}?lang=en`, headers: { 'x-test-user': memberId, 'accept-language': 'en' } });
    expect(en.statusCode).toBe(200);
  });
});

describe('fee pages and API', () => {
  it('staff record a payment once per form (double submit), over the API idempotently, and the receipt downloads', async () => {
    const staff = clientFor(t.app, staffId);
    const id = rowsOf<{ id: string }>(await t.database.db.execute(sql`SELECT id FROM fee_invoices WHERE establishment_id = ${establishmentIds[1]!}`))[0]!.id;
    const page = await staff.get(`/staff/fees/invoices/${id}`);
    expect(page.statusCode).toBe(200);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)![1]!;
    const body = { idempotencyKey: key, amountYen: '40000', method: 'direct_debit', paidOn: '2027-02-01', payerKind: 'member' };
    expect((await staff.post(`/staff/fees/invoices/${id}/payments`, body)).statusCode).toBe(303);
    expect((await staff.post(`/staff/fees/invoices/${id}/payments`, body)).statusCode).toBe(303);
    const wrong = await staff.post(`/staff/fees/invoices/${id}/payments`, { ...body, idempotencyKey: 'another-key-1', method: 'bank_transfer' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#method"');

    // A signed-in browser calls the API with its session, so it sends the CSRF token (bearer integrations need none).
    const tokenPage = await t.app.inject({ method: 'GET', url: `/staff/fees/invoices/${id}`, headers: { 'x-test-user': staffId } });
    const csrfCookie = tokenPage.cookies.find((c) => c.name === 'csrf')!;
    const csrfToken = /name="_csrf" value="([^"]+)"/.exec(tokenPage.body)![1]!;
    const api = (k: string, amountYen = 60000) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/fees/invoices/${id}/payments`,
        headers: { 'x-test-user': staffId, 'idempotency-key': k, 'x-csrf-token': csrfToken, cookie: `csrf=${csrfCookie.value}` },
        payload: { amountYen, method: 'direct_debit', paidOn: '2027-02-01' },
      });
    const first = await api('api-key-0001');
    expect(first.statusCode).toBe(201);
    const retry = await api('api-key-0001');
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ id: first.json().id, replayed: true });
    expect((await api('api-key-0001', 1)).statusCode).toBe(409);
    const payments = rowsOf<{ n: number; paid: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n, (SELECT paid_yen FROM fee_invoices WHERE id = ${id}) AS paid FROM fee_payments WHERE invoice_id = ${id}`))[0]!;
    expect(payments).toEqual({ n: 2, paid: 100_000 });
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/fees/invoices/${id}`, headers: { 'x-test-user': memberId } });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ amountYen: 100_000, amountsAreExamples: true, paymentMethod: 'direct_debit' });
    expect(read.json().paidYen).toBe(payments.paid);

    const paymentId = rowsOf<{ id: string }>(await t.database.db.execute(sql`SELECT id FROM fee_payments WHERE invoice_id = ${id} ORDER BY created_at LIMIT 1`))[0]!.id;
    const pdf = await t.app.inject({ method: 'GET', url: `/fees/payments/${paymentId}/receipt.pdf`, headers: { 'x-test-user': memberId } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    for (const url of ['/staff/fees', '/staff/fees/arrears', '/staff/fees/discount-claims', '/staff/fees/debit-export', '/fees/discount-claims/new']) {
      const who = url.startsWith('/staff') ? staff : clientFor(t.app, memberId);
      expect((await who.get(url)).statusCode, url).toBe(200);
    }
    expect((await clientFor(t.app, memberId).get('/staff/fees')).statusCode).toBe(403);
    const debit = await staff.post('/staff/fees/debit-export', { fiscalYear: '2027', debitDate: '2027-03-27' });
    expect(debit.statusCode).toBe(200);
    expect(debit.headers['content-disposition']).toContain('jaim-debit-2027-20270327.txt');
  });
});
