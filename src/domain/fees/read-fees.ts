import { type Message, japanDateOf } from '../../../rules/core/index.js';
import { latestDebitFailures, listDebitResultsOfInvoice, type DebitResultRow } from '../../persistence/repositories/debit-results.repository.js';
import { listDiscountClaims, findDiscountClaim, type DiscountClaimView } from '../../persistence/repositories/discount-claims.repository.js';
import { findInvoice, listArrears, listInvoicesOfOrganisations, listInvoicesOfYear, type InvoiceView } from '../../persistence/repositories/invoices.repository.js';
import { findDebitAccount, findPayment, listPaymentsOfInvoice, type DebitAccountRow, type PaymentRow } from '../../persistence/repositories/payments.repository.js';
import { organisationsOf } from '../access/actor.js';
import { authorize, can } from '../access/policies.js';
import { NotFound } from '../errors.js';
import { invoiceNumber } from './billing.js';
import type { FeesContext } from './context.js';
import { renderReceiptPdf } from './receipt-pdf.js';
import { resultReason } from './zengin-result.js';

export type InvoiceDetail = {
  invoice: InvoiceView;
  number: string;
  payments: (PaymentRow & { payerName: string })[];
  debitAccount: DebitAccountRow | undefined;
  /** What the bank said for each direct debit of this invoice, latest first, with the reason when not debited. */
  debitResults: (DebitResultRow & { reason: Message })[];
};

/** The invoices of every organisation the actor acts for (members and support organisations acting for them). */
export const listMyInvoices = async (ctx: FeesContext): Promise<InvoiceView[]> => {
  authorize(ctx.actor, 'fees.read_own');
  return listInvoicesOfOrganisations(ctx.db, organisationsOf(ctx.actor));
};

/** One invoice: the member's own, or any for staff. */
export const getInvoice = async (ctx: FeesContext, id: string): Promise<InvoiceDetail> => {
  authorize(ctx.actor, can(ctx.actor, 'fees.manage') ? 'fees.manage' : 'fees.read_own');
  const invoice = await findInvoice(ctx.db, id);
  if (!invoice) throw new NotFound('fee_invoice');
  if (!can(ctx.actor, 'fees.manage')) authorize(ctx.actor, 'fees.read_own', { organisationId: invoice.organisationId });
  const [payments, debitAccount, results] = await Promise.all([listPaymentsOfInvoice(ctx.db, id), findDebitAccount(ctx.db, invoice.organisationId), listDebitResultsOfInvoice(ctx.db, id)]);
  const debitResults = results.map((r) => ({ ...r, reason: resultReason(r.resultCode) }));
  return { invoice, number: invoiceNumber(invoice.fiscalYear, invoice.serial), payments, debitAccount, debitResults };
};

export const listInvoicesForYear = async (ctx: FeesContext, fiscalYear: number): Promise<InvoiceView[]> => {
  authorize(ctx.actor, 'fees.manage');
  return listInvoicesOfYear(ctx.db, fiscalYear);
};

export type DebitFailure = { debitDate: string; resultCode: string; reason: Message };
export type ArrearsRow = InvoiceView & { number: string; outstandingYen: number; daysOverdue: number; debitFailure: DebitFailure | null };

/**
 * Staff: unpaid invoices past their due date (滞納), and open invoices whose direct debit failed, oldest first, with
 * days overdue (0 before the due date) and the bank's reason for the latest failed debit.
 */
export const listArrearsFor = async (ctx: FeesContext): Promise<ArrearsRow[]> => {
  authorize(ctx.actor, 'fees.manage');
  const today = japanDateOf(ctx.clock.now());
  const rows = await listArrears(ctx.db, today);
  const failures = await latestDebitFailures(ctx.db, rows.map((i) => i.id));
  return rows.map((i) => {
    const f = failures.get(i.id);
    return {
      ...i,
      number: invoiceNumber(i.fiscalYear, i.serial),
      outstandingYen: i.amountYen - i.paidYen,
      daysOverdue: Math.max(0, Math.round((Date.parse(today) - Date.parse(i.dueOn)) / 86_400_000)),
      debitFailure: f ? { debitDate: f.debitDate, resultCode: f.resultCode, reason: resultReason(f.resultCode) } : null,
    };
  });
};

export const listClaimsForReview = async (ctx: FeesContext): Promise<DiscountClaimView[]> => {
  authorize(ctx.actor, 'fees.manage');
  return listDiscountClaims(ctx.db, { status: 'submitted' });
};

export const getClaim = async (ctx: FeesContext, id: string): Promise<DiscountClaimView> => {
  authorize(ctx.actor, can(ctx.actor, 'fees.manage') ? 'fees.manage' : 'fees.read_own');
  const claim = await findDiscountClaim(ctx.db, id);
  if (!claim) throw new NotFound('fee_discount_claim');
  if (!can(ctx.actor, 'fees.manage')) authorize(ctx.actor, 'fees.read_own', { organisationId: claim.organisationId });
  return claim;
};

export const listMyClaims = async (ctx: FeesContext, organisationId: string): Promise<DiscountClaimView[]> => {
  authorize(ctx.actor, 'fees.read_own', { organisationId });
  return listDiscountClaims(ctx.db, { organisationId });
};

/** The receipt PDF of a payment: for the member, the support organisation that paid, or staff. */
export const receiptFor = async (ctx: FeesContext, paymentId: string): Promise<{ filename: string; bytes: Uint8Array; amountYen: number }> => {
  authorize(ctx.actor, can(ctx.actor, 'fees.manage') ? 'fees.manage' : 'fees.read_own');
  const payment = await findPayment(ctx.db, paymentId);
  const invoice = payment ? await findInvoice(ctx.db, payment.invoiceId) : undefined;
  if (!payment || !invoice) throw new NotFound('fee_payment');
  if (!can(ctx.actor, 'fees.manage')) {
    const mine = organisationsOf(ctx.actor);
    const org = invoice && mine.includes(invoice.organisationId) ? invoice.organisationId : payment && mine.includes(payment.payerOrganisationId) ? payment.payerOrganisationId : '';
    authorize(ctx.actor, 'fees.read_own', { organisationId: org });
  }
  if (!payment || !invoice) throw new NotFound('fee_payment');
  const bytes = await renderReceiptPdf({
    receiptNumber: payment.receiptNumber,
    invoiceNumber: invoiceNumber(invoice.fiscalYear, invoice.serial),
    payerName: payment.payerName,
    memberName: invoice.organisationName,
    establishmentName: invoice.establishmentName,
    fiscalYear: invoice.fiscalYear,
    amountYen: payment.amountYen,
    paidOn: payment.paidOn,
    issuedOn: japanDateOf(ctx.clock.now()),
    method: payment.method,
    amountsAreExamples: invoice.amountsAreExamples,
  });
  return { filename: `receipt-${payment.receiptNumber}.pdf`, bytes, amountYen: payment.amountYen };
};
