// Membership lifecycle (migration 0007): change notices, withdrawals, expulsions, violation reports.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, unique, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { idColumn, instant, timestamps } from './columns.js';
import { establishments, organisations } from './organisations.js';
import { users } from './users.js';

export const CHANGE_NOTICE_KINDS = [
  'establishment_name',
  'company_name',
  'address',
  'representative',
  'relocation',
  'merger',
  'jsic_addition',
  'new_establishment',
  'operating_confirmed',
] as const;
export type ChangeNoticeKind = (typeof CHANGE_NOTICE_KINDS)[number];
export const CHANGE_NOTICE_STATUSES = ['submitted', 'applied', 'refused', 'withdrawn'] as const;
export type ChangeNoticeStatus = (typeof CHANGE_NOTICE_STATUSES)[number];

export const WITHDRAWAL_SCOPES = ['whole', 'establishments'] as const;
export type WithdrawalScope = (typeof WITHDRAWAL_SCOPES)[number];
export const WITHDRAWAL_STATUSES = ['accepted', 'refused'] as const;
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];

export const EXPULSION_CATEGORIES = ['iii', 'iv', 'v'] as const;
export type ExpulsionCategory = (typeof EXPULSION_CATEGORIES)[number];
export const EXPULSION_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type ExpulsionStatus = (typeof EXPULSION_STATUSES)[number];

export const VIOLATION_SOURCES = ['report', 'document_request', 'site_visit', 'consultation', 'other'] as const;
export type ViolationSource = (typeof VIOLATION_SOURCES)[number];
export const VIOLATION_STATUSES = ['recorded', 'reported', 'closed'] as const;
export type ViolationStatus = (typeof VIOLATION_STATUSES)[number];
export const AGENCIES = ['moj', 'mhlw', 'npa', 'mofa'] as const;
export type Agency = (typeof AGENCIES)[number];

/** Change notification (council art.11, JAIM FAQ Q3-2), applied from effective_from. */
export const changeNotices = pgTable(
  'change_notices',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    establishmentId: uuid('establishment_id').references(() => establishments.id),
    kind: text('kind').$type<ChangeNoticeKind>().notNull(),
    /** Written only through the change-notice state machine. */
    status: text('status').$type<ChangeNoticeStatus>().notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    followsNoticeId: uuid('follows_notice_id').references((): AnyPgColumn => changeNotices.id),
    determination: jsonb('determination'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: instant('submitted_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: instant('decided_at'),
    decisionReason: text('decision_reason'),
    masterAppliedAt: instant('master_applied_at'),
    lockVersion: integer('lock_version').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index('change_notices_queue_idx').on(t.status, t.submittedAt),
    index('change_notices_organisation_id_idx').on(t.organisationId, t.submittedAt),
    index('change_notices_due_idx').on(t.effectiveFrom).where(sql`status = 'applied' AND master_applied_at IS NULL`),
  ],
);

/** Withdrawal notice (council art.13): accepted (listings end on effective_from) or refused while SSW are employed. */
export const withdrawals = pgTable(
  'withdrawals',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    scope: text('scope').$type<WithdrawalScope>().notNull(),
    status: text('status').$type<WithdrawalStatus>().notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    determination: jsonb('determination').notNull(),
    refundDetermination: jsonb('refund_determination'),
    reason: text('reason'),
    notifiedBy: uuid('notified_by').references(() => users.id),
    notifiedAt: instant('notified_at').notNull(),
    idempotencyKey: text('idempotency_key').unique('withdrawals_idempotency_key_key'),
    lockVersion: integer('lock_version').notNull().default(0),
    ...timestamps(),
  },
  (t) => [index('withdrawals_organisation_id_idx').on(t.organisationId, t.notifiedAt)],
);

export const withdrawalEstablishments = pgTable(
  'withdrawal_establishments',
  {
    id: idColumn(),
    withdrawalId: uuid('withdrawal_id')
      .notNull()
      .references(() => withdrawals.id),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id),
    sswEmployed: integer('ssw_employed').notNull(),
  },
  (t) => [unique('withdrawal_establishments_key').on(t.withdrawalId, t.establishmentId)],
);

/** Expulsion (council art.14): proposed by one staff member, approved by another. */
export const expulsions = pgTable(
  'expulsions',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    corporateNumber: text('corporate_number'),
    category: text('category').$type<ExpulsionCategory>().notNull(),
    grounds: text('grounds').array().notNull().default([]),
    evidence: jsonb('evidence').$type<Record<string, string>>().notNull().default({}),
    facts: jsonb('facts').notNull(),
    determination: jsonb('determination').notNull(),
    status: text('status').$type<ExpulsionStatus>().notNull(),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: instant('proposed_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: instant('decided_at'),
    decisionReason: text('decision_reason'),
    expelledOn: date('expelled_on', { mode: 'string' }),
    rejoinBlockLiftedOn: date('rejoin_block_lifted_on', { mode: 'string' }),
    mojReportDetermination: jsonb('moj_report_determination'),
    mojReportNecessary: boolean('moj_report_necessary'),
    mojReportReason: text('moj_report_reason'),
    mojReportedOn: date('moj_reported_on', { mode: 'string' }),
    mojReference: text('moj_reference'),
    mojRecordedBy: uuid('moj_recorded_by').references(() => users.id),
    lockVersion: integer('lock_version').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index('expulsions_corporate_number_idx').on(t.corporateNumber, t.expelledOn).where(sql`status = 'approved'`),
    index('expulsions_status_idx').on(t.status, t.proposedAt),
  ],
);

/** A suspected violation (council art.15) and, below, each report of it to an agency concerned. */
export const violationReports = pgTable(
  'violation_reports',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    establishmentId: uuid('establishment_id').references(() => establishments.id),
    subjectName: text('subject_name').notNull(),
    facts: text('facts').notNull(),
    source: text('source').$type<ViolationSource>().notNull(),
    sourceDetail: text('source_detail'),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    status: text('status').$type<ViolationStatus>().notNull(),
    determination: jsonb('determination'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: instant('recorded_at').notNull(),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: instant('closed_at'),
    lockVersion: integer('lock_version').notNull().default(0),
    ...timestamps(),
  },
  (t) => [index('violation_reports_status_idx').on(t.status, t.recordedAt)],
);

export const violationAgencyReports = pgTable(
  'violation_agency_reports',
  {
    id: idColumn(),
    violationReportId: uuid('violation_report_id')
      .notNull()
      .references(() => violationReports.id),
    agency: text('agency').$type<Agency>().notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    reference: text('reference').notNull(),
    note: text('note'),
    reportedBy: uuid('reported_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('violation_agency_reports_report_idx').on(t.violationReportId, t.reportedOn)],
);
