// M10: invoices from the fee rules with every line cited, discount claims and their timing (Q2-5-3), the first-year
// amount by month of the fee notice (Q2-5-1), idempotent payments, receipts, the debit file and the arrears list.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDebitAccount } from '../../../src/domain/fees/debit-accounts.js';
import { exportDebitFile } from '../../../src/domain/fees/export-debit-file.js';
import { issueInvoice } from '../../../src/domain/fees/issue-invoice.js';
import { getInvoice, listArrearsFor, receiptFor } from '../../../src/domain/fees/read-fees.js';
import { recordPayment } from '../../../src/domain/fees/record-payment.js';
import { reviewDiscountClaim } from '../../../src/domain/fees/review-discount-claim.js';
import { submitDiscountClaim } from '../../../src/domain/fees/submit-discount-claim.js';
import { Conflict, type InvalidInput } from '../../../src/domain/errors.js';
import type { Database } from '../../../src/persistence/database.js';
import { fixedClock } from '../../helpers/test-app.js';
import { createTestDatabase } from '../../helpers/test-database.js';
import { listedCompany, memberActor, staffActor, supportOrganisation } from '../renewal/fixtures.js';

const clock = fixedClock('2026-04-20T01:00:00Z');
let database: Database;
let staff: Awaited<ReturnType<typeof staffActor>>;
let reviewer: Awaited<ReturnType<typeof staffActor>>;
const ctx = () => ({ db: database.db, clock, baseUrl: 'http://localhost:3000' });

beforeAll(async () => {
  database = await createTestDatabase();
  staff = await staffActor(database.db);
  reviewer = await staffActor(database.db, 'secretariat_reviewer');
});
afterAll(() => database?.close());

describe('first-year amount by month of the fee notice (Q2-5-1, example table)', () => {
  it('April 12/12, September 7/12, March 1/12 of the example ¥100,000, by bank transfer, lines cited', async () => {
    const { establishments } = await listedCompany(database.db, { roster: 'jaim', listedFrom: '2026-04-01', establishments: ['四月工場', '九月工場', '三月工場'] });
    const cases: [string, string, number][] = [
      ['2026-04-20', '2026-04-20T01:00:00Z', 100_000],
      ['2026-09-01', '2026-09-01T01:00:00Z', 58_333],
      ['2027-03-10', '2027-03-10T01:00:00Z', 8_333],
    ];
    for (const [i, [notice, now, amount]] of cases.entries()) {
      clock.set(now);
      const inv = await issueInvoice({ ...ctx(), actor: staff }, { establishmentId: establishments[i]!.id, fiscalYear: 2026, firstYear: true, feeNoticeDate: notice });
      expect(inv.amountYen).toBe(amount);
      expect(inv.paymentMethod).toBe('bank_transfer');
      expect(inv.amountsAreExamples).toBe(true);
      const lines = inv.lines as { kind: string; amountYen: number; citation: string }[];
      for (const l of lines) expect(l.citation).toMatch(/jaim-membership-faq Q2-5-\d/);
      expect(lines.reduce((s, l) => s + l.amountYen, 0)).toBe(amount);
      expect(lines.find((l) => l.kind === 'tax')).toMatchObject({ amountYen: 0, citation: expect.stringContaining('Q2-5-9') });
    }
    await expect(issueInvoice({ ...ctx(), actor: staff }, { establishmentId: establishments[0]!.id, fiscalYear: 2026, firstYear: true, feeNoticeDate: '2026-05-01' })).rejects.toBeInstanceOf(Conflict);
  });
});

describe('discount claims (Q2-5-2, Q2-5-3)', () => {
  it('an association completed after the JAIM application discounts from the next fiscal year; SME from approval', async () => {
    clock.set('2026-06-01T01:00:00Z');
    const { company, establishments: [e1, e2] } = await listedCompany(database.db, { roster: 'jaim', listedFrom: '2026-05-01', establishments: ['団体工場', '翌年工場'] });
    const member = await memberActor(database.db, company.id);
    const claimInput = { organisationId: company.id, kind: 'association', evidenceText: '○○工業会 会員証（2026年5月10日入会）', evidenceReference: 'member-card.pdf', associationName: '○○工業会', associationCompletedOn: '2026-05-10', jaimApplicationDate: '2026-04-15' };
    const incomplete = await submitDiscountClaim({ ...ctx(), actor: member.actor }, { ...claimInput, associationCompletedOn: '' }).catch((e: unknown) => e);
    expect((incomplete as InvalidInput).fields.map((f) => f.field)).toContain('associationCompletedOn');
    const claim = await submitDiscountClaim({ ...ctx(), actor: member.actor }, claimInput);
    const sme = await submitDiscountClaim({ ...ctx(), actor: member.actor }, { organisationId: company.id, kind: 'sme', evidenceText: '資本金5,000万円、従業員120人（登記事項証明書）' });
    await expect(reviewDiscountClaim({ ...ctx(), actor: member.actor }, claim.id, { decision: 'approve', lockVersion: '0' })).rejects.toThrow(/Not allowed/);
    const approved = await reviewDiscountClaim({ ...ctx(), actor: reviewer }, claim.id, { decision: 'approve', lockVersion: '0' });
    expect(approved).toMatchObject({ status: 'approved', validFromFy: 2027 });
    expect((approved.determination as { citations: string[] }).citations[0]).toBe('jaim-membership-faq Q2-5-3');
    await expect(reviewDiscountClaim({ ...ctx(), actor: staff }, claim.id, { decision: 'reject', lockVersion: '0' })).rejects.toBeInstanceOf(Conflict);
    await reviewDiscountClaim({ ...ctx(), actor: reviewer }, sme.id, { decision: 'approve', lockVersion: '0', validFromFy: '2026' });

    const fy2026 = await issueInvoice({ ...ctx(), actor: staff }, { establishmentId: e1!.id, fiscalYear: 2026, firstYear: true, feeNoticeDate: '2026-06-01' });
    const kinds2026 = (fy2026.lines as { kind: string }[]).map((l) => l.kind);
    expect(kinds2026).toContain('discount_sme');
    expect(kinds2026).not.toContain('discount_association');
    clock.set('2027-02-01T01:00:00Z');
    const fy2027 = await issueInvoice({ ...ctx(), actor: staff }, { establishmentId: e2!.id, fiscalYear: 2027, firstYear: false });
    const lines2027 = fy2027.lines as { kind: string; amountYen: number; citation: string }[];
    expect(lines2027.find((l) => l.kind === 'discount_association')).toMatchObject({ amountYen: -20_000, citation: 'jaim-membership-faq Q2-5-3' });
    expect(fy2027.amountYen).toBe(70_000);
    expect(fy2027.paymentMethod).toBe('direct_debit');
  });
});

describe('payments: idempotent, cited checks, receipt PDF, debit file, arrears', () => {
  it('records a payment once per key, refuses the wrong method and overpayment, lets a support organisation pay', async () => {
    clock.set('2026-09-01T01:00:00Z');
    const { company, establishments: [e] } = await listedCompany(database.db, { roster: 'jaim', listedFrom: '2026-08-01', establishments: ['入金工場'], name: '株式会社入金テスト' });
    const inv = await issueInvoice({ ...ctx(), actor: staff }, { establishmentId: e!.id, fiscalYear: 2026, firstYear: true, feeNoticeDate: '2026-09-01' });
    expect(inv.amountYen).toBe(58_333);
    const pay = { amountYen: '30000', method: 'bank_transfer', paidOn: '2026-09-01', idempotencyKey: 'form-abc-12345' };
    const first = await recordPayment({ ...ctx(), actor: staff }, inv.id, pay);
    const again = await recordPayment({ ...ctx(), actor: staff }, inv.id, pay);
    expect(first.replayed).toBe(false);
    expect(again).toMatchObject({ replayed: true, payment: { id: first.payment.id } });
    await expect(recordPayment({ ...ctx(), actor: staff }, inv.id, { ...pay, amountYen: '100' })).rejects.toBeInstanceOf(Conflict);
    const wrongMethod = await recordPayment({ ...ctx(), actor: staff }, inv.id, { ...pay, method: 'direct_debit', idempotencyKey: 'form-def-12345' }).catch((x: unknown) => x);
    expect((wrongMethod as InvalidInput).fields[0]).toMatchObject({ field: 'method', message: { en: expect.stringContaining('Q2-5-7') } });
    const over = await recordPayment({ ...ctx(), actor: staff }, inv.id, { ...pay, amountYen: '30000', idempotencyKey: 'form-ghi-12345' }).catch((x: unknown) => x);
    expect((over as InvalidInput).fields[0]!.field).toBe('amountYen');
    const notSupport = await recordPayment({ ...ctx(), actor: staff }, inv.id, { ...pay, amountYen: '28333', payerKind: 'support_organisation', payerOrganisationId: company.id, idempotencyKey: 'form-jkl-12345' }).catch((x: unknown) => x);
    expect((notSupport as InvalidInput).fields[0]!.field).toBe('payerOrganisationId');
    const support = await supportOrganisation(database.db);
    const byAgent = await recordPayment({ ...ctx(), actor: staff }, inv.id, { ...pay, amountYen: '28333', payerKind: 'support_organisation', payerOrganisationId: support.id, idempotencyKey: 'form-mno-12345' });
    const detail = await getInvoice({ ...ctx(), actor: staff }, inv.id);
    expect(detail.invoice).toMatchObject({ status: 'paid', paidYen: 58_333 });
    expect(detail.payments).toHaveLength(2);

    // Receipt: a PDF that parses, names the amount, states 不課税 (Q2-5-9) and the paying support organisation.
    const member = await memberActor(database.db, company.id);
    const receipt = await receiptFor({ ...ctx(), actor: member.actor }, byAgent.payment.id);
    const pdf = await PDFDocument.load(receipt.bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getSubject()).toContain('28,333円');
    const dir = mkdtempSync(join(tmpdir(), 'receipt-'));
    writeFileSync(join(dir, 'r.pdf'), receipt.bytes);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('28,333円');
    expect(text).toContain('不課税');
    expect(text).toContain('令和8年9月1日');
    expect(text).toContain('登録支援機関テスト');
    const stranger = await memberActor(database.db, (await listedCompany(database.db, { roster: 'jaim', listedFrom: '2026-08-01', establishments: ['他社'] })).company.id);
    await expect(receiptFor({ ...ctx(), actor: stranger.actor }, byAgent.payment.id)).rejects.toThrow(/Not allowed/);
  });

  it('exports the Zengin debit file for FY2027 direct debits and lists unpaid invoices past due as arrears', async () => {
    clock.set('2027-02-01T01:00:00Z');
    const { company, establishments: [e] } = await listedCompany(database.db, { roster: 'jaim', listedFrom: '2026-05-01', establishments: ['口座振替工場'] });
    const inv = await issueInvoice({ ...ctx(), actor: staff }, { establishmentId: e!.id, fiscalYear: 2027, firstYear: false });
    const badKana = await registerDebitAccount({ ...ctx(), actor: staff }, company.id, { bankCode: '0005', bankNameKana: '三菱', branchCode: '123', branchNameKana: 'ナゴヤ', accountType: '1', accountNumber: '7654321', holderNameKana: 'カ）テスト' }).catch((x: unknown) => x);
    expect((badKana as InvalidInput).fields[0]!.field).toBe('bankNameKana');
    await registerDebitAccount({ ...ctx(), actor: staff }, company.id, { bankCode: '0005', bankNameKana: 'ミツビシユーエフジェイ', branchCode: '123', branchNameKana: 'ナゴヤ', accountType: '1', accountNumber: '7654321', holderNameKana: 'カ）テスト' });
    const file = await exportDebitFile({ ...ctx(), actor: staff }, { fiscalYear: 2027, debitDate: '2027-03-27' });
    const records = iconv.decode(file.bytes, 'Shift_JIS').split('\r\n').filter(Boolean);
    for (const r of records) expect(Buffer.byteLength(iconv.encode(r, 'Shift_JIS'))).toBe(120);
    const mine = records.find((r) => r.startsWith('2') && r.includes('ｶ)ﾃｽﾄ'))!;
    expect(mine.slice(80, 90)).toBe(String(inv.amountYen).padStart(10, '0'));
    expect(file.included.length).toBeGreaterThanOrEqual(1);

    clock.set('2027-04-15T01:00:00Z');
    const arrears = await listArrearsFor({ ...ctx(), actor: staff });
    const row = arrears.find((a) => a.id === inv.id)!;
    expect(row).toMatchObject({ outstandingYen: inv.amountYen, dueOn: '2027-03-27' });
    expect(row.daysOverdue).toBe(19);
  });
});
