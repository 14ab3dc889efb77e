import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { grantDelegation } from '../../../domain/accounts/grant-delegation.js';
import { listMyOrganisations } from '../../../domain/accounts/list-my-organisations.js';
import { listDelegations } from '../../../domain/accounts/list-delegations.js';
import { revokeDelegation } from '../../../domain/accounts/revoke-delegation.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, formErrorsOf, useCaseContext } from './request-context.js';

// /account/delegations: a company admin lets a registered support organisation act for the company, or stops it.

export const delegationPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const render = async (request: FastifyRequest, reply: FastifyReply, data: Record<string, unknown> = {}) => {
    const ctx = useCaseContext(request, deps);
    const companies = (await listMyOrganisations(ctx)).filter((o) => o.roles.includes('company_admin'));
    return reply.view('pages/accounts/delegations.njk', {
      pageTitle: request.t('accounts:delegations.title'),
      companies,
      companyItems: companies.map((c) => ({ value: c.id, label: c.name })),
      delegations: await listDelegations(ctx),
      values: {},
      ...data,
    });
  };

  app.get('/account/delegations', { config: { policy: 'delegation.manage' } }, async (request, reply) => render(request, reply));

  app.post('/account/delegations', { config: { policy: 'delegation.manage' } }, async (request, reply) => {
    const body = bodyOf(request);
    try {
      await grantDelegation(useCaseContext(request, deps), { companyOrganisationId: body.companyOrganisationId ?? '', supportOrganisation: (body.supportOrganisation ?? '').replace(/[\s-]/g, '') });
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      reply.status(400);
      return render(request, reply, { errors, values: body });
    }
    return reply.redirect('/account/delegations?granted=1', 303);
  });

  app.post('/account/delegations/:id/revoke', { config: { policy: 'delegation.manage' } }, async (request, reply) => {
    await revokeDelegation(useCaseContext(request, deps), { id: (request.params as { id: string }).id });
    return reply.redirect('/account/delegations?revoked=1', 303);
  });
};
