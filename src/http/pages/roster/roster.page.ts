import type { FastifyInstance } from 'fastify';
import { formatJapaneseDate } from '../../../../rules/core/index.js';
import { PREFECTURES, prefectureName } from '../../../domain/membership/prefectures.js';
import { searchRoster } from '../../../domain/roster/search-roster.js';
import type { AppDeps } from '../../app.js';
import { formErrorsOf } from '../accounts/request-context.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** /roster: the public roster as of any date, searchable; says which roster counted for immigration filings that day. */
export const rosterPage = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/roster', { config: { policy: 'roster.read' } }, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const values = { q: str(q.q), corporateNumber: str(q.corporateNumber), prefecture: str(q.prefecture), jsic: str(q.jsic), asOf: str(q.asOf) };
    const lang = request.lang;
    const prefectures = PREFECTURES.map((p) => ({ value: p.code, label: p[lang] }));
    const searched = Object.values(values).some(Boolean);
    try {
      const result = await searchRoster(
        { actor: request.actor, db: deps.database.db, clock: deps.services.clock },
        { ...values, page: Number(str(q.page)) || 1 },
      );
      const params = new URLSearchParams(Object.entries(values).filter(([, v]) => v) as [string, string][]);
      const pageHref = (page: number) => `/roster?${new URLSearchParams([...params, ['page', String(page)]]).toString()}`;
      return reply.view('pages/roster/roster.njk', {
        pageTitle: request.t('roster:title'),
        values,
        prefectures,
        searched,
        result: {
          ...result,
          asOfLabel: lang === 'ja' ? `${formatJapaneseDate(result.asOf)}（${result.asOf}）` : result.asOf,
          items: result.items.map((i) => ({ ...i, prefectureName: prefectureName(i.prefecture, lang) })),
          first: result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1,
          last: Math.min(result.total, result.page * result.pageSize),
          prevHref: result.page > 1 ? pageHref(result.page - 1) : undefined,
          nextHref: result.page < result.pageCount ? pageHref(result.page + 1) : undefined,
        },
      });
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      reply.status(400);
      return reply.view('pages/roster/roster.njk', { pageTitle: request.t('roster:title'), values, prefectures, errors, searched });
    }
  });
};
