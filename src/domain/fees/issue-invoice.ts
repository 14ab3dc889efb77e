import { z } from 'zod';
import { type LegalDate, fiscalYearOf, japanDateOf, legalDate, isLegalDate } from '../../../rules/core/index.js';
import type { Db } from '../../persistence/database.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findEstablishment } from '../../persistence/repositories/establishments.repository.js';
import { findInvoiceOfEstablishment, insertInvoice, type InvoiceRow } from '../../persistence/repositories/invoices.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import { assessInvoice } from './assess.js';
import { dueOnFor, invoiceNumber } from './billing.js';
import type { FeesContext } from './context.js';

const dateString = z.string().refine((v) => isLegalDate(v));
export const issueInvoiceInput = z.object({
  establishmentId: z.string().uuid(),
  fiscalYear: z.coerce.number().int().min(2025).max(2200),
  firstYear: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
  /** First year: the fee notice date (its month sets the first-year amount, Q2-5-1); today when not given. */
  feeNoticeDate: dateString.optional().or(z.literal('').transform(() => undefined)),
});

/**
 * Issues the invoice inside the caller's transaction (also used by the JAIM renewal check). Returns undefined when the
 * establishment already has an invoice for the year (one per establishment per fiscal year).
 */
export const issueInvoiceTx = async (
  tx: Db,
  ctx: FeesContext,
  input: { establishmentId: string; fiscalYear: number; firstYear: boolean; feeNoticeDate: LegalDate | null; renewalResponseId?: string | null },
): Promise<InvoiceRow | undefined> => {
  const at = ctx.clock.now();
  const today = japanDateOf(at);
  const est = await findEstablishment(tx, input.establishmentId);
  if (!est) throw new NotFound('establishment');
  if (await findInvoiceOfEstablishment(tx, est.id, input.fiscalYear)) return undefined;
  const assessed = await assessInvoice(tx, {
    organisationId: est.organisationId,
    establishmentId: est.id,
    jsicCodes: est.jsicCodes,
    fiscalYear: input.fiscalYear,
    firstYear: input.firstYear,
    feeNoticeDate: input.feeNoticeDate,
    asOf: today,
  });
  const row = await insertInvoice(tx, {
    organisationId: est.organisationId,
    establishmentId: est.id,
    fiscalYear: input.fiscalYear,
    firstYear: input.firstYear,
    feeNoticeDate: input.firstYear ? input.feeNoticeDate : null,
    issuedOn: today,
    dueOn: dueOnFor(assessed.paymentMethod, today),
    paymentMethod: assessed.paymentMethod,
    amountYen: assessed.amountYen,
    lines: assessed.lines,
    determination: assessed.determination,
    amountsAreExamples: assessed.assessment.amountsAreExamples,
    renewalResponseId: input.renewalResponseId ?? null,
    at,
  });
  if (!row) return undefined;
  await writeAuditEvent(tx, {
    ...auditMeta(ctx),
    action: 'fee_invoice.issued',
    target: { type: 'fee_invoice', id: row.id },
    summary: {
      after: {
        number: invoiceNumber(row.fiscalYear, row.serial),
        establishmentId: est.id,
        fiscalYear: row.fiscalYear,
        amountYen: row.amountYen,
        paymentMethod: row.paymentMethod,
        outcome: assessed.determination.outcome,
        amountsAreExamples: row.amountsAreExamples,
      },
    },
  });
  return row;
};

const ISSUE_MESSAGES: Record<string, { ja: string; en: string }> = {
  establishmentId: { ja: '請求する事業所を選んでください', en: 'Choose the establishment to invoice' },
  fiscalYear: { ja: '年度を4桁の数字で入力してください（2025年度以降。例: 2026）', en: 'Enter the fiscal year as four digits, 2025 or later (for example 2026)' },
  firstYear: { ja: '入会初年度の請求かどうかを選んでください', en: 'Choose whether this is the first-year invoice' },
  feeNoticeDate: { ja: '会費請求通知日を YYYY-MM-DD で入力してください（例: 2026-09-01）', en: 'Enter the fee notice date as YYYY-MM-DD (for example 2026-09-01)' },
};

/** Staff issue one establishment's invoice for a fiscal year, computed by the fee rules (jaim-membership-faq Q2-5). */
export const issueInvoice = async (ctx: FeesContext, raw: unknown): Promise<InvoiceRow> => {
  authorize(ctx.actor, 'fees.manage');
  const parsed = issueInvoiceInput.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'establishmentId')))];
    throw new InvalidInput(fields.map((field) => ({ field, message: ISSUE_MESSAGES[field] ?? ISSUE_MESSAGES.establishmentId! })));
  }
  const input = parsed.data;
  const today = japanDateOf(ctx.clock.now());
  const notice = input.firstYear ? legalDate(input.feeNoticeDate ?? today) : null;
  if (notice && fiscalYearOf(notice) !== input.fiscalYear) {
    throw new InvalidInput([{ field: 'feeNoticeDate', message: { ja: '会費請求通知日は請求する年度内の日付にしてください（jaim-membership-faq Q2-5-1）', en: 'The fee notice date must fall in the fiscal year billed (jaim-membership-faq Q2-5-1)' } }]);
  }
  if (!(await findEstablishment(ctx.db, input.establishmentId))) throw new InvalidInput([{ field: 'establishmentId', message: ISSUE_MESSAGES.establishmentId! }]);
  return ctx.db.transaction(async (tx) => {
    const row = await issueInvoiceTx(tx, ctx, { establishmentId: input.establishmentId, fiscalYear: input.fiscalYear, firstYear: input.firstYear, feeNoticeDate: notice });
    if (!row) throw new Conflict('invoice exists', { ja: 'この事業所には、この年度の請求書が既にあります（年会費は事業所ごと・年度ごと）。', en: 'This establishment already has an invoice for this fiscal year (one fee per establishment per year).' });
    return row;
  });
};
