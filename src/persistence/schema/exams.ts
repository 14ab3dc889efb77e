// Skills exams (migration 0004_exams.sql): catalogue, question development, venues and sittings, candidates,
// registrations, payment confirmations, identity flags, irregularities, candidate application drafts.
import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, instant, timestamps } from './columns.js';
import { users } from './users.js';

/** bytea as a Node Buffer (both drivers return Buffer / Uint8Array). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

export const EXAM_LEVELS = ['i', 'ii'] as const;
export type ExamLevel = (typeof EXAM_LEVELS)[number];
export const QUESTION_SET_STATUSES = ['draft', 'in_review', 'approved', 'retired'] as const;
export type QuestionSetStatus = (typeof QUESTION_SET_STATUSES)[number];
export const SITTING_STATUSES = ['planned', 'registration_open', 'registration_closed', 'in_progress', 'scoring', 'results_released', 'cancelled'] as const;
export type SittingStatus = (typeof SITTING_STATUSES)[number];
export const REGISTRATION_STATUSES = ['applied', 'waitlisted', 'paid', 'ticket_issued', 'checked_in', 'scored', 'result_released', 'cancelled', 'no_show'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const CANDIDATE_GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export type CandidateGender = (typeof CANDIDATE_GENDERS)[number];
export const CANDIDATE_LOCALES = ['ja', 'en', 'vi', 'id'] as const;
export type CandidateLocale = (typeof CANDIDATE_LOCALES)[number];
export const IDENTITY_FLAG_STATUSES = ['open', 'same_person', 'different_people'] as const;
export type IdentityFlagStatus = (typeof IDENTITY_FLAG_STATUSES)[number];
export const IRREGULARITY_KINDS = ['identity_mismatch', 'invalid_ticket', 'misconduct', 'late_arrival', 'equipment', 'other'] as const;
export type IrregularityKind = (typeof IRREGULARITY_KINDS)[number];
export const COMMITTEE_PAYMENT_KINDS = ['honorarium', 'expense'] as const;
export type CommitteePaymentKind = (typeof COMMITTEE_PAYMENT_KINDS)[number];

/** Enum-like columns of 0004 and their CHECK values (checked by test/integration/exams/schema.test.ts). */
export const EXAM_CHECKED_ENUM_COLUMNS: Record<string, readonly string[]> = {
  'exam_categories.level': EXAM_LEVELS,
  'exam_question_sets.status': QUESTION_SET_STATUSES,
  'exam_sittings.status': SITTING_STATUSES,
  'exam_registrations.status': REGISTRATION_STATUSES,
  'exam_candidates.gender': CANDIDATE_GENDERS,
  'exam_candidates.language': CANDIDATE_LOCALES,
  'exam_applications.language': CANDIDATE_LOCALES,
  'exam_identity_flags.status': IDENTITY_FLAG_STATUSES,
  'exam_irregularity_reports.kind': IRREGULARITY_KINDS,
  'exam_committee_payments.kind': COMMITTEE_PAYMENT_KINDS,
  'exam_committee_members.member_role': ['chair', 'member'],
};

export type AnswerKeyJson = { correct: string | string[]; weight: number }[];
export type PracticalCriterionJson = { id: string; label: string; weight: number; max: number }[];

const legalDate = (name: string) => date(name, { mode: 'string' });

export const examCategories = pgTable(
  'exam_categories',
  {
    id: idColumn(),
    code: text('code').notNull(),
    level: text('level').$type<ExamLevel>().notNull(),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    effectiveFrom: legalDate('effective_from').notNull(),
    effectiveTo: legalDate('effective_to'),
    hasWritten: boolean('has_written').notNull().default(true),
    hasPractical: boolean('has_practical').notNull().default(true),
    ...timestamps(),
  },
  (t) => [unique('exam_categories_code_level_from_key').on(t.code, t.level, t.effectiveFrom)],
);

export const examCommittees = pgTable(
  'exam_committees',
  {
    id: idColumn(),
    categoryId: uuid('category_id').notNull().references(() => examCategories.id),
    name: text('name').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    ...timestamps(),
  },
  (t) => [index('exam_committees_category_id_idx').on(t.categoryId)],
);

export const examCommitteeMembers = pgTable(
  'exam_committee_members',
  {
    id: idColumn(),
    committeeId: uuid('committee_id').notNull().references(() => examCommittees.id),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    affiliation: text('affiliation'),
    memberRole: text('member_role').$type<'chair' | 'member'>().notNull().default('member'),
    appointedOn: legalDate('appointed_on').notNull(),
    retiredOn: legalDate('retired_on'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('exam_committee_members_committee_id_idx').on(t.committeeId)],
);

export const examCommitteeMeetings = pgTable(
  'exam_committee_meetings',
  {
    id: idColumn(),
    committeeId: uuid('committee_id').notNull().references(() => examCommittees.id),
    heldOn: legalDate('held_on').notNull(),
    place: text('place'),
    agenda: text('agenda'),
    minutes: text('minutes'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('exam_committee_meetings_committee_id_idx').on(t.committeeId, t.heldOn)],
);

export const examCommitteePayments = pgTable(
  'exam_committee_payments',
  {
    id: idColumn(),
    meetingId: uuid('meeting_id').notNull().references(() => examCommitteeMeetings.id),
    memberId: uuid('member_id').notNull().references(() => examCommitteeMembers.id),
    kind: text('kind').$type<CommitteePaymentKind>().notNull(),
    amountYen: integer('amount_yen').notNull(),
    description: text('description'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('exam_committee_payments_meeting_id_idx').on(t.meetingId)],
);

export const examQuestionSets = pgTable(
  'exam_question_sets',
  {
    id: idColumn(),
    categoryId: uuid('category_id').notNull().references(() => examCategories.id),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    /** Written only through question-set transitions (use-cases/question-set-workflow.ts). */
    status: text('status').$type<QuestionSetStatus>().notNull().default('draft'),
    answerKey: jsonb('answer_key').$type<AnswerKeyJson>().notNull().default([]),
    practicalCriteria: jsonb('practical_criteria').$type<PracticalCriterionJson>().notNull().default([]),
    authorId: uuid('author_id').notNull().references(() => users.id),
    submittedAt: instant('submitted_at'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: instant('approved_at'),
    reviewComment: text('review_comment'),
    retiredAt: instant('retired_at'),
    lockVersion: integer('lock_version').notNull().default(0),
    ...timestamps(),
  },
  (t) => [unique('exam_question_sets_category_code_version_key').on(t.categoryId, t.code, t.version), index('exam_question_sets_category_status_idx').on(t.categoryId, t.status)],
);

export const examSampleQuestions = pgTable(
  'exam_sample_questions',
  {
    id: idColumn(),
    categoryId: uuid('category_id').notNull().references(() => examCategories.id),
    part: text('part').$type<'written' | 'practical'>().notNull(),
    questionJa: text('question_ja').notNull(),
    questionEn: text('question_en'),
    choices: jsonb('choices').$type<string[]>().notNull().default([]),
    answer: text('answer'),
    explanationJa: text('explanation_ja'),
    explanationEn: text('explanation_en'),
    publishedAt: instant('published_at'),
    publishedBy: uuid('published_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [index('exam_sample_questions_published_idx').on(t.categoryId).where(sql`published_at IS NOT NULL`)],
);

export const examVenues = pgTable('exam_venues', {
  id: idColumn(),
  name: text('name').notNull(),
  country: text('country').notNull(),
  city: text('city').notNull(),
  address: text('address').notNull(),
  capacity: integer('capacity').notNull(),
  equipment: text('equipment').array().notNull().default(sql`'{}'`),
  notes: text('notes'),
  active: boolean('active').notNull().default(true),
  ...timestamps(),
});

export const examSittings = pgTable(
  'exam_sittings',
  {
    id: idColumn(),
    categoryId: uuid('category_id').notNull().references(() => examCategories.id),
    venueId: uuid('venue_id').notNull().references(() => examVenues.id),
    examDate: legalDate('exam_date').notNull(),
    startTime: text('start_time').notNull().default('10:00'),
    registrationOpensOn: legalDate('registration_opens_on').notNull(),
    registrationClosesOn: legalDate('registration_closes_on').notNull(),
    rescheduleDeadline: legalDate('reschedule_deadline').notNull(),
    cancelDeadline: legalDate('cancel_deadline').notNull(),
    feeAmount: integer('fee_amount').notNull(),
    feeCurrency: text('fee_currency').notNull().default('JPY'),
    capacity: integer('capacity').notNull(),
    questionSetId: uuid('question_set_id').references(() => examQuestionSets.id),
    questionSetVersion: integer('question_set_version'),
    /** Written only through sitting.states.ts. */
    status: text('status').$type<SittingStatus>().notNull().default('planned'),
    scheduledAt: instant('scheduled_at'),
    lockVersion: integer('lock_version').notNull().default(0),
    ...timestamps(),
  },
  (t) => [index('exam_sittings_date_idx').on(t.examDate), index('exam_sittings_category_id_idx').on(t.categoryId)],
);

export const examCandidates = pgTable(
  'exam_candidates',
  {
    id: idColumn(),
    familyName: text('family_name').notNull(),
    givenName: text('given_name').notNull().default(''),
    dateOfBirth: legalDate('date_of_birth').notNull(),
    nationality: text('nationality').notNull(),
    passportNumber: text('passport_number').notNull(),
    passportKey: text('passport_key').notNull(),
    gender: text('gender').$type<CandidateGender>().notNull().default('unknown'),
    experienceMonths: integer('experience_months'),
    careerSummary: text('career_summary'),
    residenceCountry: text('residence_country'),
    residenceRegion: text('residence_region'),
    email: text('email').notNull(),
    language: text('language').$type<CandidateLocale>().notNull().default('en'),
    photo: bytea('photo'),
    photoFile: text('photo_file'),
    photoSha256: text('photo_sha256'),
    photoContentType: text('photo_content_type'),
    ...timestamps(),
  },
  (t) => [
    index('exam_candidates_passport_key_idx').on(t.passportKey),
    index('exam_candidates_birth_nationality_idx').on(t.dateOfBirth, t.nationality),
    index('exam_candidates_email_idx').on(sql`lower(email)`),
  ],
);

export const examNumberCounters = pgTable(
  'exam_number_counters',
  {
    level: text('level').$type<ExamLevel>().notNull(),
    year: integer('year').notNull(),
    lastSequence: integer('last_sequence').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.level, t.year] })],
);

export const examRegistrations = pgTable(
  'exam_registrations',
  {
    id: idColumn(),
    sittingId: uuid('sitting_id').notNull().references(() => examSittings.id),
    candidateId: uuid('candidate_id').notNull().references(() => examCandidates.id),
    examNumber: text('exam_number').notNull().unique('exam_registrations_exam_number_key'),
    passportKey: text('passport_key').notNull(),
    /** Written only through registration.states.ts. */
    status: text('status').$type<RegistrationStatus>().notNull(),
    feeAmount: integer('fee_amount').notNull(),
    feeCurrency: text('fee_currency').notNull(),
    feePaidAt: instant('fee_paid_at'),
    feeReference: text('fee_reference'),
    waitlistPosition: integer('waitlist_position'),
    eligibility: jsonb('eligibility'),
    checkedInAt: instant('checked_in_at'),
    checkedInBy: uuid('checked_in_by').references(() => users.id),
    cancelledAt: instant('cancelled_at'),
    cancelReason: text('cancel_reason'),
    rescheduledFromId: uuid('rescheduled_from_id'),
    accessTokenHash: text('access_token_hash').notNull().unique('exam_registrations_access_token_hash_key'),
    /** When the link token was last reissued by "resend my links" (migration 0013): the per-registration cooldown. */
    accessLinkSentAt: instant('access_link_sent_at'),
    idempotencyKey: text('idempotency_key').unique('exam_registrations_idempotency_key_key'),
    lockVersion: integer('lock_version').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('exam_registrations_live_passport_key').on(t.sittingId, t.passportKey).where(sql`status <> 'cancelled'`),
    index('exam_registrations_sitting_status_idx').on(t.sittingId, t.status),
    index('exam_registrations_candidate_id_idx').on(t.candidateId),
  ],
);

export const examApplications = pgTable('exam_applications', {
  id: idColumn(),
  tokenHash: text('token_hash').notNull().unique('exam_applications_token_hash_key'),
  sittingId: uuid('sitting_id').notNull().references(() => examSittings.id),
  language: text('language').$type<CandidateLocale>().notNull().default('en'),
  email: text('email'),
  emailCodeHash: text('email_code_hash'),
  emailCodeExpiresAt: instant('email_code_expires_at'),
  emailCodeAttempts: integer('email_code_attempts').notNull().default(0),
  emailVerifiedAt: instant('email_verified_at'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  photo: bytea('photo'),
  photoSha256: text('photo_sha256'),
  photoContentType: text('photo_content_type'),
  registrationId: uuid('registration_id').references(() => examRegistrations.id),
  expiresAt: instant('expires_at').notNull(),
  ...timestamps(),
});

export const examPaymentImports = pgTable('exam_payment_imports', {
  id: idColumn(),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  rowCount: integer('row_count').notNull(),
  importedBy: uuid('imported_by').notNull().references(() => users.id),
  importedAt: instant('imported_at').notNull().defaultNow(),
});

export const examPaymentConfirmations = pgTable(
  'exam_payment_confirmations',
  {
    id: idColumn(),
    importId: uuid('import_id').notNull().references(() => examPaymentImports.id),
    registrationId: uuid('registration_id').notNull().references(() => examRegistrations.id),
    examNumber: text('exam_number').notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    paidOn: legalDate('paid_on').notNull(),
    reference: text('reference').notNull().unique('exam_payment_confirmations_reference_key'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('exam_payment_confirmations_registration_id_idx').on(t.registrationId)],
);

export const examIdentityFlags = pgTable(
  'exam_identity_flags',
  {
    id: idColumn(),
    registrationAId: uuid('registration_a_id').notNull().references(() => examRegistrations.id),
    registrationBId: uuid('registration_b_id').notNull().references(() => examRegistrations.id),
    reasons: jsonb('reasons').notNull(),
    status: text('status').$type<IdentityFlagStatus>().notNull().default('open'),
    resolutionNote: text('resolution_note'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: instant('resolved_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [unique('exam_identity_flags_pair_key').on(t.registrationAId, t.registrationBId), index('exam_identity_flags_open_idx').on(t.createdAt).where(sql`status = 'open'`)],
);

export const examIrregularityReports = pgTable(
  'exam_irregularity_reports',
  {
    id: idColumn(),
    sittingId: uuid('sitting_id').notNull().references(() => examSittings.id),
    registrationId: uuid('registration_id').references(() => examRegistrations.id),
    kind: text('kind').$type<IrregularityKind>().notNull(),
    description: text('description').notNull(),
    reportedBy: uuid('reported_by').notNull().references(() => users.id),
    reportedAt: instant('reported_at').notNull().defaultNow(),
  },
  (t) => [index('exam_irregularity_reports_sitting_id_idx').on(t.sittingId)],
);

/** Ed25519 signing keys (src/domain/signing/); private keys encrypted at rest. */
export const signingKeys = pgTable(
  'signing_keys',
  {
    id: idColumn(),
    kid: text('kid').notNull().unique('signing_keys_kid_key'),
    purpose: text('purpose').notNull(),
    alg: text('alg').notNull().default('Ed25519'),
    publicKey: text('public_key').notNull(),
    privateKeyEncrypted: text('private_key_encrypted').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    retiredAt: instant('retired_at'),
  },
  (t) => [uniqueIndex('signing_keys_active_purpose_key').on(t.purpose).where(sql`retired_at IS NULL`)],
);
