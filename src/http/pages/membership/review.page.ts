import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { approveJoinRequest } from '../../../domain/membership/approve-join-request.js';
import { getJoinRequest } from '../../../domain/membership/get-join-request.js';
import { listReviewQueue } from '../../../domain/membership/list-review-queue.js';
import { prefectureName } from '../../../domain/membership/prefectures.js';
import { refuseJoinRequest } from '../../../domain/membership/refuse-join-request.js';
import { requestJoinCorrection } from '../../../domain/membership/request-join-correction.js';
import { startReview } from '../../../domain/membership/start-review.js';
import { Conflict } from '../../../domain/errors.js';
import { can } from '../../../domain/access/policies.js';
import { REFUSAL_GROUNDS } from '../../../domain/membership/refusal-grounds.js';
import type { AppDeps } from '../../app.js';
import { deliverMail, formErrorsOf } from '../accounts/request-context.js';
import { joinRequestView } from './join-request.page.js';
import { formBody, membershipContext, paramId, statusView } from './helpers.js';

const ACTIONS = ['start-review', 'approve', 'refuse', 'request-correction'] as const;
type Action = (typeof ACTIONS)[number];

/** The secretariat's review queue (in order of receipt) and the decision page for one request. */
export const reviewPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/staff/join-requests', { config: { policy: 'join_request.review' } }, async (request, reply) => {
    const items = await listReviewQueue(membershipContext(request, deps));
    return reply.view('pages/membership/review-queue.njk', {
      pageTitle: request.t('membership:review.queueTitle'),
      items: items.map((i) => ({ ...i, status: statusView(i.status, request.lang), prefectureName: prefectureName(i.prefecture, request.lang) })),
    });
  });

  const renderDetail = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const detail = await getJoinRequest(membershipContext(request, deps), paramId(request));
    return reply.view('pages/membership/review-detail.njk', {
      pageTitle: request.t('membership:review.detailTitle'),
      jr: joinRequestView(request, detail),
      canDownload: can(request.actor, 'join_request.read_any'),
      groundItems: REFUSAL_GROUNDS.map((g) => ({ value: g.id, label: `${g.label[request.lang]}（${g.citation}）` })),
      ...extra,
    });
  };

  app.get('/staff/join-requests/:id', { config: { policy: 'join_request.review' } }, async (request, reply) => {
    const done = (request.query as Record<string, unknown>).done;
    return renderDetail(request, reply, typeof done === 'string' && (ACTIONS as readonly string[]).includes(done) ? { flash: { message: request.t(`membership:review.done.${done}`) } } : {});
  });

  app.post('/staff/join-requests/:id/:action', { config: { policy: 'join_request.review' } }, async (request, reply) => {
    const action = (request.params as Record<string, string>).action as Action;
    if (!(ACTIONS as readonly string[]).includes(action)) return reply.callNotFound();
    const id = paramId(request);
    const body = formBody(request);
    const lockVersion = Number(body.lockVersion);
    const ctx = membershipContext(request, deps);
    try {
      if (action === 'start-review') await startReview(ctx, id, lockVersion);
      else if (action === 'approve') await approveJoinRequest(ctx, id, lockVersion);
      else if (action === 'refuse') await refuseJoinRequest(ctx, id, lockVersion, body.reason, body.grounds ?? []);
      else await requestJoinCorrection(ctx, id, lockVersion, body.correctionReason);
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (errors) {
        reply.status(400);
        return renderDetail(request, reply, { errors, values: body });
      }
      if (error instanceof Conflict && error.userMessage) {
        reply.status(409);
        return renderDetail(request, reply, { flash: { kind: 'error', message: error.userMessage[request.lang] } });
      }
      throw error;
    }
    deliverMail(request, deps);
    return reply.redirect(`/staff/join-requests/${id}?done=${action}`, 303);
  });
};
