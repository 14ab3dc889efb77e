import type { FastifyInstance } from 'fastify';
import { readOutbox, readOutboxEmail } from '../../../domain/mail/read-outbox.js';
import type { AppDeps } from '../../app.js';
import { useCaseContext } from '../accounts/request-context.js';

/** /staff/outbox: every mail the system has written (the development mail catcher when no SMTP is configured). */
export const staffOutboxPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/staff/outbox', { config: { policy: 'outbox.read' } }, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const to = typeof q.to === 'string' && q.to.trim() ? q.to.trim() : undefined;
    const page = Math.max(1, Number(q.page) || 1);
    const mails = await readOutbox(useCaseContext(request, deps), { ...(to ? { to } : {}), page });
    return reply.view('pages/staff/outbox.njk', {
      pageTitle: request.t('staff:outbox.title'),
      mails,
      to,
      delivers: deps.services.mailer.delivers,
      nextUrl: mails.length === 50 ? `/staff/outbox?${new URLSearchParams({ ...(to ? { to } : {}), page: String(page + 1) })}` : undefined,
    });
  });
  app.get('/staff/outbox/:id', { config: { policy: 'outbox.read' } }, async (request, reply) => {
    const mail = await readOutboxEmail(useCaseContext(request, deps), (request.params as { id: string }).id);
    return reply.view('pages/staff/outbox-email.njk', { pageTitle: mail.subject, mail });
  });
};
