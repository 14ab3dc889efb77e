import { sql } from 'drizzle-orm';
import { index, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, instant } from './columns.js';
import { organisations } from './organisations.js';
import { users } from './users.js';

/** A company lets a support organisation act for it. */
export const delegations = pgTable(
  'delegations',
  {
    id: idColumn(),
    companyOrganisationId: uuid('company_organisation_id')
      .notNull()
      .references(() => organisations.id),
    supportOrganisationId: uuid('support_organisation_id')
      .notNull()
      .references(() => organisations.id),
    grantedBy: uuid('granted_by').references(() => users.id),
    grantedAt: instant('granted_at').notNull().defaultNow(),
    revokedAt: instant('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('delegations_active_key').on(t.companyOrganisationId, t.supportOrganisationId).where(sql`revoked_at IS NULL`),
    index('delegations_support_organisation_id_idx').on(t.supportOrganisationId),
  ],
);
