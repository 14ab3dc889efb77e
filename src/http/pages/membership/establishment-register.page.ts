import type { FastifyInstance, FastifyRequest } from 'fastify';
import { registerEstablishment } from '../../../domain/membership/register-establishment.js';
import { getOrganisation } from '../../../domain/membership/get-organisation.js';
import type { AppDeps } from '../../app.js';
import { formErrorsOf } from '../accounts/request-context.js';
import { forgetRecovered, formBody, membershipContext, paramId, prefectureOptions, recoveredValues } from './helpers.js';

/** /organisations/:id/establishments/new: add an establishment (事業所) where SSW workers are employed. */
export const establishmentRegisterPage = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const view = (request: FastifyRequest, organisation: { id: string; name: string }, values: Record<string, unknown>, errors?: unknown) => ({
    pageTitle: request.t('membership:establishment.new.title'),
    organisation,
    values,
    errors,
    prefectures: prefectureOptions(request.lang),
  });

  app.get('/organisations/:id/establishments/new', { config: { policy: 'organisation.manage' } }, async (request, reply) => {
    const { organisation } = await getOrganisation(membershipContext(request, deps), paramId(request));
    return reply.view('pages/membership/establishment-new.njk', view(request, organisation, { prefecture: organisation.prefecture, ...(await recoveredValues(request, deps)) }));
  });

  app.post('/organisations/:id/establishments/new', { config: { policy: 'organisation.manage' } }, async (request, reply) => {
    const id = paramId(request);
    const body = formBody(request);
    try {
      await registerEstablishment(membershipContext(request, deps), id, body);
      await forgetRecovered(request, deps);
      return reply.redirect(`/organisations/${id}?establishment=1`, 303);
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      const { organisation } = await getOrganisation(membershipContext(request, deps), id);
      reply.status(400);
      return reply.view('pages/membership/establishment-new.njk', view(request, organisation, body, errors));
    }
  });
};
