import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../domain/access/policies.js';
import { informationHandlersCsv } from '../../../domain/accounts/information-handlers-csv.js';
import { listInformationHandlers } from '../../../domain/accounts/list-information-handlers.js';
import { registerInformationHandler } from '../../../domain/accounts/register-information-handler.js';
import { removeInformationHandler } from '../../../domain/accounts/remove-information-handler.js';
import { DomainError } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, formErrorsOf, useCaseContext } from '../accounts/request-context.js';

/** /staff/information-handlers: the named list of people who may handle non-public data (support-project-spec 4①). */
export const staffInformationHandlerPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const render = async (request: FastifyRequest, reply: FastifyReply, data: Record<string, unknown> = {}) =>
    reply.view('pages/staff/information-handlers.njk', {
      pageTitle: request.t('staff:handlers.title'),
      handlers: await listInformationHandlers(useCaseContext(request, deps)),
      canManage: can(request.actor, 'information_handlers.manage'),
      values: {},
      ...data,
    });

  app.get('/staff/information-handlers', { config: { policy: 'information_handlers.read' } }, async (request, reply) => render(request, reply));

  app.get('/staff/information-handlers.csv', { config: { policy: 'information_handlers.read' } }, async (request, reply) => {
    const csv = informationHandlersCsv(await listInformationHandlers(useCaseContext(request, deps)), request.lang);
    const date = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(deps.services.clock.now());
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="information-handlers-${date}.csv"`)
      .send(csv);
  });

  app.post('/staff/information-handlers', { config: { policy: 'information_handlers.manage' } }, async (request, reply) => {
    const body = bodyOf(request);
    try {
      await registerInformationHandler(useCaseContext(request, deps), { email: body.email ?? '', department: body.department, position: body.position });
    } catch (error) {
      const errors = formErrorsOf(error, request) ?? (error instanceof DomainError && error.code === 'conflict' ? [{ field: 'email', message: error.userMessage?.[request.lang] ?? '' }] : undefined);
      if (!errors) throw error;
      reply.status(400);
      return render(request, reply, { errors, values: body });
    }
    return reply.redirect('/staff/information-handlers?done=registered', 303);
  });

  app.post('/staff/information-handlers/:id/remove', { config: { policy: 'information_handlers.manage' } }, async (request, reply) => {
    await removeInformationHandler(useCaseContext(request, deps), { id: (request.params as { id: string }).id });
    return reply.redirect('/staff/information-handlers?done=removed', 303);
  });
};
