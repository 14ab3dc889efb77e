import { date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, instant, timestamps } from './columns.js';
import { establishments, organisations } from './organisations.js';
import { joinRequests } from './join-requests.js';
import { rosterEntries } from './roster-entries.js';
import { users } from './users.js';

// Migration 0009: signed roster snapshots (M9) and the migration from the council (M11).

/** A published roster snapshot: `content` is the canonical JSON exactly as hashed and signed. */
export const rosterSnapshots = pgTable(
  'roster_snapshots',
  {
    id: idColumn(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    listingCount: integer('listing_count').notNull(),
    content: text('content').notNull(),
    sha256: text('sha256').notNull(),
    /** Ed25519 over the UTF-8 bytes of `content`, base64url. */
    signature: text('signature').notNull(),
    kid: text('kid').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: instant('published_at').notNull(),
    ...timestamps(),
  },
  (t) => [index('roster_snapshots_published_at_idx').on(t.publishedAt)],
);

export const COUNCIL_MIGRATION_BATCH_STATUSES = ['checked', 'applied', 'discarded'] as const;
export type CouncilMigrationBatchStatus = (typeof COUNCIL_MIGRATION_BATCH_STATUSES)[number];
export const MIGRATION_CHOICES = ['full', 'information_only'] as const;
export type MigrationChoice = (typeof MIGRATION_CHOICES)[number];

export const councilMigrationBatches = pgTable(
  'council_migration_batches',
  {
    id: idColumn(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    rawCsv: text('raw_csv').notNull(),
    rowCount: integer('row_count').notNull(),
    report: jsonb('report').notNull(),
    /** Written only through the batch state machine (domain/council-migration/batch.states.ts). */
    status: text('status').$type<CouncilMigrationBatchStatus>().notNull().default('checked'),
    createdBy: uuid('created_by').references(() => users.id),
    appliedBy: uuid('applied_by').references(() => users.id),
    appliedAt: instant('applied_at'),
    lockVersion: integer('lock_version').notNull().default(0),
    ...timestamps(),
  },
  (t) => [index('council_migration_batches_created_at_idx').on(t.createdAt)],
);

export const councilMigrationRecords = pgTable(
  'council_migration_records',
  {
    id: idColumn(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => councilMigrationBatches.id),
    councilMemberId: text('council_member_id').notNull().unique('council_migration_records_member_key'),
    choice: text('choice').$type<MigrationChoice>().notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id),
    joinRequestId: uuid('join_request_id').references(() => joinRequests.id),
    corporateNumber: text('corporate_number'),
    migratedOn: date('migrated_on', { mode: 'string' }).notNull(),
    ...timestamps(),
  },
  (t) => [index('council_migration_records_establishment_idx').on(t.establishmentId), index('council_migration_records_batch_idx').on(t.batchId)],
);

export const councilWithdrawals = pgTable('council_withdrawals', {
  id: idColumn(),
  rosterEntryId: uuid('roster_entry_id')
    .notNull()
    .unique('council_withdrawals_roster_entry_key')
    .references(() => rosterEntries.id),
  establishmentId: uuid('establishment_id')
    .notNull()
    .references(() => establishments.id),
  effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
  reason: text('reason').notNull(),
  determination: jsonb('determination').notNull(),
  ...timestamps(),
});

