// Fee invoices: one per establishment per fiscal year (M10). Amounts are integer yen.
import { and, asc, desc, eq, exists, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { feeDebitResults } from '../schema/debit-results.js';
import { establishments, organisations } from '../schema/organisations.js';
import { feeInvoices, type FeeInvoiceStatus, type FeePaymentMethod } from '../schema/renewal-fees.js';

export type InvoiceRow = typeof feeInvoices.$inferSelect;
export type InvoiceView = InvoiceRow & { establishmentName: string; organisationName: string; corporateNumber: string | null };

export type NewInvoice = {
  organisationId: string;
  establishmentId: string;
  fiscalYear: number;
  firstYear: boolean;
  feeNoticeDate: string | null;
  issuedOn: string;
  dueOn: string;
  paymentMethod: FeePaymentMethod;
  amountYen: number;
  lines: unknown;
  determination: unknown;
  amountsAreExamples: boolean;
  renewalResponseId: string | null;
  at: Date;
};

/** Inserts the invoice unless the establishment already has one for that fiscal year (then undefined). */
export async function insertInvoice(db: Db, i: NewInvoice): Promise<InvoiceRow | undefined> {
  const { at, ...values } = i;
  const [row] = await db.insert(feeInvoices).values({ ...values, createdAt: at, updatedAt: at }).onConflictDoNothing().returning();
  return row;
}

const viewQuery = (db: Db) =>
  db
    .select({ invoice: feeInvoices, establishmentName: establishments.name, organisationName: organisations.name, corporateNumber: organisations.corporateNumber })
    .from(feeInvoices)
    .innerJoin(establishments, eq(establishments.id, feeInvoices.establishmentId))
    .innerJoin(organisations, eq(organisations.id, feeInvoices.organisationId));

type Joined = { invoice: InvoiceRow; establishmentName: string; organisationName: string; corporateNumber: string | null };
const toView = (r: Joined): InvoiceView => ({ ...r.invoice, establishmentName: r.establishmentName, organisationName: r.organisationName, corporateNumber: r.corporateNumber });

export async function findInvoice(db: Db, id: string): Promise<InvoiceView | undefined> {
  const [row] = await viewQuery(db).where(eq(feeInvoices.id, id)).limit(1);
  return row ? toView(row) : undefined;
}

/** The invoice a direct-debit customer number points to (serial = the number's last 16 digits). */
export async function findInvoiceBySerial(db: Db, serial: number): Promise<InvoiceView | undefined> {
  const [row] = await viewQuery(db).where(eq(feeInvoices.serial, serial)).limit(1);
  return row ? toView(row) : undefined;
}

export async function findInvoiceForUpdate(db: Db, id: string): Promise<InvoiceRow | undefined> {
  const [row] = await db.select().from(feeInvoices).where(eq(feeInvoices.id, id)).for('update').limit(1);
  return row;
}

/** Locks the invoices (in id order, so two transactions locking overlapping sets never deadlock). */
export async function lockInvoices(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.select({ id: feeInvoices.id }).from(feeInvoices).where(inArray(feeInvoices.id, [...ids])).orderBy(asc(feeInvoices.id)).for('update');
}

export async function findInvoiceOfEstablishment(db: Db, establishmentId: string, fiscalYear: number): Promise<InvoiceRow | undefined> {
  const [row] = await db.select().from(feeInvoices).where(and(eq(feeInvoices.establishmentId, establishmentId), eq(feeInvoices.fiscalYear, fiscalYear))).limit(1);
  return row;
}

export async function listInvoicesOfOrganisations(db: Db, organisationIds: string[]): Promise<InvoiceView[]> {
  if (organisationIds.length === 0) return [];
  return (await viewQuery(db).where(inArray(feeInvoices.organisationId, organisationIds)).orderBy(desc(feeInvoices.fiscalYear), asc(establishments.name))).map(toView);
}

export async function listInvoicesOfYear(db: Db, fiscalYear: number, limit = 500): Promise<InvoiceView[]> {
  return (await viewQuery(db).where(eq(feeInvoices.fiscalYear, fiscalYear)).orderBy(asc(organisations.name), asc(establishments.name)).limit(limit)).map(toView);
}

/**
 * Unpaid (or part-paid) invoices whose due date has passed on `today`, or whose direct debit failed (the bank's
 * result says not debited: the member must be chased even before the due date), oldest first.
 */
export async function listArrears(db: Db, today: string): Promise<InvoiceView[]> {
  const debitFailed = exists(db.select({ one: sql`1` }).from(feeDebitResults).where(and(eq(feeDebitResults.invoiceId, feeInvoices.id), ne(feeDebitResults.resultCode, '0'))));
  return (
    await viewQuery(db)
      .where(and(inArray(feeInvoices.status, ['issued', 'part_paid']), or(lt(feeInvoices.dueOn, today), debitFailed)))
      .orderBy(asc(feeInvoices.dueOn), asc(organisations.name))
      .limit(1000)
  ).map(toView);
}

/** Invoices to collect by direct debit in a fiscal year (still unpaid). */
export async function listDirectDebitDue(db: Db, fiscalYear: number): Promise<InvoiceView[]> {
  return (
    await viewQuery(db)
      .where(and(eq(feeInvoices.fiscalYear, fiscalYear), eq(feeInvoices.paymentMethod, 'direct_debit'), inArray(feeInvoices.status, ['issued', 'part_paid'])))
      .orderBy(asc(feeInvoices.serial))
  ).map(toView);
}

export async function updateInvoiceGuarded(
  db: Db,
  id: string,
  seen: number,
  set: { status: FeeInvoiceStatus; paidYen?: number; cancelReason?: string | null },
): Promise<InvoiceRow | undefined> {
  const [row] = await db
    .update(feeInvoices)
    .set({ ...set, lockVersion: sql`${feeInvoices.lockVersion} + 1` })
    .where(and(eq(feeInvoices.id, id), eq(feeInvoices.lockVersion, seen)))
    .returning();
  return row;
}
