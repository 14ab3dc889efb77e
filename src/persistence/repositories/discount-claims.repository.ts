// Fee discount claims (SME, association) with evidence, reviewer and validity (jaim-membership-faq Q2-5-2, Q2-5-3).
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { organisations } from '../schema/organisations.js';
import { feeDiscountClaims, type FeeClaimStatus, type FeeDiscountKind } from '../schema/renewal-fees.js';

export type DiscountClaimRow = typeof feeDiscountClaims.$inferSelect;
export type DiscountClaimView = DiscountClaimRow & { organisationName: string };

export async function insertDiscountClaim(
  db: Db,
  c: {
    /** Chosen by the caller when an idempotency key is claimed for it first. */
    id?: string;
    organisationId: string;
    kind: FeeDiscountKind;
    evidenceText: string;
    evidenceReference: string | null;
    associationName: string | null;
    associationCompletedOn: string | null;
    jaimApplicationDate: string | null;
    determination: unknown;
    submittedBy: string | null;
    at: Date;
  },
): Promise<DiscountClaimRow> {
  const { at, ...values } = c;
  const [row] = await db.insert(feeDiscountClaims).values({ ...values, submittedAt: at, createdAt: at, updatedAt: at }).returning();
  if (!row) throw new Error('insert fee_discount_claims returned no row');
  return row;
}

const viewQuery = (db: Db) =>
  db.select({ claim: feeDiscountClaims, organisationName: organisations.name }).from(feeDiscountClaims).innerJoin(organisations, eq(organisations.id, feeDiscountClaims.organisationId));

export async function findDiscountClaim(db: Db, id: string): Promise<DiscountClaimView | undefined> {
  const [row] = await viewQuery(db).where(eq(feeDiscountClaims.id, id)).limit(1);
  return row ? { ...row.claim, organisationName: row.organisationName } : undefined;
}

export async function listDiscountClaims(db: Db, filter: { status?: FeeClaimStatus; organisationId?: string } = {}): Promise<DiscountClaimView[]> {
  const rows = await viewQuery(db)
    .where(and(...(filter.status ? [eq(feeDiscountClaims.status, filter.status)] : []), ...(filter.organisationId ? [eq(feeDiscountClaims.organisationId, filter.organisationId)] : [])))
    .orderBy(filter.status === 'submitted' ? asc(feeDiscountClaims.submittedAt) : desc(feeDiscountClaims.submittedAt))
    .limit(500);
  return rows.map((r) => ({ ...r.claim, organisationName: r.organisationName }));
}

/** Approved claims of an organisation valid for a fiscal year (valid_from_fy ≤ fy ≤ valid_until_fy or open). */
export async function approvedClaimsFor(db: Db, organisationId: string, fiscalYear: number): Promise<DiscountClaimRow[]> {
  return db
    .select()
    .from(feeDiscountClaims)
    .where(
      and(
        eq(feeDiscountClaims.organisationId, organisationId),
        eq(feeDiscountClaims.status, 'approved'),
        sql`${feeDiscountClaims.validFromFy} <= ${fiscalYear}`,
        sql`(${feeDiscountClaims.validUntilFy} IS NULL OR ${feeDiscountClaims.validUntilFy} >= ${fiscalYear})`,
      ),
    )
    .orderBy(asc(feeDiscountClaims.reviewedAt));
}

/** Claims of an organisation still waiting for a reviewer. */
export async function pendingClaimsOf(db: Db, organisationId: string): Promise<DiscountClaimRow[]> {
  return db.select().from(feeDiscountClaims).where(and(eq(feeDiscountClaims.organisationId, organisationId), eq(feeDiscountClaims.status, 'submitted')));
}

export async function reviewDiscountClaimGuarded(
  db: Db,
  id: string,
  seen: number,
  set: { status: FeeClaimStatus; validFromFy: number | null; validUntilFy: number | null; reviewedBy: string; reviewedAt: Date; reviewNote: string | null; determination: unknown },
): Promise<DiscountClaimRow | undefined> {
  const [row] = await db
    .update(feeDiscountClaims)
    .set({ ...set, lockVersion: sql`${feeDiscountClaims.lockVersion} + 1` })
    .where(and(eq(feeDiscountClaims.id, id), eq(feeDiscountClaims.lockVersion, seen)))
    .returning();
  return row;
}
