// Sessions and tokens. Only hashes of secrets are stored.
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, instant } from './columns.js';
import type { UserTokenPurpose } from './enums.js';
import { organisations } from './organisations.js';
import { users } from './users.js';

export const sessions = pgTable(
  'sessions',
  {
    /** sha-256 (hex) of the random session token held in the cookie. */
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull().defaultNow(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    idleExpiresAt: instant('idle_expires_at').notNull(),
    absoluteExpiresAt: instant('absolute_expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    revokedAt: instant('revoked_at'),
    mfaVerifiedAt: instant('mfa_verified_at'),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_absolute_expires_at_idx').on(t.absoluteExpiresAt)],
);

export const userTokens = pgTable(
  'user_tokens',
  {
    id: idColumn(),
    purpose: text('purpose').$type<UserTokenPurpose>().notNull(),
    tokenHash: text('token_hash').notNull().unique('user_tokens_token_hash_key'),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
  },
  (t) => [index('user_tokens_user_id_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** The first characters of the token, shown in lists so people can tell tokens apart. */
    tokenPrefix: text('token_prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique('api_tokens_token_hash_key'),
    scopes: text('scopes').array().notNull().default([]),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
    lastUsedAt: instant('last_used_at'),
    expiresAt: instant('expires_at'),
    revokedAt: instant('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [index('api_tokens_organisation_id_idx').on(t.organisationId)],
);
