// M6 yearly renewal: cycles (one per fiscal year and roster) and the responses of each listed establishment.
// Status columns are written only with states returned by the state machines in src/domain/renewal/.
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import type { Roster } from '../schema/enums.js';
import { establishments, organisations } from '../schema/organisations.js';
import { rosterEntries } from '../schema/roster-entries.js';
import { renewalCycles, renewalResponses, type RenewalCycleStatus, type RenewalResponseStatus } from '../schema/renewal-fees.js';
import { userRoles, users } from '../schema/users.js';

export type RenewalCycleRow = typeof renewalCycles.$inferSelect;
export type RenewalResponseRow = typeof renewalResponses.$inferSelect;

export async function insertRenewalCycle(
  db: Db,
  c: { fiscalYear: number; roster: Roster; openedOn: string; deadline: string; openedBy: string | null; at: Date },
): Promise<RenewalCycleRow | undefined> {
  const [row] = await db
    .insert(renewalCycles)
    .values({ fiscalYear: c.fiscalYear, roster: c.roster, openedOn: c.openedOn, deadline: c.deadline, openedBy: c.openedBy, createdAt: c.at, updatedAt: c.at })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function findRenewalCycle(db: Db, id: string): Promise<RenewalCycleRow | undefined> {
  const [row] = await db.select().from(renewalCycles).where(eq(renewalCycles.id, id)).limit(1);
  return row;
}

export async function listRenewalCycles(db: Db): Promise<RenewalCycleRow[]> {
  return db.select().from(renewalCycles).orderBy(desc(renewalCycles.fiscalYear), asc(renewalCycles.roster));
}

/** Open cycles whose deadline is before `today` (their unanswered members are due for the lapse job). */
export async function openCyclesPastDeadline(db: Db, today: string): Promise<RenewalCycleRow[]> {
  return db.select().from(renewalCycles).where(and(eq(renewalCycles.status, 'open'), lt(renewalCycles.deadline, today)));
}

/** Open cycles still accepting answers on `today`. */
export async function openCyclesAccepting(db: Db, today: string): Promise<RenewalCycleRow[]> {
  return db.select().from(renewalCycles).where(and(eq(renewalCycles.status, 'open'), lte(renewalCycles.openedOn, today), sql`${renewalCycles.deadline} >= ${today}`));
}

export async function setRenewalCycleStatus(db: Db, id: string, seen: number, status: RenewalCycleStatus): Promise<boolean> {
  const rows = await db
    .update(renewalCycles)
    .set({ status, lockVersion: sql`${renewalCycles.lockVersion} + 1` })
    .where(and(eq(renewalCycles.id, id), eq(renewalCycles.lockVersion, seen)))
    .returning({ id: renewalCycles.id });
  return rows.length === 1;
}

/** Establishments listed on `roster` on `asOf` (one open listing each), with the listing row. */
export async function listedEstablishmentsOn(db: Db, roster: Roster, asOf: string): Promise<{ establishmentId: string; organisationId: string; rosterEntryId: string }[]> {
  return db
    .select({ establishmentId: rosterEntries.establishmentId, organisationId: rosterEntries.organisationId, rosterEntryId: rosterEntries.id })
    .from(rosterEntries)
    .where(and(eq(rosterEntries.roster, roster), lte(rosterEntries.listedFrom, asOf), or(isNull(rosterEntries.listedUntil), gt(rosterEntries.listedUntil, asOf))))
    .orderBy(asc(rosterEntries.organisationName), asc(rosterEntries.establishmentName));
}

export async function insertRenewalResponses(
  db: Db,
  rows: { cycleId: string; establishmentId: string; organisationId: string; rosterEntryId: string }[],
  at: Date,
): Promise<RenewalResponseRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(renewalResponses)
    .values(rows.map((r) => ({ ...r, createdAt: at, updatedAt: at })))
    .onConflictDoNothing()
    .returning();
}

export async function findRenewalResponse(db: Db, id: string): Promise<RenewalResponseRow | undefined> {
  const [row] = await db.select().from(renewalResponses).where(eq(renewalResponses.id, id)).limit(1);
  return row;
}

export type RenewalResponseView = RenewalResponseRow & {
  establishmentName: string;
  organisationName: string;
  fiscalYear: number;
  roster: Roster;
  deadline: string;
  cycleStatus: RenewalCycleStatus;
};

const viewColumns = {
  response: renewalResponses,
  establishmentName: establishments.name,
  organisationName: organisations.name,
  fiscalYear: renewalCycles.fiscalYear,
  roster: renewalCycles.roster,
  deadline: renewalCycles.deadline,
  cycleStatus: renewalCycles.status,
};

const toView = (r: { response: RenewalResponseRow; establishmentName: string; organisationName: string; fiscalYear: number; roster: Roster; deadline: string; cycleStatus: RenewalCycleStatus }): RenewalResponseView => ({
  ...r.response,
  establishmentName: r.establishmentName,
  organisationName: r.organisationName,
  fiscalYear: r.fiscalYear,
  roster: r.roster,
  deadline: r.deadline,
  cycleStatus: r.cycleStatus,
});

const viewQuery = (db: Db) =>
  db
    .select(viewColumns)
    .from(renewalResponses)
    .innerJoin(renewalCycles, eq(renewalCycles.id, renewalResponses.cycleId))
    .innerJoin(establishments, eq(establishments.id, renewalResponses.establishmentId))
    .innerJoin(organisations, eq(organisations.id, renewalResponses.organisationId));

export async function findRenewalResponseView(db: Db, id: string): Promise<RenewalResponseView | undefined> {
  const [row] = await viewQuery(db).where(eq(renewalResponses.id, id)).limit(1);
  return row ? toView(row) : undefined;
}

export async function listResponsesOfCycle(db: Db, cycleId: string, status?: RenewalResponseStatus): Promise<RenewalResponseView[]> {
  const rows = await viewQuery(db)
    .where(and(eq(renewalResponses.cycleId, cycleId), ...(status ? [eq(renewalResponses.status, status)] : [])))
    .orderBy(asc(organisations.name), asc(establishments.name));
  return rows.map(toView);
}

export async function listResponsesOfOrganisations(db: Db, organisationIds: string[]): Promise<RenewalResponseView[]> {
  if (organisationIds.length === 0) return [];
  const rows = await viewQuery(db)
    .where(inArray(renewalResponses.organisationId, organisationIds))
    .orderBy(desc(renewalCycles.fiscalYear), asc(organisations.name), asc(establishments.name));
  return rows.map(toView);
}

/** Optimistic update: applies only while the row still has the lock_version the caller saw. */
export async function updateRenewalResponseGuarded(
  db: Db,
  id: string,
  seen: number,
  set: Partial<Pick<RenewalResponseRow, 'status' | 'answeredOn' | 'answeredBy' | 'determination' | 'membershipEndsOn'>>,
): Promise<RenewalResponseRow | undefined> {
  const [row] = await db
    .update(renewalResponses)
    .set({ ...set, lockVersion: sql`${renewalResponses.lockVersion} + 1` })
    .where(and(eq(renewalResponses.id, id), eq(renewalResponses.lockVersion, seen)))
    .returning();
  return row;
}

/** Records a reminder unless one was already recorded on `today` (a re-run of the job sends nothing twice). */
export async function markReminded(db: Db, id: string, today: string): Promise<boolean> {
  const rows = await db
    .update(renewalResponses)
    .set({ remindersSent: sql`${renewalResponses.remindersSent} + 1`, lastRemindedOn: today })
    .where(and(eq(renewalResponses.id, id), eq(renewalResponses.status, 'awaiting'), or(isNull(renewalResponses.lastRemindedOn), lt(renewalResponses.lastRemindedOn, today))))
    .returning({ id: renewalResponses.id });
  return rows.length === 1;
}

/**
 * Closes an open roster listing from `until` (half-open: listed through the day before). History is kept: the row is
 * closed, never deleted. Returns false when the listing was already closed.
 */
export async function closeRosterListing(db: Db, rosterEntryId: string, until: string): Promise<boolean> {
  const rows = await db
    .update(rosterEntries)
    .set({ listedUntil: sql`GREATEST(${until}::date, ${rosterEntries.listedFrom} + 1)` })
    .where(and(eq(rosterEntries.id, rosterEntryId), isNull(rosterEntries.listedUntil)))
    .returning({ id: rosterEntries.id });
  return rows.length === 1;
}

export async function rosterListingUntil(db: Db, rosterEntryId: string): Promise<string | null | undefined> {
  const [row] = await db.select({ until: rosterEntries.listedUntil }).from(rosterEntries).where(eq(rosterEntries.id, rosterEntryId)).limit(1);
  return row ? row.until : undefined;
}

/** Who receives an organisation's notices: its users holding a current organisation role. */
export async function organisationContacts(db: Db, organisationId: string): Promise<{ userId: string; email: string; displayName: string; locale: 'ja' | 'en' }[]> {
  const rows = await db
    .selectDistinct({ userId: users.id, email: users.email, displayName: users.displayName, locale: users.locale })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.organisationId, organisationId), isNull(userRoles.revokedAt), inArray(userRoles.role, ['company_admin', 'company_member', 'support_org_member'])));
  return rows.map((r) => ({ ...r, locale: r.locale === 'en' ? 'en' : 'ja' }));
}
