import type { FastifyInstance, FastifyRequest } from 'fastify';
import { registerOrganisation } from '../../../domain/membership/register-organisation.js';
import type { AppDeps } from '../../app.js';
import { formErrorsOf } from '../accounts/request-context.js';
import { forgetRecovered, formBody, membershipContext, prefectureOptions, recoveredValues } from './helpers.js';

/** /organisations/new: a signed-in user registers their company (accepting_company) and becomes its administrator. */
export const organisationRegisterPage = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const render = (request: FastifyRequest, values: Record<string, unknown>, errors?: unknown) =>
    ({ pageTitle: request.t('membership:organisation.new.title'), values, errors, prefectures: prefectureOptions(request.lang) });

  app.get('/organisations/new', { config: { policy: 'organisation.register' } }, async (request, reply) =>
    reply.view('pages/membership/organisation-new.njk', render(request, await recoveredValues(request, deps))),
  );

  app.post('/organisations/new', { config: { policy: 'organisation.register', rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = formBody(request);
    try {
      const { organisationId } = await registerOrganisation(membershipContext(request, deps), body);
      await forgetRecovered(request, deps);
      return reply.redirect(`/organisations/${organisationId}?registered=1`, 303);
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      reply.status(400);
      return reply.view('pages/membership/organisation-new.njk', render(request, body, errors));
    }
  });
};
