// Organisations (法人・団体) as the membership module reads and writes them.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../database.js';
import { organisations } from '../schema/organisations.js';
import type { OrganisationKind } from '../schema/enums.js';

export type OrganisationRow = typeof organisations.$inferSelect;
export type NewOrganisation = {
  kind: OrganisationKind;
  name: string;
  nameKana: string | null;
  corporateNumber: string | null;
  postalCode: string | null;
  prefecture: string | null;
  address: string | null;
  representativeName: string | null;
  createdAt?: Date;
};

export async function insertOrganisation(db: Db, o: NewOrganisation): Promise<OrganisationRow> {
  const [row] = await db
    .insert(organisations)
    .values({ ...o, ...(o.createdAt ? { createdAt: o.createdAt, updatedAt: o.createdAt } : {}) })
    .returning();
  if (!row) throw new Error('insert organisations returned no row');
  return row;
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return row;
}

export async function findOrganisationByCorporateNumber(db: Db, corporateNumber: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.corporateNumber, corporateNumber)).limit(1);
  return row;
}

export async function listOrganisationsByIds(db: Db, ids: string[], kind?: OrganisationKind): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(organisations)
    .where(kind ? and(inArray(organisations.id, ids), eq(organisations.kind, kind)) : inArray(organisations.id, ids))
    .orderBy(asc(organisations.name));
}

export async function countOrganisations(db: Db): Promise<number> {
  const rows = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return rows.length;
}
