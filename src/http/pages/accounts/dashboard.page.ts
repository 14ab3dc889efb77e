import type { FastifyInstance } from 'fastify';
import { hasRole, isStaff, organisationsOf } from '../../../domain/access/actor.js';
import { listMyOrganisations } from '../../../domain/accounts/list-my-organisations.js';
import type { AppDeps } from '../../app.js';
import { useCaseContext } from './request-context.js';

/** /dashboard: the signed-in user's organisations, their roles in each, and where to go next. */
export const dashboardPage = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/dashboard', { config: { policy: 'account.self' } }, async (request, reply) => {
    const actor = request.actor;
    const organisations = await listMyOrganisations(useCaseContext(request, deps));
    return reply.view('pages/accounts/dashboard.njk', {
      pageTitle: request.t('accounts:dashboard.title'),
      organisations,
      actingForCount: actor.kind === 'user' ? actor.actingFor.length : 0,
      hasOrganisations: organisationsOf(actor).length > 0,
      canManageTokens: hasRole(actor, 'company_admin', 'support_org_member'),
      canDelegate: hasRole(actor, 'company_admin'),
      staff: isStaff(actor),
    });
  });
};
