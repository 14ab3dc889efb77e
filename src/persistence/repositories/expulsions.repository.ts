// Expulsions (council art.14): proposal, approval by another person, the report to the Ministry of Justice, and the
// re-join block (art.10(4)(ii)) looked up by 法人番号.
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { expulsions, type ExpulsionCategory, type ExpulsionStatus } from '../schema/membership-lifecycle.js';
import { organisations } from '../schema/organisations.js';

export type ExpulsionRow = typeof expulsions.$inferSelect;

export type NewExpulsion = {
  /** Chosen by the caller when an idempotency key is claimed for it first. */
  id?: string;
  organisationId: string;
  corporateNumber: string | null;
  category: ExpulsionCategory;
  grounds: string[];
  evidence: Record<string, string>;
  facts: unknown;
  determination: unknown;
  status: ExpulsionStatus;
  proposedBy: string;
  proposedAt: Date;
};

export async function insertExpulsion(db: Db, e: NewExpulsion): Promise<ExpulsionRow> {
  const [row] = await db
    .insert(expulsions)
    .values({ ...e, createdAt: e.proposedAt, updatedAt: e.proposedAt })
    .returning();
  if (!row) throw new Error('insert expulsions returned no row');
  return row;
}

export async function findExpulsion(db: Db, id: string): Promise<(ExpulsionRow & { organisationName: string }) | undefined> {
  const [row] = await db
    .select({ e: expulsions, organisationName: organisations.name })
    .from(expulsions)
    .innerJoin(organisations, eq(organisations.id, expulsions.organisationId))
    .where(eq(expulsions.id, id))
    .limit(1);
  return row ? { ...row.e, organisationName: row.organisationName } : undefined;
}

export async function findProposedExpulsionOf(db: Db, organisationId: string): Promise<ExpulsionRow | undefined> {
  const [row] = await db
    .select()
    .from(expulsions)
    .where(and(eq(expulsions.organisationId, organisationId), eq(expulsions.status, 'proposed')))
    .limit(1);
  return row;
}

export async function updateExpulsionGuarded(
  db: Db,
  id: string,
  seenLockVersion: number,
  set: Partial<
    Pick<
      ExpulsionRow,
      | 'status'
      | 'decidedAt'
      | 'decidedBy'
      | 'decisionReason'
      | 'expelledOn'
      | 'rejoinBlockLiftedOn'
      | 'mojReportDetermination'
      | 'mojReportNecessary'
      | 'mojReportReason'
      | 'mojReportedOn'
      | 'mojReference'
      | 'mojRecordedBy'
    >
  >,
): Promise<ExpulsionRow | undefined> {
  const [row] = await db
    .update(expulsions)
    .set({ ...set, lockVersion: sql`${expulsions.lockVersion} + 1` })
    .where(and(eq(expulsions.id, id), eq(expulsions.lockVersion, seenLockVersion)))
    .returning();
  return row;
}

export type ExpulsionListItem = { id: string; organisationName: string; category: ExpulsionCategory; grounds: string[]; status: ExpulsionStatus; proposedAt: Date; expelledOn: string | null };

export async function listExpulsions(db: Db): Promise<ExpulsionListItem[]> {
  return db
    .select({
      id: expulsions.id,
      organisationName: organisations.name,
      category: expulsions.category,
      grounds: expulsions.grounds,
      status: expulsions.status,
      proposedAt: expulsions.proposedAt,
      expelledOn: expulsions.expelledOn,
    })
    .from(expulsions)
    .innerJoin(organisations, eq(organisations.id, expulsions.organisationId))
    .orderBy(desc(expulsions.proposedAt))
    .limit(500);
}

/** The latest approved expulsion under this 法人番号 that carries a re-join block (grounds (i)–(iii)). */
export async function latestBlockingExpulsion(db: Db, corporateNumber: string): Promise<ExpulsionRow | undefined> {
  const [row] = await db
    .select()
    .from(expulsions)
    .where(and(eq(expulsions.corporateNumber, corporateNumber), eq(expulsions.status, 'approved'), isNotNull(expulsions.rejoinBlockLiftedOn)))
    .orderBy(desc(expulsions.expelledOn))
    .limit(1);
  return row;
}
