import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { idColumn, instant, timestamps } from './columns.js';
import { establishments, organisations } from './organisations.js';
import { users } from './users.js';

// Migration 0009: notices to members (e-mail and in-app) and simple surveys (M12).

export type NoticeAudience = { prefectures?: string[]; jsic?: string[]; roster?: 'council' | 'jaim'; status?: 'listed' | 'applicant' | 'any' };

export const notices = pgTable(
  'notices',
  {
    id: idColumn(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    audience: jsonb('audience').$type<NoticeAudience>().notNull(),
    sendEmail: boolean('send_email').notNull().default(true),
    recipientCount: integer('recipient_count').notNull().default(0),
    emailCount: integer('email_count').notNull().default(0),
    sentBy: uuid('sent_by').references(() => users.id),
    sentAt: instant('sent_at').notNull(),
    ...timestamps(),
  },
  (t) => [index('notices_sent_at_idx').on(t.sentAt)],
);

export const noticeRecipients = pgTable(
  'notice_recipients',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.organisationId] }), index('notice_recipients_organisation_idx').on(t.organisationId, t.noticeId)],
);

export const noticeReads = pgTable(
  'notice_reads',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    readAt: instant('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.userId] })],
);

export const SURVEY_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export type SurveyQuestion = { id: string; kind: 'single' | 'multiple' | 'text'; label: string; options: string[]; required: boolean };
export type SurveyAnswers = Record<string, string | string[]>;

export const surveys = pgTable('surveys', {
  id: idColumn(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  questions: jsonb('questions').$type<SurveyQuestion[]>().notNull(),
  audience: jsonb('audience').$type<NoticeAudience>().notNull(),
  opensOn: date('opens_on', { mode: 'string' }).notNull(),
  closesOn: date('closes_on', { mode: 'string' }).notNull(),
  /** Written only through the survey state machine (domain/communications/survey.states.ts). */
  status: text('status').$type<SurveyStatus>().notNull().default('draft'),
  createdBy: uuid('created_by').references(() => users.id),
  lockVersion: integer('lock_version').notNull().default(0),
  ...timestamps(),
});

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: idColumn(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    answers: jsonb('answers').$type<SurveyAnswers>().notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    lockVersion: integer('lock_version').notNull().default(0),
    ...timestamps(),
  },
  (t) => [unique('survey_responses_one_per_establishment').on(t.surveyId, t.establishmentId)],
);
