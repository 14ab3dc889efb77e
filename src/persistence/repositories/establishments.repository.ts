// Establishments (事業所): membership is per establishment.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../database.js';
import { establishments } from '../schema/organisations.js';

export type EstablishmentRow = typeof establishments.$inferSelect;
export type NewEstablishment = {
  organisationId: string;
  name: string;
  nameKana: string | null;
  postalCode: string | null;
  prefecture: string | null;
  address: string | null;
  jsicCodes: string[];
  createdAt?: Date;
};

export async function insertEstablishment(db: Db, e: NewEstablishment): Promise<EstablishmentRow> {
  const [row] = await db
    .insert(establishments)
    .values({ ...e, ...(e.createdAt ? { createdAt: e.createdAt, updatedAt: e.createdAt } : {}) })
    .returning();
  if (!row) throw new Error('insert establishments returned no row');
  return row;
}

export async function findEstablishment(db: Db, id: string): Promise<EstablishmentRow | undefined> {
  const [row] = await db.select().from(establishments).where(eq(establishments.id, id)).limit(1);
  return row;
}

export async function listEstablishmentsOf(db: Db, organisationId: string): Promise<EstablishmentRow[]> {
  return db.select().from(establishments).where(eq(establishments.organisationId, organisationId)).orderBy(asc(establishments.createdAt), asc(establishments.name));
}
