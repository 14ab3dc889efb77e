import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { applyChangeNotice } from '../../../domain/membership-changes/apply-change-notice.js';
import { CHANGE_NOTICE_STATE_LABELS, CHANGE_NOTICE_STATE_TAGS } from '../../../domain/membership-changes/change-notice.states.js';
import { getChangeNotice, listChangeNoticeQueue } from '../../../domain/membership-changes/get-change-notice.js';
import type { AppDeps } from '../../app.js';
import { detailRows } from './member.page.js';
import { deliverMail, flashFrom, formBody, handleForm, lifecycleContext, lockOf, paramId, when } from './helpers.js';
import { refuseChangeNotice } from '../../../domain/membership-changes/refuse-change-notice.js';

/** The secretariat's change-notice queue and decisions, and the lifecycle staff index. */
export const staffChangePages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/staff/lifecycle', { config: { policy: 'membership_change.review' } }, async (request, reply) =>
    reply.view('pages/membership-lifecycle/staff-index.njk', { pageTitle: request.t('membership-lifecycle:staffNav.title') }),
  );

  app.get('/staff/change-notices', { config: { policy: 'membership_change.review' } }, async (request, reply) => {
    const items = await listChangeNoticeQueue(lifecycleContext(request, deps));
    return reply.view('pages/membership-lifecycle/change-queue.njk', {
      pageTitle: request.t('membership-lifecycle:change.queueTitle'),
      items: items.map((i) => ({ ...i, submittedAt: when(i.submittedAt) })),
    });
  });

  const render = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const d = await getChangeNotice(lifecycleContext(request, deps), paramId(request));
    const n = d.notice;
    return reply.view('pages/membership-lifecycle/change-notice.njk', {
      pageTitle: request.t('membership-lifecycle:change.detailTitle'),
      n,
      organisationName: d.organisationName,
      establishmentName: d.establishmentName,
      mergerTarget: d.mergerTarget,
      status: { label: CHANGE_NOTICE_STATE_LABELS[n.status][request.lang], tag: CHANGE_NOTICE_STATE_TAGS[n.status] },
      submittedAt: when(n.submittedAt),
      rows: detailRows(request, n.details),
      canReview: d.canReview,
      canWithdraw: false,
      backHref: '/staff/change-notices',
      values: {},
      ...flashFrom(request, 'change', ['apply', 'refuse']),
      ...extra,
    });
  };

  app.get('/staff/change-notices/:id', { config: { policy: 'membership_change.review' } }, async (request, reply) => render(request, reply));

  app.post('/staff/change-notices/:id/:action', { config: { policy: 'membership_change.review' } }, async (request, reply) => {
    const action = (request.params as Record<string, string>).action;
    if (action !== 'apply' && action !== 'refuse') return reply.callNotFound();
    const body = formBody(request);
    const ctx = lifecycleContext(request, deps);
    const id = paramId(request);
    const r = await handleForm(
      request,
      reply,
      () => (action === 'apply' ? applyChangeNotice(ctx, id, lockOf(body)) : refuseChangeNotice(ctx, id, lockOf(body), body.reason)),
      (extra) => render(request, reply, extra),
      body,
    );
    if (!r.ok) return r.response;
    deliverMail(request, deps);
    return reply.redirect(`/staff/change-notices/${id}?done=${action}`, 303);
  });
};
