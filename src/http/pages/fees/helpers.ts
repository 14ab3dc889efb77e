import type { FastifyRequest } from 'fastify';
import { yen } from '../../../domain/fees/billing.js';
import { INVOICE_LABELS, type InvoiceState } from '../../../domain/fees/invoice.states.js';
import type { InvoiceDetail } from '../../../domain/fees/read-fees.js';
import type { InvoiceView } from '../../../persistence/repositories/invoices.repository.js';
import { invoiceNumber } from '../../../domain/fees/billing.js';
import { showDate } from '../renewal/helpers.js';

export const invoiceStatus = (s: InvoiceState, lang: 'ja' | 'en') => ({ label: INVOICE_LABELS[s][lang], tag: INVOICE_LABELS[s].tag });

/** An invoice for display: integer yen formatted, dates with 和暦, status label, lines with citations. */
export const invoiceRow = (i: InvoiceView, request: FastifyRequest) => ({
  ...i,
  number: invoiceNumber(i.fiscalYear, i.serial),
  amount: yen(i.amountYen, request.lang),
  paid: yen(i.paidYen, request.lang),
  outstanding: yen(i.amountYen - i.paidYen, request.lang),
  dueShown: showDate(i.dueOn, request.lang),
  issuedShown: showDate(i.issuedOn, request.lang),
  statusView: invoiceStatus(i.status, request.lang),
  methodLabel: request.t(`fees:method.${i.paymentMethod}`),
  lines: (i.lines as { kind: string; label: { ja: string; en: string }; amountYen: number; citation: string }[]).map((l) => ({ label: l.label[request.lang], amount: yen(l.amountYen, request.lang), citation: l.citation })),
});

/** The bank's direct-debit results of an invoice for display: date with 和暦, amount, result with its reason. */
export const debitResultRows = (rows: InvoiceDetail['debitResults'], request: FastifyRequest) =>
  rows.map((r) => ({ resultCode: r.resultCode, reasonText: r.reason[request.lang], amount: yen(r.amountYen, request.lang), dateShown: showDate(r.debitDate, request.lang) }));
