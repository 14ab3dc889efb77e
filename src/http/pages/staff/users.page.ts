import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ROLES } from '../../../domain/access/actor.js';
import { DomainError } from '../../../domain/errors.js';
import { grantRole } from '../../../domain/accounts/grant-role.js';
import { listUsersWithRoles } from '../../../domain/accounts/list-users-with-roles.js';
import { revokeRole } from '../../../domain/accounts/revoke-role.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, useCaseContext } from '../accounts/request-context.js';

/** /staff/users: secretariat admins find users and grant or revoke roles (each change is audited). */
export const staffUsersPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const render = async (request: FastifyRequest, reply: FastifyReply, data: Record<string, unknown> = {}) => {
    const q = request.query as Record<string, unknown>;
    const text = typeof q.q === 'string' ? q.q.trim() : '';
    const { users, organisations } = await listUsersWithRoles(useCaseContext(request, deps), { text });
    return reply.view('pages/staff/users.njk', {
      pageTitle: request.t('staff:users.title'),
      q: text,
      users,
      roleItems: ROLES.map((r) => ({ value: r, text: request.t(`accounts:roles.${r}`) })),
      organisationItems: organisations.map((o) => ({ value: o.id, text: o.name })),
      ...data,
    });
  };

  app.get('/staff/users', { config: { policy: 'roles.manage' } }, async (request, reply) => render(request, reply));

  const outcome = async (request: FastifyRequest, reply: FastifyReply, action: () => Promise<unknown>, done: string) => {
    try {
      await action();
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'forbidden') throw error;
      reply.status(error.code === 'not_found' ? 404 : error.code === 'invalid' ? 400 : 409);
      const message = error.userMessage?.[request.lang] ?? request.t('staff:users.failed');
      return render(request, reply, { errors: [{ field: 'role', message }] });
    }
    return reply.redirect(`/staff/users?done=${done}`, 303);
  };

  app.post('/staff/users/:userId/roles', { config: { policy: 'roles.manage' } }, async (request, reply) => {
    const body = bodyOf(request);
    const userId = (request.params as { userId: string }).userId;
    return outcome(request, reply, () => grantRole(useCaseContext(request, deps), { userId, role: body.role ?? '', organisationId: body.organisationId ?? '' }), 'granted');
  });

  app.post('/staff/roles/:grantId/revoke', { config: { policy: 'roles.manage' } }, async (request, reply) => {
    const grantId = (request.params as { grantId: string }).grantId;
    const reason = bodyOf(request).reason;
    return outcome(request, reply, () => revokeRole(useCaseContext(request, deps), { grantId, ...(reason ? { reason } : {}) }), 'revoked');
  });
};
