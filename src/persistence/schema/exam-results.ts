// Exam results (migration 0005): score imports, scores per part, results, release dates, certificates, ledger corrections.
// Foreign keys to the exams tables of migration 0004 (exam_sittings, exam_registrations) are declared in the SQL.
import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, instant, timestamps } from './columns.js';
import { users } from './users.js';

export const EXAM_PARTS_STORED = ['written', 'practical'] as const;
export type StoredPart = (typeof EXAM_PARTS_STORED)[number];
export const SCORE_IMPORT_STATUSES = ['applied', 'rejected'] as const;
export type ScoreImportStatus = (typeof SCORE_IMPORT_STATUSES)[number];
export const EXAM_RESULT_STATUSES = ['provisional', 'released'] as const;
export type ExamResultStatus = (typeof EXAM_RESULT_STATUSES)[number];
export const EXAM_RESULT_OUTCOMES = ['pass', 'fail', 'incomplete', 'needs_review'] as const;
export type ExamResultOutcome = (typeof EXAM_RESULT_OUTCOMES)[number];
export const CERTIFICATE_STATUSES = ['issued', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export const LEDGER_CORRECTION_FIELDS = ['written_score', 'practical_score', 'family_name', 'given_name', 'date_of_birth'] as const;
export type LedgerCorrectionField = (typeof LEDGER_CORRECTION_FIELDS)[number];

export type ImportReportRow = { line: number; errors: { code: string; ja: string; en: string }[] };

export const examScoreImports = pgTable(
  'exam_score_imports',
  {
    id: idColumn(),
    sittingId: uuid('sitting_id').notNull(),
    part: text('part').$type<StoredPart>().notNull().default('written'),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    encoding: text('encoding').$type<'utf-8' | 'shift_jis'>().notNull().default('utf-8'),
    status: text('status').$type<ScoreImportStatus>().notNull(),
    rowCount: integer('row_count').notNull(),
    appliedCount: integer('applied_count').notNull().default(0),
    report: jsonb('report').$type<ImportReportRow[]>().notNull().default([]),
    importedBy: uuid('imported_by').references(() => users.id),
    importedAt: instant('imported_at').notNull().defaultNow(),
  },
  (t) => [index('exam_score_imports_sitting_idx').on(t.sittingId, t.importedAt)],
);

export const examPartScores = pgTable(
  'exam_part_scores',
  {
    registrationId: uuid('registration_id').notNull(),
    part: text('part').$type<StoredPart>().notNull(),
    sittingId: uuid('sitting_id').notNull(),
    setCode: text('set_code').notNull(),
    setVersion: integer('set_version').notNull(),
    points: doublePrecision('points').notNull(),
    maxPoints: integer('max_points').notNull(),
    score: integer('score').notNull(),
    correctCount: integer('correct_count'),
    answers: jsonb('answers').notNull(),
    importId: uuid('import_id').references(() => examScoreImports.id),
    scoredBy: uuid('scored_by').references(() => users.id),
    scoredAt: instant('scored_at').notNull(),
    correctedAt: instant('corrected_at'),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.part] }), index('exam_part_scores_sitting_idx').on(t.sittingId, t.part)],
);

export const examResultReleases = pgTable(
  'exam_result_releases',
  {
    sittingId: uuid('sitting_id').primaryKey(),
    releaseOn: date('release_on', { mode: 'string' }).notNull(),
    setBy: uuid('set_by').references(() => users.id),
    setAt: instant('set_at').notNull(),
    releasedAt: instant('released_at'),
    releasedBy: uuid('released_by').references(() => users.id),
    releasedCount: integer('released_count'),
  },
  (t) => [index('exam_result_releases_due_idx').on(t.releaseOn).where(sql`released_at IS NULL`)],
);

/** A determination with its trace, stored once per distinct content (hash = sha-256 of its JSON). */
export const examResultDeterminations = pgTable('exam_result_determinations', {
  hash: text('hash').primaryKey(),
  determination: jsonb('determination').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const examResults = pgTable(
  'exam_results',
  {
    registrationId: uuid('registration_id').primaryKey(),
    sittingId: uuid('sitting_id').notNull(),
    /** Written only through the exam-result state machine. */
    status: text('status').$type<ExamResultStatus>().notNull().default('provisional'),
    outcome: text('outcome').$type<ExamResultOutcome>().notNull(),
    writtenScore: integer('written_score'),
    practicalScore: integer('practical_score'),
    writtenOutcome: text('written_outcome').$type<'pass' | 'fail'>(),
    practicalOutcome: text('practical_outcome').$type<'pass' | 'fail'>(),
    /** The exam-result determination with its trace (exam_result_determinations). */
    determinationHash: text('determination_hash')
      .notNull()
      .references(() => examResultDeterminations.hash),
    decidedAt: instant('decided_at').notNull(),
    releasedAt: instant('released_at'),
    notifiedAt: instant('notified_at'),
    lockVersion: integer('lock_version').notNull().default(0),
    ...timestamps(),
  },
  (t) => [index('exam_results_sitting_idx').on(t.sittingId, t.status, t.outcome)],
);

export const examCertificates = pgTable('exam_certificates', {
  id: idColumn(),
  certificateNumber: text('certificate_number').notNull().unique('exam_certificates_certificate_number_key'),
  registrationId: uuid('registration_id').notNull().unique('exam_certificates_registration_id_key'),
  examNumber: text('exam_number').notNull().unique('exam_certificates_exam_number_key'),
  holderFamilyName: text('holder_family_name').notNull(),
  holderGivenName: text('holder_given_name').notNull(),
  holderDateOfBirth: date('holder_date_of_birth', { mode: 'string' }).notNull(),
  holderNationality: text('holder_nationality').notNull(),
  categoryCode: text('category_code').notNull(),
  categoryNameJa: text('category_name_ja').notNull(),
  categoryNameEn: text('category_name_en').notNull(),
  level: text('level').$type<'i' | 'ii'>().notNull(),
  examDate: date('exam_date', { mode: 'string' }).notNull(),
  passDate: date('pass_date', { mode: 'string' }).notNull(),
  /** Written only through the certificate state machine. */
  status: text('status').$type<CertificateStatus>().notNull().default('issued'),
  signingKeyId: text('signing_key_id').notNull(),
  token: text('token').notNull(),
  issuedAt: instant('issued_at').notNull(),
  issuedBy: uuid('issued_by').references(() => users.id),
  revokedAt: instant('revoked_at'),
  revokedBy: uuid('revoked_by').references(() => users.id),
  revokeReason: text('revoke_reason'),
});

export const examLedgerCorrections = pgTable(
  'exam_ledger_corrections',
  {
    id: idColumn(),
    registrationId: uuid('registration_id').notNull(),
    field: text('field').$type<LedgerCorrectionField>().notNull(),
    beforeValue: jsonb('before_value'),
    afterValue: jsonb('after_value'),
    reason: text('reason').notNull(),
    correctedBy: uuid('corrected_by').references(() => users.id),
    correctedAt: instant('corrected_at').notNull(),
  },
  (t) => [index('exam_ledger_corrections_registration_idx').on(t.registrationId, t.correctedAt)],
);
