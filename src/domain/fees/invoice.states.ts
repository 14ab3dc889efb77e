import { InvalidTransition } from '../errors.js';

// A fee invoice. The status column is written only with a state this machine returns.
//
//   issued ──pay_part──▶ part_paid ──pay_part──▶ part_paid
//   issued | part_paid ──pay_full──▶ paid
//   issued ──cancel──▶ cancelled   (withdrawal declared at the renewal check: no next-year fee, Q3-1-4;
//                                   never after a payment: no refunds, Q3-1-4)

export const INVOICE_STATES = ['issued', 'part_paid', 'paid', 'cancelled'] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];
export const INVOICE_EVENTS = ['pay_part', 'pay_full', 'cancel'] as const;
export type InvoiceEvent = (typeof INVOICE_EVENTS)[number];

const TRANSITIONS: Readonly<Record<InvoiceState, Partial<Record<InvoiceEvent, InvoiceState>>>> = {
  issued: { pay_part: 'part_paid', pay_full: 'paid', cancel: 'cancelled' },
  part_paid: { pay_part: 'part_paid', pay_full: 'paid' },
  paid: {},
  cancelled: {},
};

export const transitionInvoice = (from: InvoiceState, event: InvoiceEvent): InvoiceState => {
  const to = TRANSITIONS[from][event];
  if (!to) throw new InvalidTransition('fee_invoice', from, event);
  return to;
};

export const INVOICE_LABELS: Readonly<Record<InvoiceState, { ja: string; en: string; tag: string }>> = {
  issued: { ja: '未納', en: 'Unpaid', tag: 'tag--warning' },
  part_paid: { ja: '一部入金', en: 'Part paid', tag: 'tag--warning' },
  paid: { ja: '入金済み', en: 'Paid', tag: 'tag--success' },
  cancelled: { ja: '請求取消し', en: 'Cancelled', tag: '' },
};
