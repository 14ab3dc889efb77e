import { organisationsOf } from '../access/actor.js';
import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { listOrganisationsByIds, type OrganisationRow } from '../../persistence/repositories/organisations.repository.js';

/** The accepting companies the signed-in user acts for (own roles and delegations). */
export const listMyCompanies = async (ctx: UseCaseContext): Promise<OrganisationRow[]> => {
  authorize(ctx.actor, 'account.self');
  return listOrganisationsByIds(ctx.db, organisationsOf(ctx.actor), 'accepting_company');
};
