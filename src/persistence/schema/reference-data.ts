import { bigint, date, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { idColumn, instant, timestamps } from './columns.js';
import { users } from './users.js';

export const REFERENCE_LIST_KINDS = ['eligible-industries', 'business-categories', 'packing-associations', 'printing-associations'] as const;
export type ReferenceListKind = (typeof REFERENCE_LIST_KINDS)[number];

export const REFERENCE_CHANGE_STATUSES = ['draft', 'reviewed', 'published', 'superseded', 'discarded'] as const;
export type ReferenceChangeStatus = (typeof REFERENCE_CHANGE_STATUSES)[number];

export const REFERENCE_CERTAINTIES = ['official', 'uncertain'] as const;
export type ReferenceCertainty = (typeof REFERENCE_CERTAINTIES)[number];

const workflow = () => ({
  sourceNote: text('source_note').notNull(),
  status: text('status').$type<ReferenceChangeStatus>().notNull().default('draft'),
  loadedBy: uuid('loaded_by')
    .notNull()
    .references(() => users.id),
  loadedAt: instant('loaded_at').notNull().defaultNow(),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  reviewedAt: instant('reviewed_at'),
  publishedBy: uuid('published_by').references(() => users.id),
  publishedAt: instant('published_at'),
  lockVersion: integer('lock_version').notNull().default(1),
  ...timestamps(),
});

/** Operator-loaded reference lists (an official list from CSV), in force from effective_from until the next published one. */
export const referenceLists = pgTable(
  'reference_lists',
  {
    id: idColumn(),
    kind: text('kind').$type<ReferenceListKind>().notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    content: jsonb('content').$type<unknown>().notNull(),
    rawCsv: text('raw_csv'),
    rowCount: integer('row_count').notNull().default(0),
    certainty: text('certainty').$type<ReferenceCertainty>().notNull().default('official'),
    ...workflow(),
  },
  (t) => [
    index('reference_lists_kind_idx').on(t.kind, t.status, t.effectiveFrom),
    uniqueIndex('reference_lists_published_key').on(t.kind, t.effectiveFrom).where(sql`status = 'published'`),
  ],
);

/** Operator values for the rules library's dated parameters (fee amounts ...), merged over the seeded versions. */
export const parameterOverrides = pgTable(
  'parameter_overrides',
  {
    id: idColumn(),
    parameterId: text('parameter_id').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    value: jsonb('value').$type<unknown>().notNull(),
    certainty: text('certainty').$type<ReferenceCertainty>().notNull().default('official'),
    ...workflow(),
  },
  (t) => [
    index('parameter_overrides_parameter_idx').on(t.parameterId, t.status, t.effectiveFrom),
    uniqueIndex('parameter_overrides_published_key').on(t.parameterId, t.effectiveFrom).where(sql`status = 'published'`),
  ],
);

/** A single row bumped on every publish: instances compare it with the version their rules context was built from. */
export const referenceDataVersion = pgTable('reference_data_version', {
  id: smallint('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
