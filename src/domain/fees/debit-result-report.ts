import type { Message } from '../../../rules/core/index.js';
import type { Db } from '../../persistence/database.js';
import { findDebitResult } from '../../persistence/repositories/debit-results.repository.js';
import { findInvoiceBySerial, type InvoiceView } from '../../persistence/repositories/invoices.repository.js';
import { findDebitAccount, type DebitAccountRow } from '../../persistence/repositories/payments.repository.js';
import { invoiceNumber } from './billing.js';
import { RESULT_CODES, invoiceKeyOf, resultReason, type ResultFile, type ResultRecord } from './zengin-result.js';

// What a result file would do, row by row, against the invoices as they stand: the dry-run report, and (evaluated
// again inside the apply transaction, with the invoices locked) what apply records.

export const DEBIT_OUTCOMES = ['debited', 'failed', 'already_recorded', 'refused'] as const;
export type DebitOutcome = (typeof DEBIT_OUTCOMES)[number];

export type DebitReportRow = {
  line: number;
  outcome: DebitOutcome;
  customerNumber: string | null;
  resultCode: string | null;
  amountYen: number | null;
  invoiceId: string | null;
  invoiceNumber: string | null;
  organisationName: string | null;
  establishmentName: string | null;
  /** Failed: the bank's reason (result code). Refused / already recorded: why nothing will be recorded. */
  reason: Message | null;
  /** Debited rows: who pays (the member, or the support organisation whose account is debited: Q2-5-12). */
  payer?: { kind: 'member' | 'support_organisation'; organisationId: string } | undefined;
};

export type DebitReport = {
  debitDate: string;
  rows: DebitReportRow[];
  totals: Record<DebitOutcome, { count: number; yen: number }>;
  previouslyApplied: { importId: string; at: string } | null;
};

const refused = (line: number, record: ResultRecord | null, reason: Message, invoice?: InvoiceView): DebitReportRow => ({
  line,
  outcome: 'refused',
  customerNumber: record?.customerNumber ?? null,
  resultCode: record?.resultCode ?? null,
  amountYen: record?.amountYen ?? null,
  invoiceId: invoice?.id ?? null,
  invoiceNumber: invoice ? invoiceNumber(invoice.fiscalYear, invoice.serial) : null,
  organisationName: invoice?.organisationName ?? null,
  establishmentName: invoice?.establishmentName ?? null,
  reason,
});

const sameAccount = (r: ResultRecord, a: DebitAccountRow): boolean => r.bankCode === a.bankCode && r.branchCode === a.branchCode && r.accountNumber === a.accountNumber;

const evaluateRecord = async (db: Db, line: number, r: ResultRecord, debitDate: string): Promise<DebitReportRow> => {
  const key = invoiceKeyOf(r.customerNumber);
  const invoice = key ? await findInvoiceBySerial(db, key.serial) : undefined;
  if (!invoice || invoice.fiscalYear !== key?.fiscalYear) return refused(line, r, { ja: '顧客番号に当たる請求がありません', en: 'No invoice has this customer number' });
  const base = { line, customerNumber: r.customerNumber, resultCode: r.resultCode, amountYen: r.amountYen, invoiceId: invoice.id, invoiceNumber: invoiceNumber(invoice.fiscalYear, invoice.serial), organisationName: invoice.organisationName, establishmentName: invoice.establishmentName };
  const recorded = await findDebitResult(db, invoice.id, debitDate);
  if (recorded) {
    if (recorded.resultCode === r.resultCode && recorded.amountYen === r.amountYen) {
      return { ...base, outcome: 'already_recorded', reason: { ja: `この振替日（${debitDate}）の結果は記録済みです`, en: `The result for this debit date (${debitDate}) is already recorded` } };
    }
    return refused(line, r, { ja: `この振替日（${debitDate}）には別の結果（${resultReason(recorded.resultCode).ja}）が記録済みです`, en: `A different result (${resultReason(recorded.resultCode).en}) is already recorded for this debit date (${debitDate})` }, invoice);
  }
  if (!Object.hasOwn(RESULT_CODES, r.resultCode)) return refused(line, r, resultReason(r.resultCode), invoice);
  if (invoice.paymentMethod !== 'direct_debit') return refused(line, r, { ja: 'この請求は口座振替ではありません（初年度は銀行振込: jaim-membership-faq Q2-5-7）', en: 'This invoice is not paid by direct debit (the first year is paid by bank transfer: jaim-membership-faq Q2-5-7)' }, invoice);
  if (invoice.status === 'cancelled') return refused(line, r, { ja: 'この請求は取り消されています', en: 'This invoice has been cancelled' }, invoice);
  if (invoice.status === 'paid') return refused(line, r, { ja: 'この請求は入金済みです', en: 'This invoice is already paid' }, invoice);
  const outstanding = invoice.amountYen - invoice.paidYen;
  if (r.amountYen !== outstanding) {
    return refused(line, r, { ja: `振替金額（${r.amountYen}円）が未納額（${outstanding}円）と一致しません`, en: `The amount (¥${r.amountYen}) does not match the amount outstanding (¥${outstanding})` }, invoice);
  }
  const account = await findDebitAccount(db, invoice.organisationId);
  if (!account) return refused(line, r, { ja: 'この会員の振替口座が登録されていません', en: 'No debit account is registered for this member' }, invoice);
  if (!sameAccount(r, account)) return refused(line, r, { ja: '金融機関・支店・口座番号が登録されている振替口座と一致しません', en: 'The bank, branch or account number does not match the registered debit account' }, invoice);
  if (r.resultCode !== '0') return { ...base, outcome: 'failed', reason: resultReason(r.resultCode) };
  const payer = account.payerOrganisationId ? { kind: 'support_organisation' as const, organisationId: account.payerOrganisationId } : { kind: 'member' as const, organisationId: invoice.organisationId };
  return { ...base, outcome: 'debited', reason: null, payer };
};

/** Evaluates every row of a parsed result file for the debit date. */
export const evaluateDebitResults = async (db: Db, file: ResultFile, debitDate: string): Promise<DebitReportRow[]> => {
  const rows: DebitReportRow[] = [];
  const seen = new Set<string>();
  for (const row of file.rows) {
    if (!row.ok) {
      rows.push(refused(row.line, null, row.problem));
      continue;
    }
    if (seen.has(row.record.customerNumber)) {
      rows.push(refused(row.line, row.record, { ja: '同じ顧客番号がファイル内に2回あります', en: 'The same customer number appears twice in the file' }));
      continue;
    }
    seen.add(row.record.customerNumber);
    rows.push(await evaluateRecord(db, row.line, row.record, debitDate));
  }
  return rows;
};

export const reportOf = (debitDate: string, rows: DebitReportRow[], previouslyApplied: DebitReport['previouslyApplied']): DebitReport => {
  const totals = Object.fromEntries(DEBIT_OUTCOMES.map((o) => [o, { count: 0, yen: 0 }])) as DebitReport['totals'];
  for (const r of rows) {
    totals[r.outcome].count += 1;
    totals[r.outcome].yen += r.amountYen ?? 0;
  }
  return { debitDate, rows, totals, previouslyApplied };
};
