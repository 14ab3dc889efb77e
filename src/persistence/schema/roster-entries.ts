import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from './columns.js';
import type { Roster } from './enums.js';
import { joinRequests } from './join-requests.js';
import { establishments, organisations } from './organisations.js';

/**
 * A listing on a roster for the half-open period [listedFrom, listedUntil). Rows are closed, never
 * overwritten, so the roster on any past date can be reproduced. Names are copied as listed then.
 */
export const rosterEntries = pgTable(
  'roster_entries',
  {
    id: idColumn(),
    establishmentId: uuid('establishment_id')
      .notNull()
      .references(() => establishments.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    roster: text('roster').$type<Roster>().notNull(),
    listedFrom: date('listed_from', { mode: 'string' }).notNull(),
    listedUntil: date('listed_until', { mode: 'string' }),
    establishmentName: text('establishment_name').notNull(),
    establishmentNameKana: text('establishment_name_kana'),
    organisationName: text('organisation_name').notNull(),
    corporateNumber: text('corporate_number'),
    prefecture: text('prefecture'),
    address: text('address'),
    jsicCodes: text('jsic_codes').array().notNull().default([]),
    joinRequestId: uuid('join_request_id').references(() => joinRequests.id),
    /** The name before a merger or relocation, listed side by side. */
    previousName: text('previous_name'),
    /** name + kana, NFKC-normalised and lower-cased by the app; searched with pg_trgm. */
    searchText: text('search_text').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('roster_entries_corporate_number_idx').on(t.corporateNumber),
    index('roster_entries_listing_idx').on(t.roster, t.listedFrom, t.listedUntil),
    index('roster_entries_establishment_id_idx').on(t.establishmentId, t.roster, t.listedFrom),
    index('roster_entries_search_text_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    uniqueIndex('roster_entries_open_listing_key').on(t.establishmentId, t.roster).where(sql`listed_until IS NULL`),
  ],
);
