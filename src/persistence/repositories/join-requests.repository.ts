// Join requests. The status is written only with a value the domain's state machine returned, and every change
// after submission is guarded by lock_version (optimistic concurrency): UPDATE … WHERE lock_version = $seen.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { joinRequestHistory, type JoinRequestHistoryEvent } from '../schema/join-evidence.js';
import { joinRequests } from '../schema/join-requests.js';
import { rosterEntries } from '../schema/roster-entries.js';
import { establishments, organisations } from '../schema/organisations.js';
import { users } from '../schema/users.js';
import type { JoinRequestStatus } from '../schema/enums.js';

export type JoinRequestRow = typeof joinRequests.$inferSelect;

export async function insertSubmittedJoinRequest(
  db: Db,
  r: {
    id: string;
    organisationId: string;
    establishmentId: string;
    status: JoinRequestStatus;
    idempotencyKey: string;
    submittedAt: Date;
    submittedBy: string | null;
    answers: Record<string, unknown>;
    determination: unknown;
  },
): Promise<JoinRequestRow> {
  const [row] = await db
    .insert(joinRequests)
    .values({
      ...r,
      receivedSeq: sql`nextval('join_requests_received_seq')`,
      createdAt: r.submittedAt,
      updatedAt: r.submittedAt,
    })
    .returning();
  if (!row) throw new Error('insert join_requests returned no row');
  return row;
}

export async function findJoinRequest(db: Db, id: string): Promise<JoinRequestRow | undefined> {
  const [row] = await db.select().from(joinRequests).where(eq(joinRequests.id, id)).limit(1);
  return row;
}

/** Applies a state change if nobody changed the request since `seenLockVersion`; returns the row, or undefined on a lost race. */
export async function updateJoinRequestGuarded(
  db: Db,
  id: string,
  seenLockVersion: number,
  set: Partial<Pick<JoinRequestRow, 'status' | 'decidedAt' | 'decidedBy' | 'decisionReason' | 'decisionGrounds' | 'correctionReason' | 'answers' | 'determination' | 'submittedAt' | 'submittedBy'>>,
): Promise<JoinRequestRow | undefined> {
  const [row] = await db
    .update(joinRequests)
    .set({ ...set, lockVersion: sql`${joinRequests.lockVersion} + 1` })
    .where(and(eq(joinRequests.id, id), eq(joinRequests.lockVersion, seenLockVersion)))
    .returning();
  return row;
}

export type JoinRequestListItem = {
  id: string;
  status: JoinRequestStatus;
  submittedAt: Date | null;
  receivedSeq: number | null;
  organisationId: string;
  organisationName: string;
  corporateNumber: string | null;
  establishmentId: string | null;
  establishmentName: string | null;
  prefecture: string | null;
  lockVersion: number;
};

const listColumns = {
  id: joinRequests.id,
  status: joinRequests.status,
  submittedAt: joinRequests.submittedAt,
  receivedSeq: joinRequests.receivedSeq,
  organisationId: joinRequests.organisationId,
  organisationName: organisations.name,
  corporateNumber: organisations.corporateNumber,
  establishmentId: joinRequests.establishmentId,
  establishmentName: establishments.name,
  prefecture: establishments.prefecture,
  lockVersion: joinRequests.lockVersion,
};

/** The review queue: open requests in order of receipt (join_requests_queue_idx). */
export async function listJoinRequestQueue(db: Db, statuses: JoinRequestStatus[], limit = 200): Promise<JoinRequestListItem[]> {
  const rows = await db
    .select(listColumns)
    .from(joinRequests)
    .innerJoin(organisations, eq(organisations.id, joinRequests.organisationId))
    .leftJoin(establishments, eq(establishments.id, joinRequests.establishmentId))
    .where(inArray(joinRequests.status, statuses))
    .orderBy(asc(joinRequests.receivedSeq))
    .limit(limit);
  return rows.map((r) => ({ ...r, receivedSeq: r.receivedSeq === null ? null : Number(r.receivedSeq) }));
}

export async function listJoinRequestsOfOrganisations(db: Db, organisationIds: string[]): Promise<JoinRequestListItem[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select(listColumns)
    .from(joinRequests)
    .innerJoin(organisations, eq(organisations.id, joinRequests.organisationId))
    .leftJoin(establishments, eq(establishments.id, joinRequests.establishmentId))
    .where(inArray(joinRequests.organisationId, organisationIds))
    .orderBy(desc(joinRequests.createdAt))
    .limit(500);
  return rows.map((r) => ({ ...r, receivedSeq: r.receivedSeq === null ? null : Number(r.receivedSeq) }));
}

/** An open request (not final) for the establishment, if any: one application at a time. */
export async function findOpenJoinRequestForEstablishment(db: Db, establishmentId: string): Promise<JoinRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(joinRequests)
    .where(and(eq(joinRequests.establishmentId, establishmentId), inArray(joinRequests.status, ['submitted', 'under_review', 'correction_requested'])))
    .limit(1);
  return row;
}

export async function findUserContact(db: Db, userId: string): Promise<{ email: string; displayName: string; locale: 'ja' | 'en' } | undefined> {
  const [row] = await db.select({ email: users.email, displayName: users.displayName, locale: users.locale }).from(users).where(eq(users.id, userId)).limit(1);
  return row ? { ...row, locale: row.locale === 'en' ? 'en' : 'ja' } : undefined;
}

// ---- history (migration 0010): one append-only row per step of a request's life ----

export type JoinRequestHistoryRow = typeof joinRequestHistory.$inferSelect;

/** Appends a history row with the next seq (the caller holds the request's lock_version guard in the same transaction). */
export async function appendJoinRequestHistory(
  db: Db,
  h: {
    joinRequestId: string;
    event: JoinRequestHistoryEvent;
    statusAfter: string;
    at: Date;
    actorUserId: string | null;
    message?: string | null;
    grounds?: string[];
    answers?: unknown;
    determination?: unknown;
  },
): Promise<JoinRequestHistoryRow> {
  const [row] = await db
    .insert(joinRequestHistory)
    .values({
      joinRequestId: h.joinRequestId,
      seq: sql`(SELECT coalesce(max(seq), 0) + 1 FROM join_request_history WHERE join_request_id = ${h.joinRequestId})`,
      event: h.event,
      statusAfter: h.statusAfter,
      at: h.at,
      actorUserId: h.actorUserId,
      message: h.message ?? null,
      grounds: h.grounds ?? [],
      answers: h.answers ?? null,
      determination: h.determination ?? null,
    })
    .returning();
  if (!row) throw new Error('insert join_request_history returned no row');
  return row;
}

export async function listJoinRequestHistory(db: Db, joinRequestId: string): Promise<(JoinRequestHistoryRow & { actorName: string | null })[]> {
  const rows = await db
    .select({ h: joinRequestHistory, actorName: users.displayName })
    .from(joinRequestHistory)
    .leftJoin(users, eq(users.id, joinRequestHistory.actorUserId))
    .where(eq(joinRequestHistory.joinRequestId, joinRequestId))
    .orderBy(asc(joinRequestHistory.seq));
  return rows.map((r) => ({ ...r.h, actorName: r.actorName }));
}

/**
 * Ends an open listing of the establishment on a roster from `until` (half-open: listed up to the day before).
 * Used when the JAIM listing starts and the council listing of the same establishment closes. Returns the ids closed.
 */
export async function closeOpenRosterListing(db: Db, establishmentId: string, roster: 'council' | 'jaim', until: string): Promise<string[]> {
  const rows = await db
    .update(rosterEntries)
    .set({ listedUntil: until })
    .where(and(eq(rosterEntries.establishmentId, establishmentId), eq(rosterEntries.roster, roster), isNull(rosterEntries.listedUntil), sql`${rosterEntries.listedFrom} < ${until}`))
    .returning({ id: rosterEntries.id });
  return rows.map((r) => r.id);
}

/** Why each of an organisation's establishments cannot start a new application now: one in progress, or already listed on `roster`. */
export async function establishmentsUnavailableForJoin(db: Db, organisationId: string, roster: 'council' | 'jaim'): Promise<{ inProgress: string[]; listed: string[] }> {
  const [open, listed] = await Promise.all([
    db
      .selectDistinct({ id: joinRequests.establishmentId })
      .from(joinRequests)
      .where(and(eq(joinRequests.organisationId, organisationId), inArray(joinRequests.status, ['submitted', 'under_review', 'correction_requested']))),
    db
      .selectDistinct({ id: rosterEntries.establishmentId })
      .from(rosterEntries)
      .where(and(eq(rosterEntries.organisationId, organisationId), eq(rosterEntries.roster, roster), isNull(rosterEntries.listedUntil))),
  ]);
  return { inProgress: open.flatMap((r) => (r.id ? [r.id] : [])), listed: listed.map((r) => r.id) };
}
