// Direct-debit result imports (口座振替結果) and what each recorded per invoice and debit date.
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { feeDebitImports, feeDebitResults, type DebitImportStatus } from '../schema/debit-results.js';

export type DebitImportRow = typeof feeDebitImports.$inferSelect;
export type DebitImportMeta = Omit<DebitImportRow, 'content'>;
export type DebitResultRow = typeof feeDebitResults.$inferSelect;

const metaColumns = {
  id: feeDebitImports.id,
  fileName: feeDebitImports.fileName,
  sha256: feeDebitImports.sha256,
  debitDate: feeDebitImports.debitDate,
  recordCount: feeDebitImports.recordCount,
  status: feeDebitImports.status,
  report: feeDebitImports.report,
  checkedBy: feeDebitImports.checkedBy,
  decidedBy: feeDebitImports.decidedBy,
  decidedAt: feeDebitImports.decidedAt,
  lockVersion: feeDebitImports.lockVersion,
  createdAt: feeDebitImports.createdAt,
  updatedAt: feeDebitImports.updatedAt,
};

export async function insertDebitImport(
  db: Db,
  i: { fileName: string; sha256: string; content: Buffer; debitDate: string; recordCount: number; report: unknown; checkedBy: string | null; at: Date },
): Promise<DebitImportMeta> {
  const { at, ...values } = i;
  const [row] = await db.insert(feeDebitImports).values({ ...values, createdAt: at, updatedAt: at }).returning(metaColumns);
  if (!row) throw new Error('insert fee_debit_imports returned no row');
  return row;
}

export async function findDebitImport(db: Db, id: string): Promise<DebitImportRow | undefined> {
  const [row] = await db.select().from(feeDebitImports).where(eq(feeDebitImports.id, id)).limit(1);
  return row;
}

export async function listDebitImports(db: Db, limit = 50): Promise<DebitImportMeta[]> {
  return db.select(metaColumns).from(feeDebitImports).orderBy(desc(feeDebitImports.createdAt)).limit(limit);
}

/** The applied import of the same bytes, if any (the dry run says the file was applied before). */
export async function findAppliedImportBySha(db: Db, sha256: string, exceptId?: string): Promise<DebitImportMeta | undefined> {
  const [row] = await db
    .select(metaColumns)
    .from(feeDebitImports)
    .where(and(eq(feeDebitImports.sha256, sha256), eq(feeDebitImports.status, 'applied'), ...(exceptId ? [ne(feeDebitImports.id, exceptId)] : [])))
    .orderBy(desc(feeDebitImports.decidedAt))
    .limit(1);
  return row;
}

export async function updateDebitImportGuarded(
  db: Db,
  id: string,
  seen: number,
  set: { status: DebitImportStatus; report?: unknown; decidedBy: string | null; decidedAt: Date },
): Promise<DebitImportMeta | undefined> {
  const [row] = await db
    .update(feeDebitImports)
    .set({ ...set, lockVersion: sql`${feeDebitImports.lockVersion} + 1` })
    .where(and(eq(feeDebitImports.id, id), eq(feeDebitImports.lockVersion, seen)))
    .returning(metaColumns);
  return row;
}

export async function findDebitResult(db: Db, invoiceId: string, debitDate: string): Promise<DebitResultRow | undefined> {
  const [row] = await db.select().from(feeDebitResults).where(and(eq(feeDebitResults.invoiceId, invoiceId), eq(feeDebitResults.debitDate, debitDate))).limit(1);
  return row;
}

/** Records what the bank said; with a result already recorded for that invoice and date, records nothing (undefined). */
export async function insertDebitResult(
  db: Db,
  r: { importId: string; invoiceId: string; debitDate: string; customerNumber: string; amountYen: number; resultCode: string; paymentId: string | null; at: Date },
): Promise<DebitResultRow | undefined> {
  const { at, ...values } = r;
  const [row] = await db.insert(feeDebitResults).values({ ...values, createdAt: at }).onConflictDoNothing().returning();
  return row;
}

export async function listDebitResultsOfInvoice(db: Db, invoiceId: string): Promise<DebitResultRow[]> {
  return db.select().from(feeDebitResults).where(eq(feeDebitResults.invoiceId, invoiceId)).orderBy(desc(feeDebitResults.debitDate));
}

/** For each invoice, its latest debit that failed (result code other than 0). */
export async function latestDebitFailures(db: Db, invoiceIds: readonly string[]): Promise<Map<string, DebitResultRow>> {
  const out = new Map<string, DebitResultRow>();
  if (invoiceIds.length === 0) return out;
  const rows = await db
    .select()
    .from(feeDebitResults)
    .where(and(inArray(feeDebitResults.invoiceId, [...invoiceIds]), ne(feeDebitResults.resultCode, '0')))
    .orderBy(desc(feeDebitResults.debitDate));
  for (const r of rows) if (!out.has(r.invoiceId)) out.set(r.invoiceId, r);
  return out;
}
