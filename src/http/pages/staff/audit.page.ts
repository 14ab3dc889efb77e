import type { FastifyInstance } from 'fastify';
import { searchAuditTrail } from '../../../domain/accounts/search-audit-trail.js';
import type { AppDeps } from '../../app.js';
import { useCaseContext } from '../accounts/request-context.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** /staff/audit: search the audit trail by action, actor, target, date range (Japan time), newest first, paged. */
export const staffAuditPage = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/staff/audit', { config: { policy: 'audit.read' } }, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const filters = {
      action: str(q.action),
      actor: str(q.actor),
      targetType: str(q.targetType),
      targetId: str(q.targetId),
      from: str(q.from) && DATE.test(str(q.from)!) ? str(q.from) : undefined,
      to: str(q.to) && DATE.test(str(q.to)!) ? str(q.to) : undefined,
      text: str(q.text),
    };
    const before = Number(str(q.before));
    const result = await searchAuditTrail(useCaseContext(request, deps), filters, Number.isInteger(before) && before > 0 ? before : undefined);
    const params = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => e[1] !== undefined));
    if (result.nextBeforeSeq) params.set('before', String(result.nextBeforeSeq));
    return reply.view('pages/staff/audit.njk', {
      pageTitle: request.t('staff:audit.title'),
      filters,
      actions: result.actions,
      events: result.events.map((e) => ({ ...e, summaryText: e.summary ? JSON.stringify(e.summary) : '' })),
      nextUrl: result.nextBeforeSeq ? `/staff/audit?${params.toString()}` : undefined,
    });
  });
};
