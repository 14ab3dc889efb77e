import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { idColumn, instant } from './columns.js';

/** Mail written in the same transaction as the change that causes it, sent later by a job. */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: idColumn(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    createdAt: instant('created_at').notNull().defaultNow(),
    sentAt: instant('sent_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('outbox_emails_unsent_idx').on(t.createdAt).where(sql`sent_at IS NULL`)],
);
