// The record of the scheduled automatic withdrawal of council members (jaim-membership-faq Q2-2-3), read for the
// secretariat: each closed council listing with the company and establishment as listed, and the stored determination.
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database.js';
import { rosterEntries } from '../schema/roster-entries.js';
import { councilWithdrawals } from '../schema/roster-snapshots.js';

export type AutomaticWithdrawalFilter = {
  /** Recorded at or after this instant. */
  recordedFrom?: Date;
  /** Recorded before this instant. */
  recordedBefore?: Date;
  /** The determination's outcome ('withdrawn_automatically', 'migrated'). */
  outcome?: string;
};

export type AutomaticWithdrawalRow = {
  id: string;
  recordedAt: Date;
  effectiveOn: string;
  reason: string;
  determination: unknown;
  establishmentId: string;
  establishmentName: string;
  organisationId: string;
  organisationName: string;
  corporateNumber: string | null;
  listedFrom: string;
};

const conditions = (f: AutomaticWithdrawalFilter): SQL | undefined => {
  const c: SQL[] = [];
  if (f.recordedFrom) c.push(gte(councilWithdrawals.createdAt, f.recordedFrom));
  if (f.recordedBefore) c.push(lt(councilWithdrawals.createdAt, f.recordedBefore));
  if (f.outcome) c.push(sql`(${councilWithdrawals.determination} ->> 'outcome') = ${f.outcome}`);
  return c.length ? and(...c) : undefined;
};

export async function listAutomaticWithdrawals(db: Db, f: AutomaticWithdrawalFilter, page: { limit: number; offset: number }): Promise<AutomaticWithdrawalRow[]> {
  return db
    .select({
      id: councilWithdrawals.id,
      recordedAt: councilWithdrawals.createdAt,
      effectiveOn: councilWithdrawals.effectiveOn,
      reason: councilWithdrawals.reason,
      determination: councilWithdrawals.determination,
      establishmentId: councilWithdrawals.establishmentId,
      establishmentName: rosterEntries.establishmentName,
      organisationId: rosterEntries.organisationId,
      organisationName: rosterEntries.organisationName,
      corporateNumber: rosterEntries.corporateNumber,
      listedFrom: rosterEntries.listedFrom,
    })
    .from(councilWithdrawals)
    .innerJoin(rosterEntries, eq(rosterEntries.id, councilWithdrawals.rosterEntryId))
    .where(conditions(f))
    .orderBy(desc(councilWithdrawals.createdAt), asc(rosterEntries.organisationName), asc(rosterEntries.establishmentName), asc(councilWithdrawals.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countAutomaticWithdrawals(db: Db, f: AutomaticWithdrawalFilter): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(councilWithdrawals).where(conditions(f));
  return Number(row?.n ?? 0);
}
