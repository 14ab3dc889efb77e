// The public roster: dated listings [listed_from, listed_until). Searches are single indexed queries.
import { and, asc, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database.js';
import { rosterEntries } from '../schema/roster-entries.js';
import type { Roster } from '../schema/enums.js';

export type RosterEntryRow = typeof rosterEntries.$inferSelect;

export type NewRosterEntry = {
  establishmentId: string;
  organisationId: string;
  roster: Roster;
  listedFrom: string;
  establishmentName: string;
  establishmentNameKana: string | null;
  organisationName: string;
  corporateNumber: string | null;
  prefecture: string | null;
  address: string | null;
  jsicCodes: string[];
  joinRequestId: string | null;
  searchText: string;
  listedUntil?: string | null;
  createdAt?: Date;
};

export async function insertRosterEntry(db: Db, e: NewRosterEntry): Promise<RosterEntryRow> {
  const [row] = await db
    .insert(rosterEntries)
    .values({ ...e, ...(e.createdAt ? { createdAt: e.createdAt, updatedAt: e.createdAt } : {}) })
    .returning();
  if (!row) throw new Error('insert roster_entries returned no row');
  return row;
}

export type RosterListing = {
  id: string;
  roster: Roster;
  listedFrom: string;
  listedUntil: string | null;
  establishmentId: string;
  establishmentName: string;
  establishmentNameKana: string | null;
  organisationName: string;
  corporateNumber: string | null;
  prefecture: string | null;
  address: string | null;
  jsicCodes: string[];
  previousName: string | null;
};

/** The public columns of a listing, shared by searches, lookups and exports. */
export const listingColumns = {
  id: rosterEntries.id,
  roster: rosterEntries.roster,
  listedFrom: rosterEntries.listedFrom,
  listedUntil: rosterEntries.listedUntil,
  establishmentId: rosterEntries.establishmentId,
  establishmentName: rosterEntries.establishmentName,
  establishmentNameKana: rosterEntries.establishmentNameKana,
  organisationName: rosterEntries.organisationName,
  corporateNumber: rosterEntries.corporateNumber,
  prefecture: rosterEntries.prefecture,
  address: rosterEntries.address,
  jsicCodes: rosterEntries.jsicCodes,
  previousName: rosterEntries.previousName,
};

/** Listed on `asOf`: listed_from ≤ asOf < listed_until (half-open). */
export const listedOn = (asOf: string): SQL =>
  and(lte(rosterEntries.listedFrom, asOf), or(isNull(rosterEntries.listedUntil), gt(rosterEntries.listedUntil, asOf)))!;

/** A listing with any JSIC code starting with `prefix` (a listed 中分類 covers its sub-classes). */
export const hasJsicPrefix = (prefix: string): SQL =>
  sql`EXISTS (SELECT 1 FROM unnest(${rosterEntries.jsicCodes}) AS c WHERE c LIKE ${prefix.replace(/[\\%_]/g, '') + '%'})`;

export type RosterQuery = {
  asOf: string;
  /** Already normalised with normaliseForSearch. */
  text?: string;
  corporateNumber?: string;
  prefecture?: string;
  jsic?: string;
  roster?: Roster;
  limit: number;
  offset: number;
};

/** One page of listings valid on `asOf`, and the total count (window function: one query). */
export async function searchRoster(db: Db, q: RosterQuery): Promise<{ total: number; items: RosterListing[] }> {
  const conditions: SQL[] = [listedOn(q.asOf)];
  if (q.text) conditions.push(sql`${rosterEntries.searchText} LIKE ${'%' + q.text.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
  if (q.corporateNumber) conditions.push(eq(rosterEntries.corporateNumber, q.corporateNumber));
  if (q.prefecture) conditions.push(eq(rosterEntries.prefecture, q.prefecture));
  if (q.jsic) conditions.push(hasJsicPrefix(q.jsic));
  if (q.roster) conditions.push(eq(rosterEntries.roster, q.roster));
  const rows = await db
    .select({ ...listingColumns, total: sql<number>`(count(*) OVER ())::int` })
    .from(rosterEntries)
    .where(and(...conditions))
    .orderBy(asc(rosterEntries.prefecture), asc(rosterEntries.organisationName), asc(rosterEntries.establishmentName), asc(rosterEntries.id))
    .limit(q.limit)
    .offset(q.offset);
  const total = rows[0] ? Number(rows[0].total) : 0;
  return { total, items: rows.map(({ total: _t, ...r }) => r) };
}

const prepareListingsByCorporateNumber = (db: Db) =>
  db
    .select(listingColumns)
    .from(rosterEntries)
    .where(
      and(
        eq(rosterEntries.corporateNumber, sql.placeholder('corporateNumber')),
        lte(rosterEntries.listedFrom, sql.placeholder('asOf')),
        or(isNull(rosterEntries.listedUntil), gt(rosterEntries.listedUntil, sql.placeholder('asOf'))),
      ),
    )
    .orderBy(asc(rosterEntries.establishmentName), asc(rosterEntries.roster))
    .limit(500)
    .prepare('roster_listings_by_corporate_number');

/** One prepared statement per database handle (a transaction handle gets its own, used once). */
const listingsByCorporateNumber = new WeakMap<Db, ReturnType<typeof prepareListingsByCorporateNumber>>();

/**
 * Every listing under one 法人番号 valid on `asOf`: a single query on roster_entries_corporate_number_idx. This is the
 * public lookup immigration officers and integrations call most, so its SQL is built once and the server keeps it
 * prepared (same rows as `listedOn`; see the roster-search and roster-asof benchmarks).
 */
export async function rosterListingsByCorporateNumber(db: Db, corporateNumber: string, asOf: string): Promise<RosterListing[]> {
  let prepared = listingsByCorporateNumber.get(db);
  if (!prepared) {
    prepared = prepareListingsByCorporateNumber(db);
    listingsByCorporateNumber.set(db, prepared);
  }
  return prepared.execute({ corporateNumber, asOf });
}

export async function openListingsOfEstablishment(db: Db, establishmentId: string): Promise<RosterListing[]> {
  return db.select(listingColumns).from(rosterEntries).where(and(eq(rosterEntries.establishmentId, establishmentId), isNull(rosterEntries.listedUntil)));
}
