// Suspected violations (council art.15) and their reports to the agencies concerned.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { violationAgencyReports, violationReports, type Agency, type ViolationSource, type ViolationStatus } from '../schema/membership-lifecycle.js';
import { users } from '../schema/users.js';

export type ViolationReportRow = typeof violationReports.$inferSelect;
export type AgencyReportRow = typeof violationAgencyReports.$inferSelect;

export type NewViolationReport = {
  /** Chosen by the caller when an idempotency key is claimed for it first. */
  id?: string;
  organisationId: string | null;
  establishmentId: string | null;
  subjectName: string;
  facts: string;
  source: ViolationSource;
  sourceDetail: string | null;
  observedOn: string;
  status: ViolationStatus;
  determination: unknown;
  recordedBy: string;
  recordedAt: Date;
};

export async function insertViolationReport(db: Db, v: NewViolationReport): Promise<ViolationReportRow> {
  const [row] = await db
    .insert(violationReports)
    .values({ ...v, createdAt: v.recordedAt, updatedAt: v.recordedAt })
    .returning();
  if (!row) throw new Error('insert violation_reports returned no row');
  return row;
}

export async function findViolationReport(db: Db, id: string): Promise<ViolationReportRow | undefined> {
  const [row] = await db.select().from(violationReports).where(eq(violationReports.id, id)).limit(1);
  return row;
}

export async function updateViolationReportGuarded(
  db: Db,
  id: string,
  seenLockVersion: number,
  set: Partial<Pick<ViolationReportRow, 'status' | 'closedAt' | 'closedBy'>>,
): Promise<ViolationReportRow | undefined> {
  const [row] = await db
    .update(violationReports)
    .set({ ...set, lockVersion: sql`${violationReports.lockVersion} + 1` })
    .where(and(eq(violationReports.id, id), eq(violationReports.lockVersion, seenLockVersion)))
    .returning();
  return row;
}

export async function listViolationReports(db: Db): Promise<ViolationReportRow[]> {
  return db.select().from(violationReports).orderBy(desc(violationReports.recordedAt)).limit(500);
}

export async function insertAgencyReport(
  db: Db,
  r: { violationReportId: string; agency: Agency; reportedOn: string; reference: string; note: string | null; reportedBy: string; createdAt: Date },
): Promise<AgencyReportRow> {
  const [row] = await db.insert(violationAgencyReports).values(r).returning();
  if (!row) throw new Error('insert violation_agency_reports returned no row');
  return row;
}

export async function listAgencyReports(db: Db, violationReportId: string): Promise<(AgencyReportRow & { reportedByName: string })[]> {
  const rows = await db
    .select({ r: violationAgencyReports, reportedByName: users.displayName })
    .from(violationAgencyReports)
    .innerJoin(users, eq(users.id, violationAgencyReports.reportedBy))
    .where(eq(violationAgencyReports.violationReportId, violationReportId))
    .orderBy(asc(violationAgencyReports.reportedOn), asc(violationAgencyReports.createdAt));
  return rows.map((x) => ({ ...x.r, reportedByName: x.reportedByName }));
}
