import { z } from 'zod';
import { japanDateOf, isLegalDate } from '../../../rules/core/index.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { listDirectDebitDue } from '../../persistence/repositories/invoices.repository.js';
import { listDebitAccounts } from '../../persistence/repositories/payments.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { InvalidInput } from '../errors.js';
import { customerNumber, invoiceNumber } from './billing.js';
import type { FeesContext } from './context.js';
import { EXAMPLE_CONSIGNOR, zenginDebitFile, type DebitRecord } from './zengin.js';

export const exportDebitInput = z.object({
  fiscalYear: z.coerce.number().int().min(2025).max(2200),
  debitDate: z.string().refine((v) => isLegalDate(v)),
});

export type DebitExport = { filename: string; bytes: Buffer; included: string[]; missingAccount: string[]; totalYen: number };

/**
 * The direct-debit request file for a fiscal year's unpaid direct-debit invoices (jaim-membership-faq Q2-5-7, Q2-5-8),
 * in the Zengin type-91 layout (see zengin.ts). Invoices of members with no registered account are listed, not included.
 */
export const exportDebitFile = async (ctx: FeesContext, raw: unknown): Promise<DebitExport> => {
  authorize(ctx.actor, 'fees.manage');
  const parsed = exportDebitInput.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'fiscalYear');
    throw new InvalidInput([{ field, message: field === 'debitDate' ? { ja: '引落日を YYYY-MM-DD で入力してください', en: 'Enter the debit date as YYYY-MM-DD' } : { ja: '年度を入力してください', en: 'Enter the fiscal year' } }]);
  }
  const { fiscalYear, debitDate } = parsed.data;
  if (debitDate < japanDateOf(ctx.clock.now())) throw new InvalidInput([{ field: 'debitDate', message: { ja: '引落日は今日以降の日付にしてください', en: 'The debit date must be today or later' } }]);
  const invoices = await listDirectDebitDue(ctx.db, fiscalYear);
  const accounts = new Map((await listDebitAccounts(ctx.db, [...new Set(invoices.map((i) => i.organisationId))])).map((a) => [a.organisationId, a]));
  const records: DebitRecord[] = [];
  const included: string[] = [];
  const missingAccount: string[] = [];
  let totalYen = 0;
  for (const inv of invoices) {
    const a = accounts.get(inv.organisationId);
    const due = inv.amountYen - inv.paidYen;
    if (!a || due <= 0) {
      if (!a) missingAccount.push(invoiceNumber(inv.fiscalYear, inv.serial));
      continue;
    }
    records.push({
      bankCode: a.bankCode,
      bankNameKana: a.bankNameKana,
      branchCode: a.branchCode,
      branchNameKana: a.branchNameKana,
      accountType: a.accountType,
      accountNumber: a.accountNumber,
      holderNameKana: a.holderNameKana,
      amountYen: due,
      newCode: '0',
      customerNumber: customerNumber(inv.fiscalYear, inv.serial),
    });
    included.push(invoiceNumber(inv.fiscalYear, inv.serial));
    totalYen += due;
  }
  const bytes = zenginDebitFile(EXAMPLE_CONSIGNOR, debitDate, records);
  await ctx.db.transaction(async (tx) => {
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'fee_debit_file.exported',
      target: { type: 'fee_debit_file', id: `${fiscalYear}:${debitDate}` },
      summary: { after: { fiscalYear, debitDate, records: records.length, totalYen, missingAccount: missingAccount.length } },
    });
  });
  return { filename: `jaim-debit-${fiscalYear}-${debitDate.replaceAll('-', '')}.txt`, bytes, included, missingAccount, totalYen };
};
