import { z } from 'zod';
import { legalDate } from '../../../rules/core/index.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findDebitImport, insertDebitResult, updateDebitImportGuarded, type DebitImportMeta } from '../../persistence/repositories/debit-results.repository.js';
import { lockInvoices } from '../../persistence/repositories/invoices.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import type { FeesContext } from './context.js';
import { transitionDebitImport, type DebitImportEvent, type DebitImportState } from './debit-import.states.js';
import { evaluateDebitResults, reportOf, type DebitReport } from './debit-result-report.js';
import { recordPaymentTx } from './record-payment.js';
import { parseResultFile } from './zengin-result.js';

const decisionInput = z.object({ lockVersion: z.coerce.number().int().min(0) });

const CHANGED = { ja: 'この取込は他の担当者が先に処理しました。画面を開き直して確認してください。', en: 'Someone else dealt with this import first. Reload the page and check it.' };

/** The payment idempotency key of a debited row: one customer number, one debit date, one payment, however often imported. */
export const debitPaymentKey = (customerNumber: string, debitDate: string): string => `zengin:${customerNumber}:${debitDate}`;

const loadChecked = async (tx: FeesContext['db'], id: string, raw: unknown, event: DebitImportEvent) => {
  const parsed = decisionInput.safeParse(raw);
  if (!parsed.success) throw new InvalidInput([{ field: 'lockVersion', message: { ja: '画面を開き直してから、もう一度送信してください', en: 'Reload the page and send it again' } }]);
  const imp = await findDebitImport(tx, id);
  if (!imp) throw new NotFound('fee_debit_import');
  if (imp.lockVersion !== parsed.data.lockVersion) throw new Conflict('import changed', CHANGED);
  const to: DebitImportState = transitionDebitImport(imp.status, event);
  return { imp, to, lockVersion: parsed.data.lockVersion };
};

/**
 * Applies a checked result file: each debited row records the payment (method direct debit, paid on the debit date,
 * by the member or the support organisation whose account was debited: Q2-5-7, Q2-5-12), each failed row records the
 * bank's reason and leaves the invoice open, so it shows on the arrears list with that reason. The rows are evaluated
 * again with the invoices locked: what changed since the dry run (a payment entered by hand, say) is refused, not
 * recorded twice. Payments carry a key per customer number and debit date, and results are unique per invoice and
 * debit date, so applying the same file again (or a second copy of it) records nothing twice.
 */
export const applyDebitResults = async (ctx: FeesContext, id: string, raw: unknown): Promise<{ import: DebitImportMeta; report: DebitReport }> => {
  authorize(ctx.actor, 'fees.manage');
  const at = ctx.clock.now();
  const decidedBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  return ctx.db.transaction(async (tx) => {
    const { imp, to, lockVersion } = await loadChecked(tx, id, raw, 'apply');
    const parsed = parseResultFile(imp.content);
    if (!parsed.ok) throw new Conflict('stored file unreadable', { ja: '保存されたファイルが読めません。取り込み直してください。', en: 'The stored file cannot be read. Import it again.' });
    const first = await evaluateDebitResults(tx, parsed.file, imp.debitDate);
    await lockInvoices(tx, [...new Set(first.map((r) => r.invoiceId).filter((x): x is string => !!x))]);
    const rows = await evaluateDebitResults(tx, parsed.file, imp.debitDate);
    for (const row of rows) {
      if ((row.outcome !== 'debited' && row.outcome !== 'failed') || !row.invoiceId || !row.customerNumber || !row.amountYen || !row.resultCode) continue;
      let paymentId: string | null = null;
      if (row.outcome === 'debited') {
        const paid = await recordPaymentTx(tx, ctx, row.invoiceId, {
          amountYen: row.amountYen,
          method: 'direct_debit',
          paidOn: legalDate(imp.debitDate),
          payerKind: row.payer?.kind ?? 'member',
          payerOrganisationId: row.payer?.kind === 'support_organisation' ? row.payer.organisationId : undefined,
          reference: `口座振替 ${imp.debitDate} ${row.customerNumber}`,
          idempotencyKey: debitPaymentKey(row.customerNumber, imp.debitDate),
        });
        paymentId = paid.payment.id;
      }
      await insertDebitResult(tx, { importId: imp.id, invoiceId: row.invoiceId, debitDate: imp.debitDate, customerNumber: row.customerNumber, amountYen: row.amountYen, resultCode: row.resultCode, paymentId, at });
      if (row.outcome === 'failed') {
        await writeAuditEvent(tx, {
          ...auditMeta(ctx),
          action: 'fee_debit.failed',
          target: { type: 'fee_invoice', id: row.invoiceId },
          summary: { after: { debitDate: imp.debitDate, resultCode: row.resultCode, reason: row.reason?.ja ?? '', amountYen: row.amountYen, importId: imp.id } },
        });
      }
    }
    const report = reportOf(imp.debitDate, rows, null);
    const updated = await updateDebitImportGuarded(tx, id, lockVersion, { status: to, report, decidedBy, decidedAt: at });
    if (!updated) throw new Conflict('import changed', CHANGED);
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'fee_debit_import.applied',
      target: { type: 'fee_debit_import', id },
      summary: { before: { status: imp.status }, after: { status: to, debitDate: imp.debitDate, sha256: imp.sha256, totals: report.totals } },
    });
    return { import: updated, report };
  });
};

/** Discards a checked result file: nothing is recorded (a wrong file, or one to be re-sent by the bank). */
export const discardDebitResults = async (ctx: FeesContext, id: string, raw: unknown): Promise<DebitImportMeta> => {
  authorize(ctx.actor, 'fees.manage');
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { imp, to, lockVersion } = await loadChecked(tx, id, raw, 'discard');
    const updated = await updateDebitImportGuarded(tx, id, lockVersion, { status: to, decidedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, decidedAt: at });
    if (!updated) throw new Conflict('import changed', CHANGED);
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'fee_debit_import.discarded', target: { type: 'fee_debit_import', id }, summary: { before: { status: imp.status }, after: { status: to } } });
    return updated;
  });
};
