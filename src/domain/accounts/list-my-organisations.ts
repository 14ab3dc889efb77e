import { authorize } from '../access/policies.js';
import { organisationsByIds, type OrganisationSummary } from '../../persistence/repositories/roles.repository.js';
import type { UseCaseContext } from './context.js';

export type MyOrganisation = OrganisationSummary & { roles: string[]; delegated: boolean };

/** The organisations the signed-in user belongs to (with their roles) and those that delegated to them. */
export const listMyOrganisations = async (ctx: UseCaseContext): Promise<MyOrganisation[]> => {
  authorize(ctx.actor, 'account.self');
  if (ctx.actor.kind !== 'user') return [];
  const actor = ctx.actor;
  const ids = [...new Set([...actor.roles.map((g) => g.organisationId), ...actor.actingFor])];
  const rows = await organisationsByIds(ctx.db, ids);
  return rows.map((org) => ({
    ...org,
    roles: actor.roles.filter((g) => g.organisationId === org.id).map((g) => g.role),
    delegated: actor.actingFor.includes(org.id) && !actor.roles.some((g) => g.organisationId === org.id),
  }));
};
