import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_TOKEN_SCOPES } from '../../../domain/accounts/api-token-format.js';
import { createApiToken } from '../../../domain/accounts/create-api-token.js';
import { listApiTokens, tokenOrganisationsOf } from '../../../domain/accounts/list-api-tokens.js';
import { revokeApiToken } from '../../../domain/accounts/revoke-api-token.js';
import { listMyOrganisations } from '../../../domain/accounts/list-my-organisations.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, formErrorsOf, useCaseContext } from './request-context.js';

// /account/api-tokens: organisation admins create (the token is shown once), list and revoke API tokens.

export const apiTokenPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const render = async (request: FastifyRequest, reply: FastifyReply, data: Record<string, unknown> = {}) => {
    const ctx = useCaseContext(request, deps);
    const manageable = new Set(tokenOrganisationsOf(ctx));
    const organisations = (await listMyOrganisations(ctx)).filter((o) => manageable.has(o.id));
    const tokens = await listApiTokens(ctx);
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    const now = deps.services.clock.now();
    return reply.view('pages/accounts/api-tokens.njk', {
      pageTitle: request.t('accounts:apiTokens.title'),
      organisations,
      organisationItems: organisations.map((o) => ({ value: o.id, label: o.name })),
      scopes: API_TOKEN_SCOPES.map((s) => ({ value: s, label: request.t(`accounts:apiTokens.scope.${s}`) })),
      tokens: tokens.map((t) => ({
        ...t,
        organisationName: names.get(t.organisationId) ?? t.organisationId,
        status: t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt <= now ? 'expired' : 'active',
      })),
      values: {},
      ...data,
    });
  };

  app.get('/account/api-tokens', { config: { policy: 'api_tokens.manage' } }, async (request, reply) => render(request, reply));

  app.post('/account/api-tokens', { config: { policy: 'api_tokens.manage' } }, async (request, reply) => {
    const raw = (request.body ?? {}) as Record<string, unknown>;
    const body = bodyOf(request);
    const scopes = Array.isArray(raw.scopes) ? raw.scopes : raw.scopes ? [raw.scopes] : [];
    try {
      const { token, record } = await createApiToken(useCaseContext(request, deps), {
        organisationId: body.organisationId ?? '',
        name: body.name ?? '',
        scopes: scopes as never,
        ...(body.expiresOn ? { expiresAt: `${body.expiresOn}T23:59:59+09:00` } : {}),
      });
      return render(request, reply, { created: { token, name: record.name } });
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      reply.status(400);
      return render(request, reply, { errors, values: { name: body.name, organisationId: body.organisationId, scopes, expiresOn: body.expiresOn } });
    }
  });

  app.post('/account/api-tokens/:id/revoke', { config: { policy: 'api_tokens.manage' } }, async (request, reply) => {
    await revokeApiToken(useCaseContext(request, deps), { id: (request.params as { id: string }).id });
    return reply.redirect('/account/api-tokens?revoked=1', 303);
  });
};
