// Role grants (user × organisation × role). Revoked grants are kept: the history stays visible.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../database.js';
import { organisations } from '../schema/organisations.js';
import { userRoles } from '../schema/users.js';
import type { OrganisationKind, Role } from '../schema/enums.js';

export type RoleGrantRow = { id: string; userId: string; role: Role; organisationId: string; grantedAt: Date };

const grantColumns = {
  id: userRoles.id,
  userId: userRoles.userId,
  role: userRoles.role,
  organisationId: userRoles.organisationId,
  grantedAt: userRoles.grantedAt,
};

export async function activeRolesOf(db: Db, userId: string): Promise<RoleGrantRow[]> {
  return db.select(grantColumns).from(userRoles).where(and(eq(userRoles.userId, userId), isNull(userRoles.revokedAt))).orderBy(asc(userRoles.grantedAt));
}

export async function activeRolesOfUsers(db: Db, userIds: string[]): Promise<RoleGrantRow[]> {
  if (userIds.length === 0) return [];
  return db.select(grantColumns).from(userRoles).where(and(inArray(userRoles.userId, userIds), isNull(userRoles.revokedAt)));
}

export async function findActiveRole(db: Db, id: string): Promise<RoleGrantRow | undefined> {
  const [row] = await db.select(grantColumns).from(userRoles).where(and(eq(userRoles.id, id), isNull(userRoles.revokedAt))).limit(1);
  return row;
}

export async function insertRoleGrant(
  db: Db,
  grant: { userId: string; role: Role; organisationId: string; grantedBy: string | null; grantedAt: Date },
): Promise<RoleGrantRow> {
  const [row] = await db.insert(userRoles).values(grant).returning(grantColumns);
  if (!row) throw new Error('insert user_roles returned no row');
  return row;
}

export async function revokeRoleGrant(db: Db, id: string, revokedBy: string | null, revokedAt: Date): Promise<boolean> {
  const rows = await db
    .update(userRoles)
    .set({ revokedAt, revokedBy })
    .where(and(eq(userRoles.id, id), isNull(userRoles.revokedAt)))
    .returning({ id: userRoles.id });
  return rows.length === 1;
}

export type OrganisationSummary = { id: string; name: string; kind: OrganisationKind; corporateNumber: string | null };

export async function organisationsByIds(db: Db, ids: string[]): Promise<OrganisationSummary[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, corporateNumber: organisations.corporateNumber })
    .from(organisations)
    .where(inArray(organisations.id, ids))
    .orderBy(asc(organisations.name));
}

/** Organisations of the given kinds (the staff role page offers the secretariat and exam bodies). */
export async function organisationsOfKinds(db: Db, kinds: OrganisationKind[], limit = 200): Promise<OrganisationSummary[]> {
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, corporateNumber: organisations.corporateNumber })
    .from(organisations)
    .where(inArray(organisations.kind, kinds))
    .orderBy(asc(organisations.name))
    .limit(limit);
}
