import { hasRole, organisationsOf } from '../access/actor.js';
import { authorize } from '../access/policies.js';
import { listApiTokens as listRows, type ApiTokenListItem } from '../../persistence/repositories/api-tokens.repository.js';
import type { UseCaseContext } from './context.js';

/** The organisations whose tokens the actor manages (where the actor is a company admin or support-organisation member). */
export const tokenOrganisationsOf = (ctx: UseCaseContext): string[] =>
  ctx.actor.kind === 'user'
    ? [...new Set(ctx.actor.roles.filter((g) => g.role === 'company_admin' || g.role === 'support_org_member').map((g) => g.organisationId))]
    : [];

export const listApiTokens = async (ctx: UseCaseContext): Promise<ApiTokenListItem[]> => {
  authorize(ctx.actor, 'api_tokens.manage');
  const orgs = tokenOrganisationsOf(ctx).filter((id) => organisationsOf(ctx.actor).includes(id));
  if (!hasRole(ctx.actor, 'company_admin', 'support_org_member')) return [];
  return listRows(ctx.db, orgs);
};
