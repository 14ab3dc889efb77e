import type { FastifyInstance, FastifyRequest } from 'fastify';
import { japanDateOf } from '../../../../rules/core/index.js';
import { PREFECTURES } from '../../../domain/membership/prefectures.js';
import { exportRoster } from '../../../domain/roster-snapshots/export-roster.js';
import type { AppDeps } from '../../app.js';
import { formErrorsOf, useCaseContext } from '../accounts/request-context.js';
import { attachment, str } from './helpers.js';

/** /roster/export: choose a date, filters and a format; /roster/export.csv and /roster/export.pdf download. */
export const rosterExportPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const formValues = (q: Record<string, unknown>) => ({
    asOf: str(q.asOf),
    prefecture: str(q.prefecture),
    jsic: str(q.jsic),
    roster: str(q.roster),
    corporateNumber: str(q.corporateNumber),
  });
  const render = (request: FastifyRequest, values: ReturnType<typeof formValues>, errors?: unknown) =>
    ({
      pageTitle: request.t('roster-exports:export.title'),
      values: { ...values, asOf: values.asOf || japanDateOf(deps.services.clock.now()) },
      prefectures: PREFECTURES.map((p) => ({ value: p.code, label: p[request.lang] })),
      errors,
    }) as Record<string, unknown>;

  app.get('/roster/export', { config: { policy: 'roster.read' } }, async (request, reply) =>
    reply.view('pages/roster-exports/export.njk', render(request, formValues(request.query as Record<string, unknown>))),
  );

  for (const format of ['csv', 'pdf'] as const) {
    app.get(`/roster/export.${format}`, { config: { policy: 'roster.read', rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
      const q = request.query as Record<string, unknown>;
      const values = formValues(q);
      try {
        const out = await exportRoster(useCaseContext(request, deps), { ...values, format, encoding: str(q.encoding) });
        reply.header('Content-Disposition', attachment(out.filename));
        reply.header('X-Listing-Count', String(out.count));
        reply.header('Cache-Control', 'no-store');
        return reply.type(out.contentType).send(out.body);
      } catch (error) {
        const errors = formErrorsOf(error, request);
        if (!errors) throw error;
        reply.status(400);
        return reply.view('pages/roster-exports/export.njk', render(request, values, errors));
      }
    });
  }
};
