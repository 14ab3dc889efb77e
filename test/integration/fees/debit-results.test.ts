// M10: importing the bank's direct-debit result file (口座振替結果) for a debit file we exported: a dry run that
// matches each row to its invoice (failures with the bank's reason, unknown and mismatched rows refused one by one),
// then apply: payments recorded by direct debit, failures recorded with the invoice left open and on the arrears
// list, and importing the same file again records nothing twice.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDebitResults, discardDebitResults } from '../../../src/domain/fees/apply-debit-results.js';
import { checkDebitResults } from '../../../src/domain/fees/check-debit-results.js';
import { registerDebitAccount } from '../../../src/domain/fees/debit-accounts.js';
import { customerNumber } from '../../../src/domain/fees/billing.js';
import type { DebitReport } from '../../../src/domain/fees/debit-result-report.js';
import { exportDebitFile } from '../../../src/domain/fees/export-debit-file.js';
import { issueInvoice } from '../../../src/domain/fees/issue-invoice.js';
import { getInvoice, listArrearsFor } from '../../../src/domain/fees/read-fees.js';
import { getDebitResultImport } from '../../../src/domain/fees/read-debit-results.js';
import { recordPayment } from '../../../src/domain/fees/record-payment.js';
import { Conflict, InvalidInput, type DomainError } from '../../../src/domain/errors.js';
import { rowsOf, type Database } from '../../../src/persistence/database.js';
import type { InvoiceRow } from '../../../src/persistence/repositories/invoices.repository.js';
import { fixedClock } from '../../helpers/test-app.js';
import { createTestDatabase } from '../../helpers/test-database.js';
import { listedCompany, memberActor, staffActor, supportOrganisation } from '../renewal/fixtures.js';
import { bankResultFile } from './debit-result-file.js';

const clock = fixedClock('2027-02-01T01:00:00Z');
let database: Database;
let staff: Awaited<ReturnType<typeof staffActor>>;
const ctx = () => ({ db: database.db, clock, baseUrl: 'http://localhost:3000', actor: staff });
const account = { bankCode: '0005', bankNameKana: 'ミツビシユーエフジェイ', branchCode: '123', branchNameKana: 'ナゴヤ', accountType: '1', holderNameKana: 'カ）テスト' };

type Named = 'paid' | 'agent' | 'short' | 'stopped' | 'changed';
const inv: Partial<Record<Named, InvoiceRow>> = {};
const cn = (k: Named) => customerNumber(inv[k]!.fiscalYear, inv[k]!.serial);
let requestFile: Buffer;
let agentId = '';

const count = async (table: string): Promise<number> => Number(rowsOf<{ n: number }>(await database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n);

beforeAll(async () => {
  database = await createTestDatabase();
  staff = await staffActor(database.db);
  agentId = (await supportOrganisation(database.db)).id;
  const names: Named[] = ['paid', 'agent', 'short', 'stopped', 'changed'];
  for (const [i, name] of names.entries()) {
    const { company, establishments: [e] } = await listedCompany(database.db, { roster: 'jaim', listedFrom: '2026-05-01', establishments: [`${name}工場`] });
    inv[name] = await issueInvoice(ctx(), { establishmentId: e!.id, fiscalYear: 2027, firstYear: false });
    await registerDebitAccount(ctx(), company.id, { ...account, accountNumber: String(1_000_001 + i), ...(name === 'agent' ? { payerOrganisationId: agentId } : {}) });
  }
  requestFile = (await exportDebitFile(ctx(), { fiscalYear: 2027, debitDate: '2027-02-27' })).bytes;
  clock.set('2027-03-01T01:00:00Z');
});
afterAll(() => database?.close());

/** The bank's answer: two debited, two not (資金不足, 預金者の都合), one with another amount, one unknown customer. */
const resultFile = () =>
  bankResultFile(
    requestFile,
    (c) => (c === cn('paid') || c === cn('agent') ? { code: '0' } : c === cn('short') ? { code: '1' } : c === cn('stopped') ? { code: '3' } : c === cn('changed') ? { code: '0', amountYen: 90_000 } : undefined),
    [{ code: '0', customerNumber: '20270000000000999999', amountYen: 12_345 }],
  );

let firstImportId = '';

describe('direct-debit results: dry run, apply, idempotent re-import', () => {
  it('the dry run matches every row to its invoice, gives the bank’s reasons, refuses unknown and mismatched rows, records nothing', async () => {
    const imp = await checkDebitResults(ctx(), { fileName: 'kekka-0227.txt', bytes: resultFile() });
    firstImportId = imp.id;
    expect(imp).toMatchObject({ status: 'checked', debitDate: '2027-02-27', recordCount: 6 });
    const report = imp.report as DebitReport;
    const byCustomer = new Map(report.rows.map((r) => [r.customerNumber, r]));
    expect(byCustomer.get(cn('paid'))).toMatchObject({ outcome: 'debited', amountYen: 100_000, invoiceId: inv.paid!.id, payer: { kind: 'member' } });
    expect(byCustomer.get(cn('agent'))).toMatchObject({ outcome: 'debited', payer: { kind: 'support_organisation', organisationId: agentId } });
    expect(byCustomer.get(cn('short'))).toMatchObject({ outcome: 'failed', resultCode: '1', reason: { ja: '資金不足', en: 'Insufficient funds' } });
    expect(byCustomer.get(cn('stopped'))).toMatchObject({ outcome: 'failed', resultCode: '3', reason: { ja: '預金者の都合による振替停止' } });
    expect(byCustomer.get(cn('changed'))).toMatchObject({ outcome: 'refused', invoiceId: inv.changed!.id, reason: { en: expect.stringContaining('does not match the amount outstanding') } });
    expect(byCustomer.get('20270000000000999999')).toMatchObject({ outcome: 'refused', invoiceId: null, reason: { en: 'No invoice has this customer number' } });
    expect(report.totals).toEqual({ debited: { count: 2, yen: 200_000 }, failed: { count: 2, yen: 200_000 }, already_recorded: { count: 0, yen: 0 }, refused: { count: 2, yen: 102_345 } });
    expect(await count('fee_payments')).toBe(0);
    expect(await count('fee_debit_results')).toBe(0);
  });

  it('apply records the payments (direct debit, on the debit date, by the payer of the account) and the failures; failed invoices stay open on the arrears list with the reason', async () => {
    await expect(applyDebitResults(ctx(), firstImportId, { lockVersion: '7' })).rejects.toBeInstanceOf(Conflict);
    const member = await memberActor(database.db, inv.paid!.organisationId);
    await expect(applyDebitResults({ ...ctx(), actor: member.actor }, firstImportId, { lockVersion: '0' })).rejects.toThrow(/Not allowed/);
    const { report } = await applyDebitResults(ctx(), firstImportId, { lockVersion: '0' });
    expect(report.totals.debited.count).toBe(2);
    const paid = await getInvoice(ctx(), inv.paid!.id);
    expect(paid.invoice).toMatchObject({ status: 'paid', paidYen: 100_000 });
    expect(paid.payments).toEqual([expect.objectContaining({ method: 'direct_debit', paidOn: '2027-02-27', amountYen: 100_000, payerKind: 'member' })]);
    const agent = await getInvoice(ctx(), inv.agent!.id);
    expect(agent.payments[0]).toMatchObject({ payerKind: 'support_organisation', payerOrganisationId: agentId });
    const short = await getInvoice(ctx(), inv.short!.id);
    expect(short.invoice).toMatchObject({ status: 'issued', paidYen: 0 });
    expect(short.debitResults).toEqual([expect.objectContaining({ debitDate: '2027-02-27', resultCode: '1', reason: { ja: '資金不足', en: 'Insufficient funds' } })]);
    expect((await getInvoice(ctx(), inv.changed!.id)).invoice.paidYen).toBe(0);
    expect(await count('fee_payments')).toBe(2);
    expect(await count('fee_debit_results')).toBe(4);

    // Due 2027-03-27, so nothing is overdue on 2027-03-01: only the failed debits are on the arrears list, with why.
    const arrears = await listArrearsFor(ctx());
    expect(arrears.map((a) => [a.id, a.debitFailure?.reason.ja, a.daysOverdue]).sort()).toEqual(
      [
        [inv.short!.id, '資金不足', 0],
        [inv.stopped!.id, '預金者の都合による振替停止', 0],
      ].sort(),
    );

    const actions = rowsOf<{ action: string; n: number }>(await database.db.execute(sql`SELECT action, count(*)::int AS n FROM audit_events WHERE action LIKE 'fee_debit%' OR action = 'fee_payment.recorded' GROUP BY action ORDER BY action`));
    expect(actions).toEqual([
      { action: 'fee_debit.failed', n: 2 },
      { action: 'fee_debit_account.registered', n: 5 },
      { action: 'fee_debit_file.exported', n: 1 },
      { action: 'fee_debit_import.applied', n: 1 },
      { action: 'fee_debit_import.checked', n: 1 },
      { action: 'fee_payment.recorded', n: 2 },
    ]);
  });

  it('an applied import cannot be applied or discarded again', async () => {
    const current = await getDebitResultImport(ctx(), firstImportId);
    expect(current.status).toBe('applied');
    for (const act of [applyDebitResults, discardDebitResults]) {
      const stale = await act(ctx(), firstImportId, { lockVersion: '0' }).catch((e: unknown) => e);
      expect(stale).toBeInstanceOf(Conflict);
      const again = await act(ctx(), firstImportId, { lockVersion: String(current.lockVersion) }).catch((e: unknown) => e);
      expect((again as DomainError).code).toBe('conflict');
    }
  });

  it('importing the same file again says it was applied, and applying it records nothing twice', async () => {
    const again = await checkDebitResults(ctx(), { fileName: 'kekka-0227-copy.txt', bytes: resultFile() });
    const report = again.report as DebitReport;
    expect(report.previouslyApplied?.importId).toBe(firstImportId);
    expect(report.totals).toMatchObject({ debited: { count: 0 }, failed: { count: 0 }, already_recorded: { count: 4 }, refused: { count: 2 } });
    await applyDebitResults(ctx(), again.id, { lockVersion: '0' });
    expect(await count('fee_payments')).toBe(2);
    expect(await count('fee_debit_results')).toBe(4);
    expect((await getInvoice(ctx(), inv.paid!.id)).invoice.paidYen).toBe(100_000);
  });

  it('a second debit date: a payment entered by hand after the dry run is not recorded twice (apply refuses that row)', async () => {
    clock.set('2027-03-10T01:00:00Z');
    const second = (await exportDebitFile(ctx(), { fiscalYear: 2027, debitDate: '2027-03-27' })).bytes;
    clock.set('2027-03-30T01:00:00Z');
    const file = bankResultFile(second, (c) => (c === cn('short') || c === cn('stopped') ? { code: '0' } : undefined));
    const imp = await checkDebitResults(ctx(), { fileName: 'kekka-0327.txt', bytes: file });
    expect((imp.report as DebitReport).totals.debited.count).toBe(2);
    await recordPayment(ctx(), inv.stopped!.id, { amountYen: '100000', method: 'direct_debit', paidOn: '2027-03-29', idempotencyKey: 'by-hand-0001' });
    const { report } = await applyDebitResults(ctx(), imp.id, { lockVersion: '0' });
    expect(report.rows.find((r) => r.customerNumber === cn('stopped'))).toMatchObject({ outcome: 'refused', reason: { en: 'This invoice is already paid' } });
    expect(report.rows.find((r) => r.customerNumber === cn('short'))).toMatchObject({ outcome: 'debited' });
    expect((await getInvoice(ctx(), inv.stopped!.id)).payments).toHaveLength(1);
    const short = await getInvoice(ctx(), inv.short!.id);
    expect(short.invoice.status).toBe('paid');
    expect(short.debitResults.map((r) => [r.debitDate, r.resultCode])).toEqual([['2027-03-27', '0'], ['2027-02-27', '1']]);
    expect((await listArrearsFor(ctx())).map((a) => a.id)).toEqual([inv.changed!.id]);
  });

  it('a different result for a debit date already recorded is refused; a checked import can be discarded', async () => {
    const contradicting = bankResultFile(requestFile, (c) => (c === cn('short') ? { code: '0' } : undefined));
    clock.set('2027-03-31T01:00:00Z');
    const imp = await checkDebitResults(ctx(), { fileName: 'contradicting.txt', bytes: contradicting });
    expect((imp.report as DebitReport).rows[0]).toMatchObject({ outcome: 'refused', reason: { en: expect.stringContaining('A different result (Insufficient funds)') } });
    await discardDebitResults(ctx(), imp.id, { lockVersion: '0' });
    expect((await getDebitResultImport(ctx(), imp.id)).status).toBe('discarded');
  });

  it('refuses a file that is not a Zengin type-91 result, or is for another consignor, as a whole, naming the field', async () => {
    for (const bytes of [Buffer.from('invoice,amount\r\nJAIM-2027-000001,100000\r\n'), Buffer.alloc(0)]) {
      const error = await checkDebitResults(ctx(), { fileName: 'x.csv', bytes }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInput);
      expect((error as InvalidInput).fields[0]!.field).toBe('file');
    }
    const other = Buffer.from(resultFile());
    other.write('9999999999', 4, 'latin1');
    const wrong = (await checkDebitResults(ctx(), { fileName: 'other.txt', bytes: other }).catch((e: unknown) => e)) as InvalidInput;
    expect(wrong.fields[0]!.message.en).toContain('consignor code');
  });
});
