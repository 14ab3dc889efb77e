// Direct-debit result imports and wage-report evidence files (migration 0012_debit_results_wage_evidence.sql).
import { customType, date, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { idColumn, instant, timestamps } from './columns.js';
import { uploads } from './join-evidence.js';
import { feeInvoices, feePayments, wageReports } from './renewal-fees.js';
import { users } from './users.js';

const bytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

export const DEBIT_IMPORT_STATUSES = ['checked', 'applied', 'discarded'] as const;
export type DebitImportStatus = (typeof DEBIT_IMPORT_STATUSES)[number];

export const feeDebitImports = pgTable(
  'fee_debit_imports',
  {
    id: idColumn(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    content: bytes('content').notNull(),
    debitDate: date('debit_date', { mode: 'string' }).notNull(),
    recordCount: integer('record_count').notNull(),
    /** Written only through debit-import.states.ts. */
    status: text('status').$type<DebitImportStatus>().notNull().default('checked'),
    report: jsonb('report').notNull(),
    checkedBy: uuid('checked_by').references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: instant('decided_at'),
    lockVersion: integer('lock_version').notNull().default(0),
    ...timestamps(),
  },
  (t) => [index('fee_debit_imports_sha256_idx').on(t.sha256), index('fee_debit_imports_created_at_idx').on(t.createdAt)],
);

export const feeDebitResults = pgTable(
  'fee_debit_results',
  {
    id: idColumn(),
    importId: uuid('import_id')
      .notNull()
      .references(() => feeDebitImports.id),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => feeInvoices.id),
    debitDate: date('debit_date', { mode: 'string' }).notNull(),
    customerNumber: text('customer_number').notNull(),
    amountYen: integer('amount_yen').notNull(),
    /** Zengin result code: '0' debited, otherwise the reason it was not (zengin-result.ts). */
    resultCode: text('result_code').notNull(),
    paymentId: uuid('payment_id').references(() => feePayments.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [unique('fee_debit_results_invoice_date_key').on(t.invoiceId, t.debitDate), index('fee_debit_results_import_idx').on(t.importId)],
);

export const wageReportFiles = pgTable(
  'wage_report_files',
  {
    wageReportId: uuid('wage_report_id')
      .notNull()
      .references(() => wageReports.id),
    uploadId: uuid('upload_id')
      .notNull()
      .references(() => uploads.id)
      .unique('wage_report_files_upload_key'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.wageReportId, t.uploadId] })],
);
