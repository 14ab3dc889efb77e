// Change notices (council art.11, JAIM FAQ Q3-2), and the dated roster / master-record updates the lifecycle applies:
// roster rows are closed (listed_until) and new rows added, never overwritten.
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { changeNotices, type ChangeNoticeKind, type ChangeNoticeStatus } from '../schema/membership-lifecycle.js';
import { establishments, organisations } from '../schema/organisations.js';
import { rosterEntries } from '../schema/roster-entries.js';
import { userRoles, users } from '../schema/users.js';

export type ChangeNoticeRow = typeof changeNotices.$inferSelect;
export type RosterEntryFullRow = typeof rosterEntries.$inferSelect;

export type NewChangeNotice = {
  organisationId: string;
  /** Chosen by the caller when an idempotency record must name the notice before it is inserted. */
  id?: string;
  establishmentId: string | null;
  kind: ChangeNoticeKind;
  status: ChangeNoticeStatus;
  details: Record<string, unknown>;
  effectiveFrom: string;
  followsNoticeId: string | null;
  determination: unknown;
  submittedBy: string | null;
  submittedAt: Date;
  decidedAt?: Date | null;
  decisionReason?: string | null;
};

export async function insertChangeNotice(db: Db, n: NewChangeNotice): Promise<ChangeNoticeRow> {
  const [row] = await db
    .insert(changeNotices)
    .values({ ...n, createdAt: n.submittedAt, updatedAt: n.submittedAt })
    .returning();
  if (!row) throw new Error('insert change_notices returned no row');
  return row;
}

export async function findChangeNotice(db: Db, id: string): Promise<ChangeNoticeRow | undefined> {
  const [row] = await db.select().from(changeNotices).where(eq(changeNotices.id, id)).limit(1);
  return row;
}

/** Applies a change if nobody changed the notice since `seenLockVersion`; undefined on a lost race. */
export async function updateChangeNoticeGuarded(
  db: Db,
  id: string,
  seenLockVersion: number,
  set: Partial<Pick<ChangeNoticeRow, 'status' | 'decidedAt' | 'decidedBy' | 'decisionReason' | 'masterAppliedAt' | 'determination' | 'details'>>,
): Promise<ChangeNoticeRow | undefined> {
  const [row] = await db
    .update(changeNotices)
    .set({ ...set, lockVersion: sql`${changeNotices.lockVersion} + 1` })
    .where(and(eq(changeNotices.id, id), eq(changeNotices.lockVersion, seenLockVersion)))
    .returning();
  return row;
}

export type ChangeNoticeListItem = {
  id: string;
  kind: ChangeNoticeKind;
  status: ChangeNoticeStatus;
  effectiveFrom: string;
  submittedAt: Date;
  organisationId: string;
  organisationName: string;
  establishmentName: string | null;
};

const listColumns = {
  id: changeNotices.id,
  kind: changeNotices.kind,
  status: changeNotices.status,
  effectiveFrom: changeNotices.effectiveFrom,
  submittedAt: changeNotices.submittedAt,
  organisationId: changeNotices.organisationId,
  organisationName: organisations.name,
  establishmentName: establishments.name,
};

export async function listChangeNotices(db: Db, filter: { organisationId?: string; statuses?: ChangeNoticeStatus[] }): Promise<ChangeNoticeListItem[]> {
  const conditions = [];
  if (filter.organisationId) conditions.push(eq(changeNotices.organisationId, filter.organisationId));
  if (filter.statuses) conditions.push(inArray(changeNotices.status, filter.statuses));
  return db
    .select(listColumns)
    .from(changeNotices)
    .innerJoin(organisations, eq(organisations.id, changeNotices.organisationId))
    .leftJoin(establishments, eq(establishments.id, changeNotices.establishmentId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(filter.organisationId ? desc(changeNotices.submittedAt) : asc(changeNotices.submittedAt))
    .limit(500);
}

/** Applied notices whose effective date has come and whose master record is not yet updated (for the daily job). */
export async function listDueMasterUpdates(db: Db, asOf: string): Promise<ChangeNoticeRow[]> {
  return db
    .select()
    .from(changeNotices)
    .where(and(eq(changeNotices.status, 'applied'), isNull(changeNotices.masterAppliedAt), lte(changeNotices.effectiveFrom, asOf)))
    .orderBy(asc(changeNotices.effectiveFrom))
    .limit(500);
}

/** Applied relocation / merger notices of an organisation still awaiting their follow-up (the side-by-side period). */
export async function listOpenSideBySide(db: Db, organisationId: string): Promise<ChangeNoticeRow[]> {
  return db
    .select()
    .from(changeNotices)
    .where(
      and(
        eq(changeNotices.organisationId, organisationId),
        eq(changeNotices.status, 'applied'),
        inArray(changeNotices.kind, ['relocation', 'merger']),
        sql`(${changeNotices.determination} ->> 'sideBySide') = 'true'`,
        sql`NOT EXISTS (SELECT 1 FROM change_notices f WHERE f.follows_notice_id = ${changeNotices.id} AND f.status IN ('submitted', 'applied'))`,
      ),
    )
    .orderBy(asc(changeNotices.effectiveFrom));
}

// ---- roster (dated rows) ----

/** Listings of these establishments that are open or end after `date` (current and future rows). */
export async function listingsInForceFrom(db: Db, establishmentIds: string[], date: string): Promise<RosterEntryFullRow[]> {
  if (establishmentIds.length === 0) return [];
  return db
    .select()
    .from(rosterEntries)
    .where(and(inArray(rosterEntries.establishmentId, establishmentIds), or(isNull(rosterEntries.listedUntil), gt(rosterEntries.listedUntil, date))))
    .orderBy(asc(rosterEntries.listedFrom));
}

/** The open-ended (latest) listings of these establishments. */
export async function openListingsOf(db: Db, establishmentIds: string[]): Promise<RosterEntryFullRow[]> {
  if (establishmentIds.length === 0) return [];
  return db
    .select()
    .from(rosterEntries)
    .where(and(inArray(rosterEntries.establishmentId, establishmentIds), isNull(rosterEntries.listedUntil)))
    .orderBy(asc(rosterEntries.listedFrom));
}

/** A new dated roster row (with the side-by-side previous name when there is one). */
export async function insertDatedListing(
  db: Db,
  e: Omit<typeof rosterEntries.$inferInsert, 'id' | 'listedUntil' | 'createdAt' | 'updatedAt'> & { createdAt: Date },
): Promise<RosterEntryFullRow> {
  const [row] = await db
    .insert(rosterEntries)
    .values({ ...e, updatedAt: e.createdAt })
    .returning();
  if (!row) throw new Error('insert roster_entries returned no row');
  return row;
}

/** Closes one open listing on `listedUntil` (half-open: last listed day is the day before). False if it was not open. */
export async function closeOpenListing(db: Db, id: string, listedUntil: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(rosterEntries)
    .set({ listedUntil, updatedAt: at })
    .where(and(eq(rosterEntries.id, id), isNull(rosterEntries.listedUntil), lt(rosterEntries.listedFrom, listedUntil)))
    .returning({ id: rosterEntries.id });
  return rows.length === 1;
}

/**
 * Ends every listing of these establishments on `cutoff`: rows in force then are closed (listed_until = cutoff); rows
 * that would only have started on or after the cutoff (from a change with a later effective date) never took effect
 * and are removed. Returns what was done, for the audit trail.
 */
export async function endListings(db: Db, establishmentIds: string[], cutoff: string, at: Date): Promise<{ closed: RosterEntryFullRow[]; cancelled: RosterEntryFullRow[] }> {
  if (establishmentIds.length === 0) return { closed: [], cancelled: [] };
  const cancelled = await db
    .delete(rosterEntries)
    .where(and(inArray(rosterEntries.establishmentId, establishmentIds), gte(rosterEntries.listedFrom, cutoff)))
    .returning();
  const closed = await db
    .update(rosterEntries)
    .set({ listedUntil: cutoff, updatedAt: at })
    .where(
      and(
        inArray(rosterEntries.establishmentId, establishmentIds),
        lt(rosterEntries.listedFrom, cutoff),
        or(isNull(rosterEntries.listedUntil), gt(rosterEntries.listedUntil, cutoff)),
      ),
    )
    .returning();
  return { closed, cancelled };
}

// ---- master records (current values; the history is in the notices and on the roster) ----

export async function updateEstablishmentMaster(
  db: Db,
  id: string,
  set: Partial<{ name: string; nameKana: string | null; address: string | null; prefecture: string | null; postalCode: string | null; operating: boolean; jsicCodes: string[]; organisationId: string }>,
): Promise<void> {
  if (Object.keys(set).length === 0) return;
  await db.update(establishments).set(set).where(eq(establishments.id, id));
}

/**
 * The company an establishment joins by a merger: a new accepting company, unless one with this 法人番号 exists or is
 * registered concurrently (the unique 法人番号 decides; the caller then finds that one). Undefined when the number was
 * taken.
 */
export async function insertMergerOrganisation(db: Db, o: { name: string; corporateNumber: string | null; at: Date }): Promise<typeof organisations.$inferSelect | undefined> {
  const [row] = await db
    .insert(organisations)
    .values({ kind: 'accepting_company', name: o.name, corporateNumber: o.corporateNumber, createdAt: o.at, updatedAt: o.at })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function updateOrganisationMaster(db: Db, id: string, set: Partial<{ name: string; nameKana: string | null; representativeName: string | null }>): Promise<void> {
  if (Object.keys(set).length === 0) return;
  await db.update(organisations).set(set).where(eq(organisations.id, id));
}

/** Where notices to a member go: the organisation's address and its active users. */
export async function organisationContacts(db: Db, organisationId: string): Promise<{ email: string; displayName: string; locale: 'ja' | 'en' }[]> {
  const rows = await db
    .selectDistinct({ email: users.email, displayName: users.displayName, locale: users.locale })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.organisationId, organisationId), isNull(userRoles.revokedAt), isNull(users.disabledAt)));
  const [org] = await db.select({ email: organisations.email, name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).limit(1);
  const out = rows.map((r) => ({ email: r.email, displayName: r.displayName, locale: r.locale === 'en' ? ('en' as const) : ('ja' as const) }));
  if (org?.email && !out.some((r) => r.email.toLowerCase() === org.email!.toLowerCase())) out.push({ email: org.email, displayName: org.name, locale: 'ja' });
  return out;
}
