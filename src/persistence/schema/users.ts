import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, instant, timestamps } from './columns.js';
import type { Locale, Role } from './enums.js';
import { organisations } from './organisations.js';

export const users = pgTable(
  'users',
  {
    id: idColumn(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    emailVerifiedAt: instant('email_verified_at'),
    locale: text('locale').$type<Locale>().notNull().default('ja'),
    totpSecret: text('totp_secret'),
    totpEnabledAt: instant('totp_enabled_at'),
    /** Last accepted TOTP time step (replay protection; migration 0002). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: instant('locked_until'),
    lastLoginAt: instant('last_login_at'),
    disabledAt: instant('disabled_at'),
    isStaff: boolean('is_staff').notNull().default(false),
    ...timestamps(),
  },
  // Look users up with `lower(email) = lower($1)` so this index is used.
  (t) => [uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`)],
);

export const userRoles = pgTable(
  'user_roles',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').$type<Role>().notNull(),
    grantedBy: uuid('granted_by').references(() => users.id),
    grantedAt: instant('granted_at').notNull().defaultNow(),
    revokedAt: instant('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('user_roles_active_key').on(t.userId, t.organisationId, t.role).where(sql`revoked_at IS NULL`),
    index('user_roles_organisation_id_idx').on(t.organisationId),
  ],
);

/** The named list of staff who may see non-public data (support-project-spec 4①). */
export const informationHandlers = pgTable(
  'information_handlers',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    registeredAt: instant('registered_at').notNull().defaultNow(),
    registeredBy: uuid('registered_by').references(() => users.id),
    removedAt: instant('removed_at'),
    removedBy: uuid('removed_by').references(() => users.id),
    department: text('department'),
    position: text('position'),
    note: text('note'),
  },
  (t) => [uniqueIndex('information_handlers_active_key').on(t.userId).where(sql`removed_at IS NULL`)],
);
