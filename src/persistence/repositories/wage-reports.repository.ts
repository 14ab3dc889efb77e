// Wage-increase reports made with the JAIM renewal (jaim-membership-faq Q3-3-2), one per renewal response.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { wageReports, type WageAdequacy } from '../schema/renewal-fees.js';

export type WageReportRow = typeof wageReports.$inferSelect;

export async function insertWageReport(
  db: Db,
  r: { responseId: string; organisationId: string; increaseBasisPoints: number | null; evidenceText: string; evidenceReference: string | null; determination: unknown; submittedBy: string | null; at: Date },
): Promise<WageReportRow | undefined> {
  const [row] = await db
    .insert(wageReports)
    .values({
      responseId: r.responseId,
      organisationId: r.organisationId,
      increaseBasisPoints: r.increaseBasisPoints,
      evidenceText: r.evidenceText,
      evidenceReference: r.evidenceReference,
      determination: r.determination,
      submittedBy: r.submittedBy,
      submittedAt: r.at,
      createdAt: r.at,
      updatedAt: r.at,
    })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function findWageReport(db: Db, id: string): Promise<WageReportRow | undefined> {
  const [row] = await db.select().from(wageReports).where(eq(wageReports.id, id)).limit(1);
  return row;
}

export async function findWageReportOfResponse(db: Db, responseId: string): Promise<WageReportRow | undefined> {
  const [row] = await db.select().from(wageReports).where(eq(wageReports.responseId, responseId)).limit(1);
  return row;
}

export async function listWageReportsOfResponses(db: Db, responseIds: string[]): Promise<WageReportRow[]> {
  if (responseIds.length === 0) return [];
  return db.select().from(wageReports).where(inArray(wageReports.responseId, responseIds)).orderBy(asc(wageReports.submittedAt));
}

export async function reviewWageReportGuarded(
  db: Db,
  id: string,
  seen: number,
  set: { adequacy: WageAdequacy; reviewedBy: string; reviewedAt: Date; reviewNote: string | null },
): Promise<WageReportRow | undefined> {
  const [row] = await db
    .update(wageReports)
    .set({ ...set, lockVersion: sql`${wageReports.lockVersion} + 1` })
    .where(and(eq(wageReports.id, id), eq(wageReports.lockVersion, seen)))
    .returning();
  return row;
}
