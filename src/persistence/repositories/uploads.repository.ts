// Uploaded files (bytes in bytea: see migration 0010 for why). Listing never reads the bytes.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../database.js';
import { uploads, type UploadContentType, type UploadPurpose, type UploadScanStatus } from '../schema/join-evidence.js';

export type UploadMeta = Omit<typeof uploads.$inferSelect, 'content'>;
export type UploadRow = typeof uploads.$inferSelect;

const metaColumns = {
  id: uploads.id,
  organisationId: uploads.organisationId,
  uploadedBy: uploads.uploadedBy,
  purpose: uploads.purpose,
  kind: uploads.kind,
  filename: uploads.filename,
  contentType: uploads.contentType,
  sizeBytes: uploads.sizeBytes,
  sha256: uploads.sha256,
  scanStatus: uploads.scanStatus,
  scanner: uploads.scanner,
  scanDetail: uploads.scanDetail,
  createdAt: uploads.createdAt,
};

export async function insertUpload(
  db: Db,
  u: {
    organisationId: string;
    uploadedBy: string | null;
    purpose: UploadPurpose;
    kind: string;
    filename: string;
    contentType: UploadContentType;
    sizeBytes: number;
    sha256: string;
    content: Buffer;
    scanStatus: UploadScanStatus;
    scanner: string;
    scanDetail: string | null;
    createdAt: Date;
  },
): Promise<UploadMeta> {
  const [row] = await db.insert(uploads).values(u).returning(metaColumns);
  if (!row) throw new Error('insert uploads returned no row');
  return row;
}

export async function findUploadMeta(db: Db, id: string): Promise<UploadMeta | undefined> {
  const [row] = await db.select(metaColumns).from(uploads).where(eq(uploads.id, id)).limit(1);
  return row;
}

export async function findUploadWithContent(db: Db, id: string): Promise<UploadRow | undefined> {
  const [row] = await db.select().from(uploads).where(eq(uploads.id, id)).limit(1);
  return row;
}

export async function listUploadsMeta(db: Db, ids: readonly string[]): Promise<UploadMeta[]> {
  if (ids.length === 0) return [];
  return db.select(metaColumns).from(uploads).where(inArray(uploads.id, [...ids]));
}

export async function listUploadsOfOrganisation(db: Db, organisationId: string, purpose: UploadPurpose): Promise<UploadMeta[]> {
  return db
    .select(metaColumns)
    .from(uploads)
    .where(and(eq(uploads.organisationId, organisationId), eq(uploads.purpose, purpose)))
    .orderBy(desc(uploads.createdAt))
    .limit(500);
}
