import { z } from 'zod';
import { japanDateOf, isLegalDate } from '../../../rules/core/index.js';
import type { Db } from '../../persistence/database.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findInvoiceForUpdate, updateInvoiceGuarded } from '../../persistence/repositories/invoices.repository.js';
import { findOrganisation } from '../../persistence/repositories/organisations.repository.js';
import { findPaymentByKey, insertPayment, listPaymentsOfInvoice, type PaymentRow } from '../../persistence/repositories/payments.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import { receiptNumber } from './billing.js';
import type { FeesContext } from './context.js';
import { transitionInvoice } from './invoice.states.js';

export const recordPaymentInput = z.object({
  amountYen: z.coerce.number().int().positive().max(100_000_000),
  method: z.enum(['bank_transfer', 'direct_debit']),
  paidOn: z.string().refine((v) => isLegalDate(v)),
  payerKind: z.enum(['member', 'support_organisation']).default('member'),
  payerOrganisationId: z.string().uuid().optional().or(z.literal('').transform(() => undefined)),
  reference: z.string().trim().max(200).optional(),
  /** Sent with the form (a hidden field made when the form was drawn) or as the Idempotency-Key header. */
  idempotencyKey: z.string().trim().min(8).max(200),
});

const FIELD_MESSAGES: Record<string, { ja: string; en: string }> = {
  amountYen: { ja: '金額を1円以上の整数（円）で入力してください', en: 'Enter the amount as a whole number of yen (1 or more)' },
  method: { ja: '支払方法を選んでください', en: 'Choose the payment method' },
  paidOn: { ja: '入金日を YYYY-MM-DD で入力してください', en: 'Enter the date paid as YYYY-MM-DD' },
  payerOrganisationId: { ja: '支払者（登録支援機関）を選んでください', en: 'Choose the paying support organisation' },
  idempotencyKey: { ja: 'フォームを開き直してから、もう一度送信してください', en: 'Reload the form and send it again' },
};

export type RecordedPayment = { payment: PaymentRow; replayed: boolean };

/**
 * Records a payment against an invoice. Idempotent: the same key returns the payment first recorded (a retried or
 * double-submitted request never records two); a key reused for a different payment is a conflict.
 * Rules: the method must be the invoice's (bank transfer the first year, direct debit later: jaim-membership-faq
 * Q2-5-7); a registered support organisation may pay for the member (Q2-5-12); no overpayment (nothing is refunded,
 * Q3-1-4).
 */
export const recordPayment = async (ctx: FeesContext, invoiceId: string, raw: unknown): Promise<RecordedPayment> => {
  authorize(ctx.actor, 'fees.manage');
  const parsed = recordPaymentInput.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'amountYen')))];
    throw new InvalidInput(fields.map((field) => ({ field, message: FIELD_MESSAGES[field] ?? FIELD_MESSAGES.amountYen! })));
  }
  return ctx.db.transaction((tx) => recordPaymentTx(tx, ctx, invoiceId, parsed.data));
};

export type PaymentInput = z.output<typeof recordPaymentInput>;

/** The payment inside the caller's transaction (also used by the direct-debit result import); the caller authorizes. */
export const recordPaymentTx = async (tx: Db, ctx: FeesContext, invoiceId: string, input: PaymentInput): Promise<RecordedPayment> => {
  const at = ctx.clock.now();
  const invoice = await findInvoiceForUpdate(tx, invoiceId);
  if (!invoice) throw new NotFound('fee_invoice');
  const existing = await findPaymentByKey(tx, input.idempotencyKey);
  if (existing) {
    if (existing.invoiceId === invoiceId && existing.amountYen === input.amountYen) return { payment: existing, replayed: true };
    throw new Conflict('idempotency key reused', { ja: 'この送信は別の入金として既に記録されています。フォームを開き直してください。', en: 'This submission was already recorded as a different payment. Reload the form.' });
  }
  if (input.method !== invoice.paymentMethod) {
    throw new InvalidInput([{ field: 'method', message: { ja: 'この請求の支払方法と異なります（初年度は銀行振込、次年度以降は口座振替: jaim-membership-faq Q2-5-7）', en: 'Not this invoice\'s payment method (bank transfer in the first year, direct debit afterwards: jaim-membership-faq Q2-5-7)' } }]);
  }
  if (input.paidOn > japanDateOf(at)) throw new InvalidInput([{ field: 'paidOn', message: { ja: '入金日に未来の日付は入力できません', en: 'The date paid cannot be in the future' } }]);
  const remaining = invoice.amountYen - invoice.paidYen;
  if (input.amountYen > remaining) {
    throw new InvalidInput([{ field: 'amountYen', message: { ja: `未納額（${remaining}円）を超えています（返金はしません: jaim-membership-faq Q3-1-4）`, en: `More than the amount outstanding (¥${remaining}); nothing is refunded (jaim-membership-faq Q3-1-4)` } }]);
  }
  let payerOrganisationId = invoice.organisationId;
  if (input.payerKind === 'support_organisation') {
    const payer = input.payerOrganisationId ? await findOrganisation(tx, input.payerOrganisationId) : undefined;
    if (!payer || payer.kind !== 'support_organisation') {
      throw new InvalidInput([{ field: 'payerOrganisationId', message: { ja: '支払者は登録支援機関である必要があります（jaim-membership-faq Q2-5-12）', en: 'The payer must be a registered support organisation (jaim-membership-faq Q2-5-12)' } }]);
    }
    payerOrganisationId = payer.id;
  }
  const paidYen = invoice.paidYen + input.amountYen;
  const status = transitionInvoice(invoice.status, paidYen === invoice.amountYen ? 'pay_full' : 'pay_part');
  const count = (await listPaymentsOfInvoice(tx, invoiceId)).length;
  const payment = await insertPayment(tx, {
    invoiceId,
    amountYen: input.amountYen,
    method: input.method,
    paidOn: input.paidOn,
    payerKind: input.payerKind,
    payerOrganisationId,
    reference: input.reference || null,
    idempotencyKey: input.idempotencyKey,
    receiptNumber: receiptNumber(invoice.fiscalYear, invoice.serial, count + 1),
    recordedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    at,
  });
  if (!payment) {
    const first = await findPaymentByKey(tx, input.idempotencyKey);
    if (first) return { payment: first, replayed: true };
    throw new Conflict('payment not recorded');
  }
  const updated = await updateInvoiceGuarded(tx, invoiceId, invoice.lockVersion, { status, paidYen });
  if (!updated) throw new Conflict('invoice changed', { ja: 'この請求は他の担当者が先に更新しました。もう一度お試しください。', en: 'Someone else updated this invoice first. Try again.' });
  await writeAuditEvent(tx, {
    ...auditMeta(ctx),
    action: 'fee_payment.recorded',
    target: { type: 'fee_invoice', id: invoiceId },
    summary: { before: { status: invoice.status, paidYen: invoice.paidYen }, after: { status, paidYen, paymentId: payment.id, amountYen: input.amountYen, method: input.method, payerKind: input.payerKind, payerOrganisationId } },
  });
  return { payment, replayed: false };
};
