// M6 yearly renewal and M10 fees (migration 0008_renewal_and_fees.sql).
import { bigserial, boolean, date, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { idColumn, instant, timestamps } from './columns.js';
import type { Roster } from './enums.js';
import { establishments, organisations } from './organisations.js';
import { rosterEntries } from './roster-entries.js';
import { users } from './users.js';

export const RENEWAL_CYCLE_STATUSES = ['open', 'closed'] as const;
export type RenewalCycleStatus = (typeof RENEWAL_CYCLE_STATUSES)[number];
export const RENEWAL_RESPONSE_STATUSES = ['awaiting', 'renewed', 'withdrawn', 'lapsed'] as const;
export type RenewalResponseStatus = (typeof RENEWAL_RESPONSE_STATUSES)[number];
export const WAGE_ADEQUACY = ['needs_review', 'adequate', 'inadequate'] as const;
export type WageAdequacy = (typeof WAGE_ADEQUACY)[number];
export const FEE_INVOICE_STATUSES = ['issued', 'part_paid', 'paid', 'cancelled'] as const;
export type FeeInvoiceStatus = (typeof FEE_INVOICE_STATUSES)[number];
export const FEE_PAYMENT_METHODS = ['bank_transfer', 'direct_debit'] as const;
export type FeePaymentMethod = (typeof FEE_PAYMENT_METHODS)[number];
export const FEE_PAYER_KINDS = ['member', 'support_organisation'] as const;
export type FeePayerKind = (typeof FEE_PAYER_KINDS)[number];
export const FEE_DISCOUNT_KINDS = ['sme', 'association'] as const;
export type FeeDiscountKind = (typeof FEE_DISCOUNT_KINDS)[number];
export const FEE_CLAIM_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export type FeeClaimStatus = (typeof FEE_CLAIM_STATUSES)[number];

export const renewalCycles = pgTable(
  'renewal_cycles',
  {
    id: idColumn(),
    fiscalYear: integer('fiscal_year').notNull(),
    roster: text('roster').$type<Roster>().notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** Written only through renewal-cycle.states.ts. */
    status: text('status').$type<RenewalCycleStatus>().notNull().default('open'),
    openedBy: uuid('opened_by').references(() => users.id),
    lockVersion: integer('lock_version').notNull().default(0),
    ...timestamps(),
  },
  (t) => [unique('renewal_cycles_year_roster_key').on(t.fiscalYear, t.roster)],
);

export const renewalResponses = pgTable(
  'renewal_responses',
  {
    id: idColumn(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => renewalCycles.id),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    rosterEntryId: uuid('roster_entry_id').references(() => rosterEntries.id),
    /** Written only through renewal-response.states.ts. */
    status: text('status').$type<RenewalResponseStatus>().notNull().default('awaiting'),
    answeredOn: date('answered_on', { mode: 'string' }),
    answeredBy: uuid('answered_by').references(() => users.id),
    remindersSent: integer('reminders_sent').notNull().default(0),
    lastRemindedOn: date('last_reminded_on', { mode: 'string' }),
    determination: jsonb('determination'),
    membershipEndsOn: date('membership_ends_on', { mode: 'string' }),
    lockVersion: integer('lock_version').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    unique('renewal_responses_cycle_establishment_key').on(t.cycleId, t.establishmentId),
    index('renewal_responses_organisation_idx').on(t.organisationId, t.status),
    index('renewal_responses_cycle_status_idx').on(t.cycleId, t.status),
  ],
);

export const wageReports = pgTable('wage_reports', {
  id: idColumn(),
  responseId: uuid('response_id')
    .notNull()
    .references(() => renewalResponses.id)
    .unique('wage_reports_response_key'),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  /** Reported increase in basis points (1.5 % = 150); null when not given. */
  increaseBasisPoints: integer('increase_basis_points'),
  evidenceText: text('evidence_text').notNull(),
  evidenceReference: text('evidence_reference'),
  adequacy: text('adequacy').$type<WageAdequacy>().notNull().default('needs_review'),
  determination: jsonb('determination').notNull(),
  submittedBy: uuid('submitted_by').references(() => users.id),
  submittedAt: instant('submitted_at').notNull(),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  reviewedAt: instant('reviewed_at'),
  reviewNote: text('review_note'),
  lockVersion: integer('lock_version').notNull().default(0),
  ...timestamps(),
});

export const feeInvoices = pgTable(
  'fee_invoices',
  {
    id: idColumn(),
    serial: bigserial('serial', { mode: 'number' }).notNull().unique('fee_invoices_serial_key'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id),
    fiscalYear: integer('fiscal_year').notNull(),
    firstYear: boolean('first_year').notNull(),
    feeNoticeDate: date('fee_notice_date', { mode: 'string' }),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    paymentMethod: text('payment_method').$type<FeePaymentMethod>().notNull(),
    amountYen: integer('amount_yen').notNull(),
    paidYen: integer('paid_yen').notNull().default(0),
    lines: jsonb('lines').notNull(),
    determination: jsonb('determination').notNull(),
    amountsAreExamples: boolean('amounts_are_examples').notNull(),
    /** Written only through invoice.states.ts. */
    status: text('status').$type<FeeInvoiceStatus>().notNull().default('issued'),
    cancelReason: text('cancel_reason'),
    renewalResponseId: uuid('renewal_response_id').references(() => renewalResponses.id),
    lockVersion: integer('lock_version').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    unique('fee_invoices_establishment_year_key').on(t.establishmentId, t.fiscalYear),
    index('fee_invoices_organisation_idx').on(t.organisationId, t.fiscalYear),
    index('fee_invoices_arrears_idx').on(t.status, t.dueOn),
  ],
);

export const feePayments = pgTable(
  'fee_payments',
  {
    id: idColumn(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => feeInvoices.id),
    amountYen: integer('amount_yen').notNull(),
    method: text('method').$type<FeePaymentMethod>().notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    payerKind: text('payer_kind').$type<FeePayerKind>().notNull(),
    payerOrganisationId: uuid('payer_organisation_id')
      .notNull()
      .references(() => organisations.id),
    reference: text('reference'),
    idempotencyKey: text('idempotency_key').notNull().unique('fee_payments_idempotency_key_key'),
    receiptNumber: text('receipt_number').notNull().unique('fee_payments_receipt_number_key'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('fee_payments_invoice_idx').on(t.invoiceId)],
);

export const feeDiscountClaims = pgTable(
  'fee_discount_claims',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').$type<FeeDiscountKind>().notNull(),
    evidenceText: text('evidence_text').notNull(),
    evidenceReference: text('evidence_reference'),
    associationName: text('association_name'),
    associationCompletedOn: date('association_completed_on', { mode: 'string' }),
    jaimApplicationDate: date('jaim_application_date', { mode: 'string' }),
    /** Written only through discount-claim.states.ts. */
    status: text('status').$type<FeeClaimStatus>().notNull().default('submitted'),
    validFromFy: integer('valid_from_fy'),
    validUntilFy: integer('valid_until_fy'),
    determination: jsonb('determination'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: instant('submitted_at').notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: instant('reviewed_at'),
    reviewNote: text('review_note'),
    lockVersion: integer('lock_version').notNull().default(0),
    ...timestamps(),
  },
  (t) => [index('fee_discount_claims_organisation_idx').on(t.organisationId, t.kind, t.status)],
);

export const feeDebitAccounts = pgTable('fee_debit_accounts', {
  id: idColumn(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id)
    .unique('fee_debit_accounts_organisation_key'),
  /** A registered support organisation whose account is debited for the member (Q2-5-12); null = the member's own. */
  payerOrganisationId: uuid('payer_organisation_id').references(() => organisations.id),
  bankCode: text('bank_code').notNull(),
  bankNameKana: text('bank_name_kana').notNull(),
  branchCode: text('branch_code').notNull(),
  branchNameKana: text('branch_name_kana').notNull(),
  accountType: text('account_type').$type<'1' | '2' | '9'>().notNull(),
  accountNumber: text('account_number').notNull(),
  holderNameKana: text('holder_name_kana').notNull(),
  registeredBy: uuid('registered_by').references(() => users.id),
  ...timestamps(),
});
