// Fee payments (idempotent by key) and the accounts direct debits are drawn on.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../database.js';
import { organisations } from '../schema/organisations.js';
import { feeDebitAccounts, feePayments, type FeePayerKind, type FeePaymentMethod } from '../schema/renewal-fees.js';

export type PaymentRow = typeof feePayments.$inferSelect;
export type DebitAccountRow = typeof feeDebitAccounts.$inferSelect;

export type NewPayment = {
  invoiceId: string;
  amountYen: number;
  method: FeePaymentMethod;
  paidOn: string;
  payerKind: FeePayerKind;
  payerOrganisationId: string;
  reference: string | null;
  idempotencyKey: string;
  receiptNumber: string;
  recordedBy: string | null;
  at: Date;
};

/** Inserts the payment; with a key already used, inserts nothing and returns undefined (the caller reads the first). */
export async function insertPayment(db: Db, p: NewPayment): Promise<PaymentRow | undefined> {
  const { at, ...values } = p;
  const [row] = await db.insert(feePayments).values({ ...values, createdAt: at }).onConflictDoNothing({ target: feePayments.idempotencyKey }).returning();
  return row;
}

export async function findPaymentByKey(db: Db, idempotencyKey: string): Promise<PaymentRow | undefined> {
  const [row] = await db.select().from(feePayments).where(eq(feePayments.idempotencyKey, idempotencyKey)).limit(1);
  return row;
}

export async function findPayment(db: Db, id: string): Promise<(PaymentRow & { payerName: string }) | undefined> {
  const [row] = await db
    .select({ payment: feePayments, payerName: organisations.name })
    .from(feePayments)
    .innerJoin(organisations, eq(organisations.id, feePayments.payerOrganisationId))
    .where(eq(feePayments.id, id))
    .limit(1);
  return row ? { ...row.payment, payerName: row.payerName } : undefined;
}

export async function listPaymentsOfInvoice(db: Db, invoiceId: string): Promise<(PaymentRow & { payerName: string })[]> {
  const rows = await db
    .select({ payment: feePayments, payerName: organisations.name })
    .from(feePayments)
    .innerJoin(organisations, eq(organisations.id, feePayments.payerOrganisationId))
    .where(eq(feePayments.invoiceId, invoiceId))
    .orderBy(asc(feePayments.createdAt));
  return rows.map((r) => ({ ...r.payment, payerName: r.payerName }));
}

export type DebitAccountInput = Omit<DebitAccountRow, 'id' | 'createdAt' | 'updatedAt'>;

/** One account per member organisation: registering again replaces the details (the audit trail keeps the old ones). */
export async function upsertDebitAccount(db: Db, a: DebitAccountInput, at: Date): Promise<DebitAccountRow> {
  const [row] = await db
    .insert(feeDebitAccounts)
    .values({ ...a, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({ target: feeDebitAccounts.organisationId, set: { ...a } })
    .returning();
  if (!row) throw new Error('upsert fee_debit_accounts returned no row');
  return row;
}

export async function findDebitAccount(db: Db, organisationId: string): Promise<DebitAccountRow | undefined> {
  const [row] = await db.select().from(feeDebitAccounts).where(eq(feeDebitAccounts.organisationId, organisationId)).limit(1);
  return row;
}

export async function listDebitAccounts(db: Db, organisationIds: string[]): Promise<DebitAccountRow[]> {
  if (organisationIds.length === 0) return [];
  return db.select().from(feeDebitAccounts).where(inArray(feeDebitAccounts.organisationId, organisationIds));
}
