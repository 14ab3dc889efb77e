import { authorize } from '../access/policies.js';
import { listActiveDelegations, type DelegationListItem } from '../../persistence/repositories/delegations.repository.js';
import type { UseCaseContext } from './context.js';

/** Active delegations of the companies the actor administers. */
export const listDelegations = async (ctx: UseCaseContext): Promise<DelegationListItem[]> => {
  authorize(ctx.actor, 'delegation.manage');
  if (ctx.actor.kind !== 'user') return [];
  const companies = ctx.actor.roles.filter((g) => g.role === 'company_admin').map((g) => g.organisationId);
  return listActiveDelegations(ctx.db, companies);
};
