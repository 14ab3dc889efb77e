// Delegations: a company lets a registered support organisation act for it.
import { aliasedTable, and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../database.js';
import { delegations } from '../schema/delegations.js';
import { organisations } from '../schema/organisations.js';

/** Companies that delegated (and have not revoked) to any of these support organisations. */
export async function companiesDelegatedTo(db: Db, supportOrganisationIds: string[]): Promise<string[]> {
  if (supportOrganisationIds.length === 0) return [];
  const rows = await db
    .select({ id: delegations.companyOrganisationId })
    .from(delegations)
    .where(and(inArray(delegations.supportOrganisationId, supportOrganisationIds), isNull(delegations.revokedAt)));
  return [...new Set(rows.map((r) => r.id))];
}

export async function findOrganisationForDelegation(db: Db, idOrCorporateNumber: string): Promise<{ id: string; name: string; kind: string } | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrCorporateNumber);
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(isUuid ? eq(organisations.id, idOrCorporateNumber) : eq(organisations.corporateNumber, idOrCorporateNumber))
    .limit(1);
  return row;
}

export async function insertDelegation(
  db: Db,
  delegation: { companyOrganisationId: string; supportOrganisationId: string; grantedBy: string | null; grantedAt: Date },
): Promise<{ id: string }> {
  const [row] = await db.insert(delegations).values(delegation).returning({ id: delegations.id });
  if (!row) throw new Error('insert delegations returned no row');
  return row;
}

export async function findActiveDelegation(db: Db, id: string): Promise<{ id: string; companyOrganisationId: string; supportOrganisationId: string } | undefined> {
  const [row] = await db
    .select({ id: delegations.id, companyOrganisationId: delegations.companyOrganisationId, supportOrganisationId: delegations.supportOrganisationId })
    .from(delegations)
    .where(and(eq(delegations.id, id), isNull(delegations.revokedAt)))
    .limit(1);
  return row;
}

export async function revokeDelegation(db: Db, id: string, revokedBy: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(delegations)
    .set({ revokedAt: at, revokedBy })
    .where(and(eq(delegations.id, id), isNull(delegations.revokedAt)))
    .returning({ id: delegations.id });
  return rows.length === 1;
}

export type DelegationListItem = { id: string; companyOrganisationId: string; companyName: string; supportOrganisationId: string; supportName: string; grantedAt: Date };

export async function listActiveDelegations(db: Db, companyOrganisationIds: string[]): Promise<DelegationListItem[]> {
  if (companyOrganisationIds.length === 0) return [];
  const company = aliasedTable(organisations, 'company');
  const support = aliasedTable(organisations, 'support');
  return db
    .select({
      id: delegations.id,
      companyOrganisationId: delegations.companyOrganisationId,
      companyName: company.name,
      supportOrganisationId: delegations.supportOrganisationId,
      supportName: support.name,
      grantedAt: delegations.grantedAt,
    })
    .from(delegations)
    .innerJoin(company, eq(company.id, delegations.companyOrganisationId))
    .innerJoin(support, eq(support.id, delegations.supportOrganisationId))
    .where(and(inArray(delegations.companyOrganisationId, companyOrganisationIds), isNull(delegations.revokedAt)))
    .orderBy(desc(delegations.grantedAt));
}
