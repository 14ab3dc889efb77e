import type { FastifyInstance } from 'fastify';
import { formatCitation, lastDayOf } from '../../../../rules/core/index.js';
import { INSTRUMENTS } from '../../../../rules/registry.js';

/** Public catalogue of every rule, its citation and the periods its versions are in force. */
export const rulesPages = async (app: FastifyInstance): Promise<void> => {
  const catalogue = INSTRUMENTS.map((instrument) => ({
    id: instrument.id,
    title: instrument.title,
    notFormalised: instrument.notFormalised ?? [],
    rules: instrument.rules.map((rule) => ({
      id: rule.id,
      title: rule.title,
      versions: rule.versions.map((v) => ({
        from: v.period.from,
        until: lastDayOf(v.period),
        citation: formatCitation(v.citation),
        uncertain: v.citation.confidence !== undefined && v.citation.confidence !== 'confirmed',
        summary: v.summary,
      })),
    })),
    determinations: instrument.determinations.map((d) => ({ id: d.id, title: d.title, description: d.description })),
  }));
  app.get('/rules', { config: { policy: 'public' } }, async (request, reply) =>
    reply.view('pages/rules.njk', { pageTitle: request.t('rules:title'), catalogue }),
  );
};
