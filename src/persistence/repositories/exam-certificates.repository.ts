// Pass certificates. Verification reads one row by a unique index (exam number or certificate number): the
// certificate keeps what it says as issued, so no join is needed on the public path.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { examCertificates, type CertificateStatus } from '../schema/exam-results.js';

export type CertificateRow = typeof examCertificates.$inferSelect;
export type NewCertificate = typeof examCertificates.$inferInsert;

/** What public verification needs, and nothing more (no token, no issuer). */
export type VerifiableCertificate = Pick<
  CertificateRow,
  | 'certificateNumber'
  | 'examNumber'
  | 'holderFamilyName'
  | 'holderGivenName'
  | 'holderDateOfBirth'
  | 'holderNationality'
  | 'categoryCode'
  | 'categoryNameJa'
  | 'categoryNameEn'
  | 'level'
  | 'passDate'
  | 'status'
  | 'revokedAt'
>;

const verifiable = {
  certificateNumber: examCertificates.certificateNumber,
  examNumber: examCertificates.examNumber,
  holderFamilyName: examCertificates.holderFamilyName,
  holderGivenName: examCertificates.holderGivenName,
  holderDateOfBirth: examCertificates.holderDateOfBirth,
  holderNationality: examCertificates.holderNationality,
  categoryCode: examCertificates.categoryCode,
  categoryNameJa: examCertificates.categoryNameJa,
  categoryNameEn: examCertificates.categoryNameEn,
  level: examCertificates.level,
  passDate: examCertificates.passDate,
  status: examCertificates.status,
  revokedAt: examCertificates.revokedAt,
};

/** One lookup on exam_certificates_exam_number_key. */
export async function findVerifiableByExamNumber(db: Db, examNumber: string): Promise<VerifiableCertificate | undefined> {
  const [row] = await db.select(verifiable).from(examCertificates).where(eq(examCertificates.examNumber, examNumber)).limit(1);
  return row;
}

/** One lookup on exam_certificates_certificate_number_key. */
export async function findVerifiableByCertificateNumber(db: Db, certificateNumber: string): Promise<VerifiableCertificate | undefined> {
  const [row] = await db.select(verifiable).from(examCertificates).where(eq(examCertificates.certificateNumber, certificateNumber)).limit(1);
  return row;
}

export async function findCertificate(db: Db, certificateNumber: string): Promise<CertificateRow | undefined> {
  const [row] = await db.select().from(examCertificates).where(eq(examCertificates.certificateNumber, certificateNumber)).limit(1);
  return row;
}

export async function findCertificateOfRegistration(db: Db, registrationId: string): Promise<CertificateRow | undefined> {
  const [row] = await db.select().from(examCertificates).where(eq(examCertificates.registrationId, registrationId)).limit(1);
  return row;
}

/** Bulk insert (release of a sitting); a registration that already has a certificate is skipped. */
export async function insertCertificates(db: Db, rows: readonly NewCertificate[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 1_000) {
    const chunk = rows.slice(i, i + 1_000);
    const done = await db.insert(examCertificates).values(chunk).onConflictDoNothing({ target: examCertificates.registrationId }).returning({ id: examCertificates.id });
    inserted += done.length;
  }
  return inserted;
}

export async function updateCertificateStatus(
  db: Db,
  certificateNumber: string,
  change: { from: CertificateStatus; to: CertificateStatus; revokedAt: Date; revokedBy: string | null; reason: string },
): Promise<boolean> {
  const updated = await db
    .update(examCertificates)
    .set({ status: change.to, revokedAt: change.revokedAt, revokedBy: change.revokedBy, revokeReason: change.reason })
    .where(and(eq(examCertificates.certificateNumber, certificateNumber), eq(examCertificates.status, change.from)))
    .returning({ id: examCertificates.id });
  return updated.length === 1;
}

export type CertificateListItem = Pick<CertificateRow, 'certificateNumber' | 'examNumber' | 'holderFamilyName' | 'holderGivenName' | 'categoryNameJa' | 'categoryNameEn' | 'level' | 'passDate' | 'status' | 'issuedAt' | 'revokedAt' | 'revokeReason'>;

export async function listCertificates(db: Db, filter: { examNumber?: string; limit?: number; offset?: number }): Promise<CertificateListItem[]> {
  return db
    .select({
      certificateNumber: examCertificates.certificateNumber,
      examNumber: examCertificates.examNumber,
      holderFamilyName: examCertificates.holderFamilyName,
      holderGivenName: examCertificates.holderGivenName,
      categoryNameJa: examCertificates.categoryNameJa,
      categoryNameEn: examCertificates.categoryNameEn,
      level: examCertificates.level,
      passDate: examCertificates.passDate,
      status: examCertificates.status,
      issuedAt: examCertificates.issuedAt,
      revokedAt: examCertificates.revokedAt,
      revokeReason: examCertificates.revokeReason,
    })
    .from(examCertificates)
    .where(filter.examNumber ? sql`${examCertificates.examNumber} LIKE ${`${filter.examNumber}%`}` : undefined)
    .orderBy(desc(examCertificates.issuedAt), examCertificates.certificateNumber)
    .limit(Math.min(filter.limit ?? 50, 500))
    .offset(filter.offset ?? 0);
}
