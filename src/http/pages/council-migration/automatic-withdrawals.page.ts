import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AUTOMATIC_WITHDRAWAL_OUTCOMES, listAutomaticCouncilWithdrawals, type AutomaticWithdrawalQuery } from '../../../domain/council-migration/list-automatic-withdrawals.js';
import type { AppDeps } from '../../app.js';
import { formErrorsOf, useCaseContext } from '../accounts/request-context.js';

const japanTime = (d: Date): string => new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' }).format(d);

const queryOf = (request: FastifyRequest): AutomaticWithdrawalQuery => {
  const q = (request.query ?? {}) as Record<string, unknown>;
  const text = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : undefined);
  return { from: text('from'), to: text('to'), outcome: text('outcome'), page: text('page') };
};

/** The link to another page of the same filter. */
const pageHref = (filter: { from: string; to: string; outcome: string }, page: number): string => {
  const p = new URLSearchParams();
  if (filter.from) p.set('from', filter.from);
  if (filter.to) p.set('to', filter.to);
  if (filter.outcome) p.set('outcome', filter.outcome);
  p.set('page', String(page));
  return `/staff/council-migration/automatic-withdrawals?${p.toString()}`;
};

/** M11, read-only: the council listings the automatic-withdrawal job ended, with the provision it applied. */
export const automaticWithdrawalsPage = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/staff/council-migration/automatic-withdrawals', { config: { policy: 'council_migration.manage' } }, async (request, reply) => {
    const q = queryOf(request);
    const outcomes = [
      { value: '', label: request.t('council-migration:automaticWithdrawals.outcomeAll') },
      ...AUTOMATIC_WITHDRAWAL_OUTCOMES.map((o) => ({ value: o, label: request.t(`council-migration:automaticWithdrawals.outcomes.${o}`) })),
    ];
    const base = { pageTitle: request.t('council-migration:automaticWithdrawals.title'), outcomes, values: q, searched: Boolean(q.from || q.to || q.outcome) };
    try {
      const r = await listAutomaticCouncilWithdrawals(useCaseContext(request, deps), q);
      return reply.view('pages/council-migration/automatic-withdrawals.njk', {
        ...base,
        values: r.filter,
        result: {
          total: r.total,
          page: r.page,
          pageCount: r.pageCount,
          prevHref: r.page > 1 ? pageHref(r.filter, r.page - 1) : null,
          nextHref: r.page < r.pageCount ? pageHref(r.filter, r.page + 1) : null,
          items: r.items.map((i) => ({
            ...i,
            recordedAtLabel: japanTime(i.recordedAt),
            outcomeLabel: (AUTOMATIC_WITHDRAWAL_OUTCOMES as readonly string[]).includes(i.outcome) ? request.t(`council-migration:automaticWithdrawals.outcomes.${i.outcome}`) : i.outcome,
            messageText: i.message ? i.message[request.lang] : i.reason,
          })),
        },
      });
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      reply.status(400);
      return reply.view('pages/council-migration/automatic-withdrawals.njk', { ...base, errors });
    }
  });
};
