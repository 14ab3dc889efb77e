// Wage-increase reports made with the JAIM renewal (jaim-membership-faq Q3-3-2), one per renewal response.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { wageReportFiles } from '../schema/debit-results.js';
import { uploads } from '../schema/join-evidence.js';
import { establishments, organisations } from '../schema/organisations.js';
import { renewalCycles, renewalResponses, wageReports, type WageAdequacy } from '../schema/renewal-fees.js';
import { users } from '../schema/users.js';

export type WageReportRow = typeof wageReports.$inferSelect;
export type WageReportView = WageReportRow & {
  cycleId: string;
  fiscalYear: number;
  establishmentName: string;
  organisationName: string;
  submittedByName: string | null;
};
export type WageEvidenceFile = { uploadId: string; filename: string; contentType: string; sizeBytes: number; sha256: string; scanStatus: string; createdAt: Date };

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

const viewQuery = (db: Db) =>
  db
    .select({ report: wageReports, cycleId: renewalCycles.id, fiscalYear: renewalCycles.fiscalYear, establishmentName: establishments.name, organisationName: organisations.name, submittedByName: users.displayName })
    .from(wageReports)
    .innerJoin(renewalResponses, eq(renewalResponses.id, wageReports.responseId))
    .innerJoin(renewalCycles, eq(renewalCycles.id, renewalResponses.cycleId))
    .innerJoin(establishments, eq(establishments.id, renewalResponses.establishmentId))
    .innerJoin(organisations, eq(organisations.id, wageReports.organisationId))
    .leftJoin(users, eq(users.id, wageReports.submittedBy));

type Joined = { report: WageReportRow; cycleId: string; fiscalYear: number; establishmentName: string; organisationName: string; submittedByName: string | null };
const toView = (r: Joined): WageReportView => ({ ...r.report, cycleId: r.cycleId, fiscalYear: r.fiscalYear, establishmentName: r.establishmentName, organisationName: r.organisationName, submittedByName: r.submittedByName });

/** The wage reports made in a renewal cycle (optionally with one adequacy), oldest first: the order they came in. */
export async function listWageReportsOfCycle(db: Db, cycleId: string, adequacy?: WageAdequacy, limit = 1000): Promise<WageReportView[]> {
  const rows = await viewQuery(db)
    .where(and(eq(renewalResponses.cycleId, cycleId), ...(adequacy ? [eq(wageReports.adequacy, adequacy)] : [])))
    .orderBy(asc(wageReports.submittedAt), asc(wageReports.id))
    .limit(limit);
  return rows.map(toView);
}

export async function findWageReportView(db: Db, id: string): Promise<WageReportView | undefined> {
  const [row] = await viewQuery(db).where(eq(wageReports.id, id)).limit(1);
  return row ? toView(row) : undefined;
}

export async function insertWageReportFile(db: Db, wageReportId: string, uploadId: string, at: Date): Promise<void> {
  await db.insert(wageReportFiles).values({ wageReportId, uploadId, createdAt: at }).onConflictDoNothing();
}

/** The evidence files of a report (metadata only: the bytes are read when downloaded). */
export async function listWageReportFiles(db: Db, wageReportId: string): Promise<WageEvidenceFile[]> {
  return db
    .select({ uploadId: uploads.id, filename: uploads.filename, contentType: uploads.contentType, sizeBytes: uploads.sizeBytes, sha256: uploads.sha256, scanStatus: uploads.scanStatus, createdAt: wageReportFiles.createdAt })
    .from(wageReportFiles)
    .innerJoin(uploads, eq(uploads.id, wageReportFiles.uploadId))
    .where(eq(wageReportFiles.wageReportId, wageReportId))
    .orderBy(asc(wageReportFiles.createdAt), asc(uploads.filename));
}

/** How many evidence files each report has. */
export async function countWageReportFiles(db: Db, wageReportIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (wageReportIds.length === 0) return out;
  const rows = await db
    .select({ id: wageReportFiles.wageReportId, n: sql<number>`count(*)::int` })
    .from(wageReportFiles)
    .where(inArray(wageReportFiles.wageReportId, [...wageReportIds]))
    .groupBy(wageReportFiles.wageReportId);
  for (const r of rows) out.set(r.id, Number(r.n));
  return out;
}
