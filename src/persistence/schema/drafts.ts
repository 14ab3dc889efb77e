import { index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { idColumn, instant, timestamps } from './columns.js';
import { users } from './users.js';

/** Form drafts, saved so a timeout never loses work. `version` guards against two tabs overwriting each other. */
export const drafts = pgTable(
  'drafts',
  {
    id: idColumn(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [unique('drafts_owner_kind_key_key').on(t.ownerUserId, t.kind, t.key)],
);

/** Written in the same transaction as the resource it created, so a retried request finds that resource. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: idColumn(),
    key: text('key').notNull(),
    userId: uuid('user_id').references(() => users.id),
    scope: text('scope').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [unique('idempotency_keys_scope_key_key').on(t.scope, t.key), index('idempotency_keys_created_at_idx').on(t.createdAt)],
);
