// Withdrawal notices (council art.13) and the member's SSW headcount per establishment.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../database.js';
import { withdrawalEstablishments, withdrawals, type WithdrawalScope, type WithdrawalStatus } from '../schema/membership-lifecycle.js';
import { establishments, organisations } from '../schema/organisations.js';

export type WithdrawalRow = typeof withdrawals.$inferSelect;
export type WithdrawalEstablishmentItem = { establishmentId: string; establishmentName: string; sswEmployed: number };

export type NewWithdrawal = {
  organisationId: string;
  scope: WithdrawalScope;
  status: WithdrawalStatus;
  effectiveFrom: string;
  determination: unknown;
  refundDetermination: unknown;
  reason: string | null;
  notifiedBy: string | null;
  notifiedAt: Date;
  idempotencyKey: string | null;
  establishments: { establishmentId: string; sswEmployed: number }[];
};

export async function insertWithdrawal(db: Db, w: NewWithdrawal): Promise<WithdrawalRow> {
  const { establishments: items, ...row } = w;
  const [inserted] = await db
    .insert(withdrawals)
    .values({ ...row, createdAt: w.notifiedAt, updatedAt: w.notifiedAt })
    .returning();
  if (!inserted) throw new Error('insert withdrawals returned no row');
  if (items.length) await db.insert(withdrawalEstablishments).values(items.map((i) => ({ withdrawalId: inserted.id, ...i })));
  return inserted;
}

export async function findWithdrawal(db: Db, id: string): Promise<(WithdrawalRow & { organisationName: string; items: WithdrawalEstablishmentItem[] }) | undefined> {
  const [row] = await db
    .select({ w: withdrawals, organisationName: organisations.name })
    .from(withdrawals)
    .innerJoin(organisations, eq(organisations.id, withdrawals.organisationId))
    .where(eq(withdrawals.id, id))
    .limit(1);
  if (!row) return undefined;
  const items = await db
    .select({ establishmentId: withdrawalEstablishments.establishmentId, establishmentName: establishments.name, sswEmployed: withdrawalEstablishments.sswEmployed })
    .from(withdrawalEstablishments)
    .innerJoin(establishments, eq(establishments.id, withdrawalEstablishments.establishmentId))
    .where(eq(withdrawalEstablishments.withdrawalId, id))
    .orderBy(asc(establishments.name));
  return { ...row.w, organisationName: row.organisationName, items };
}

export async function findWithdrawalByIdempotencyKey(db: Db, key: string): Promise<WithdrawalRow | undefined> {
  const [row] = await db.select().from(withdrawals).where(eq(withdrawals.idempotencyKey, key)).limit(1);
  return row;
}

export type WithdrawalListItem = { id: string; organisationId: string; organisationName: string; scope: WithdrawalScope; status: WithdrawalStatus; effectiveFrom: string; notifiedAt: Date };

export async function listWithdrawals(db: Db, filter: { organisationId?: string } = {}): Promise<WithdrawalListItem[]> {
  return db
    .select({
      id: withdrawals.id,
      organisationId: withdrawals.organisationId,
      organisationName: organisations.name,
      scope: withdrawals.scope,
      status: withdrawals.status,
      effectiveFrom: withdrawals.effectiveFrom,
      notifiedAt: withdrawals.notifiedAt,
    })
    .from(withdrawals)
    .innerJoin(organisations, eq(organisations.id, withdrawals.organisationId))
    .where(filter.organisationId ? and(eq(withdrawals.organisationId, filter.organisationId)) : undefined)
    .orderBy(desc(withdrawals.notifiedAt))
    .limit(500);
}
