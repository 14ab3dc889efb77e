import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_TOKEN_SCOPES } from '../../../../domain/accounts/api-token-format.js';
import { createApiToken } from '../../../../domain/accounts/create-api-token.js';
import { listApiTokens } from '../../../../domain/accounts/list-api-tokens.js';
import { revokeApiToken } from '../../../../domain/accounts/revoke-api-token.js';
import type { ApiTokenListItem } from '../../../../persistence/repositories/api-tokens.repository.js';
import type { AppDeps } from '../../../app.js';
import { useCaseContext } from '../../../pages/accounts/request-context.js';

const ApiToken = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  name: z.string(),
  prefix: z.string().meta({ description: 'The `jz_<prefix>_` part of the token, to tell tokens apart. The secret is never returned again.' }),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const toJson = (t: ApiTokenListItem): z.infer<typeof ApiToken> => ({
  id: t.id,
  organisationId: t.organisationId,
  name: t.name,
  prefix: t.tokenPrefix,
  scopes: t.scopes,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/** API tokens of the caller's organisations (company admins and support-organisation members, signed in). */
export const apiTokenRoutes = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/api-tokens',
    {
      config: { policy: 'api_tokens.manage' },
      schema: {
        tags: ['accounts'],
        summary: 'Create an API token (the token is in this response only)',
        body: z.object({
          organisationId: z.uuid(),
          name: z.string().min(1).max(100),
          scopes: z.array(z.enum(API_TOKEN_SCOPES)).min(1),
          expiresAt: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 201: ApiToken.extend({ token: z.string().meta({ description: '`jz_<prefix>_<secret>`: send as `Authorization: Bearer <token>`.' }) }) },
      },
    },
    async (request, reply) => {
      const { token, record } = await createApiToken(useCaseContext(request, deps), request.body);
      return reply.status(201).send({ ...toJson(record), token });
    },
  );
  api.get(
    '/api/v1/api-tokens',
    { config: { policy: 'api_tokens.manage' }, schema: { tags: ['accounts'], summary: "List the API tokens of the caller's organisations", response: { 200: z.object({ items: z.array(ApiToken) }) } } },
    async (request) => ({ items: (await listApiTokens(useCaseContext(request, deps))).map(toJson) }),
  );
  api.delete(
    '/api/v1/api-tokens/:id',
    { config: { policy: 'api_tokens.manage' }, schema: { tags: ['accounts'], summary: 'Revoke an API token', params: z.object({ id: z.uuid() }), response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeApiToken(useCaseContext(request, deps), { id: request.params.id });
      return reply.status(204).send(null);
    },
  );
};
