import { authorize } from '../access/policies.js';
import { activeRolesOfUsers, organisationsByIds, organisationsOfKinds, type OrganisationSummary } from '../../persistence/repositories/roles.repository.js';
import { listUsers, type UserListItem } from '../../persistence/repositories/users.repository.js';
import type { UseCaseContext } from './context.js';

export type UserWithRoles = UserListItem & { grants: { id: string; role: string; organisationId: string; organisationName: string }[] };

/** Users (searched by name or email) with their active role grants, and the organisations roles can be given in. */
export const listUsersWithRoles = async (ctx: UseCaseContext, filter: { text?: string }): Promise<{ users: UserWithRoles[]; organisations: OrganisationSummary[] }> => {
  authorize(ctx.actor, 'roles.manage');
  const users = await listUsers(ctx.db, { ...(filter.text ? { text: filter.text } : {}), limit: 100 });
  const grants = await activeRolesOfUsers(ctx.db, users.map((u) => u.id));
  const orgIds = [...new Set(grants.map((g) => g.organisationId))];
  const [named, staffOrgs] = await Promise.all([organisationsByIds(ctx.db, orgIds), organisationsOfKinds(ctx.db, ['secretariat', 'exam_body', 'ministry', 'support_package_operator'])]);
  const names = new Map([...named, ...staffOrgs].map((o) => [o.id, o.name]));
  const organisations = [...new Map([...staffOrgs, ...named].map((o) => [o.id, o])).values()];
  return {
    users: users.map((u) => ({
      ...u,
      grants: grants.filter((g) => g.userId === u.id).map((g) => ({ id: g.id, role: g.role, organisationId: g.organisationId, organisationName: names.get(g.organisationId) ?? g.organisationId })),
    })),
    organisations,
  };
};
