import type { FastifyInstance } from 'fastify';
import { hasRole } from '../../../domain/access/actor.js';
import { getOrganisation } from '../../../domain/membership/get-organisation.js';
import { listMyCompanies } from '../../../domain/membership/list-my-companies.js';
import { prefectureName } from '../../../domain/membership/prefectures.js';
import type { AppDeps } from '../../app.js';
import { membershipContext, paramId, statusView } from './helpers.js';

/** /membership: the user's companies; /organisations/:id: one company, its establishments and join requests. */
export const organisationPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/membership', { config: { policy: 'account.self' } }, async (request, reply) => {
    const companies = await listMyCompanies(membershipContext(request, deps));
    return reply.view('pages/membership/membership.njk', { pageTitle: request.t('membership:hub.title'), companies });
  });

  app.get('/organisations/:id', { config: { policy: 'organisation.read' } }, async (request, reply) => {
    const lang = request.lang;
    const { organisation, establishments, joinRequests } = await getOrganisation(membershipContext(request, deps), paramId(request));
    const query = request.query as Record<string, unknown>;
    return reply.view('pages/membership/organisation.njk', {
      pageTitle: organisation.name,
      organisation: { ...organisation, prefectureName: prefectureName(organisation.prefecture, lang) },
      establishments: establishments.map((e) => ({ ...e, prefectureName: prefectureName(e.prefecture, lang) })),
      joinRequests: joinRequests.map((r) => ({ ...r, status: statusView(r.status, lang) })),
      canManage: hasRole(request.actor, 'company_admin', 'support_org_member'),
      flash:
        query.registered === '1'
          ? { message: request.t('membership:organisation.registeredFlash') }
          : query.establishment === '1'
            ? { message: request.t('membership:establishment.registeredFlash') }
            : undefined,
    });
  });
};
