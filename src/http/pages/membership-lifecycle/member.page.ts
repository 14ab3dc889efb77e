import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../domain/access/policies.js';
import { CHANGE_KINDS, ESTABLISHMENT_KINDS, isChangeKind, type ChangeKind } from '../../../domain/membership-changes/change-details.js';
import { CHANGE_NOTICE_STATE_LABELS, CHANGE_NOTICE_STATE_TAGS } from '../../../domain/membership-changes/change-notice.states.js';
import { getChangeNotice } from '../../../domain/membership-changes/get-change-notice.js';
import { getLifecycleOverview } from '../../../domain/membership-changes/get-lifecycle-overview.js';
import { newIdempotencyKey } from '../../../domain/idempotency/idempotency.js';
import { submitChangeNotice, validateChangeNotice } from '../../../domain/membership-changes/submit-change-notice.js';
import { withdrawChangeNotice } from '../../../domain/membership-changes/withdraw-change-notice.js';
import { prefectureName } from '../../../domain/membership/prefectures.js';
import { InvalidInput } from '../../../domain/errors.js';
import { WITHDRAWAL_STATE_LABELS } from '../../../domain/withdrawal/withdrawal.states.js';
import type { AppDeps } from '../../app.js';
import { flashFrom, formBody, handleForm, lifecycleContext, lockOf, paramId, prefectureOptions, when } from './helpers.js';

const DETAIL_FIELDS = ['newName', 'newNameKana', 'newPostalCode', 'newPrefecture', 'newAddress', 'newRepresentative', 'newCompanyName', 'newCorporateNumber', 'operatingFrom', 'jsicCode', 'operating', 'shipmentsInLastYear', 'evidence'] as const;
const POSTED_FIELDS = ['kind', 'establishmentId', 'followsNoticeId', 'effectiveFrom', ...DETAIL_FIELDS] as const;

/** Rows of "what was notified" for the check page and the notice page. */
export const detailRows = (request: FastifyRequest, details: Record<string, unknown>) =>
  DETAIL_FIELDS.filter((f) => details[f] !== undefined && details[f] !== null && details[f] !== '').map((f) => {
    const v = details[f];
    const value = f === 'newPrefecture' ? prefectureName(String(v), request.lang) : typeof v === 'boolean' ? request.t(`membership-lifecycle:fields.${v ? 'yes' : 'no'}`) : String(v);
    return { label: request.t(`membership-lifecycle:fields.${f}`), value };
  });

/** The member's pages: overview, change notices (kind → details → check → submit) and the notice page. */
export const memberPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/organisations/:id/lifecycle', { config: { policy: 'organisation.read' } }, async (request, reply) => {
    const o = await getLifecycleOverview(lifecycleContext(request, deps), paramId(request));
    return reply.view('pages/membership-lifecycle/overview.njk', {
      pageTitle: request.t('membership-lifecycle:overview.title'),
      org: o.org,
      listings: o.listings,
      sideBySide: o.sideBySide,
      notices: o.notices.map((n) => ({ ...n, status: { label: CHANGE_NOTICE_STATE_LABELS[n.status][request.lang], tag: CHANGE_NOTICE_STATE_TAGS[n.status] } })),
      withdrawals: o.withdrawals.map((w) => ({ ...w, statusLabel: WITHDRAWAL_STATE_LABELS[w.status][request.lang] })),
    });
  });

  const kindItems = (request: FastifyRequest) => CHANGE_KINDS.filter((k) => k !== 'operating_confirmed').map((k) => ({ value: k, label: request.t(`membership-lifecycle:kinds.${k}`) }));

  app.get('/organisations/:id/changes/new', { config: { policy: 'membership_change.submit' } }, async (request, reply) => {
    const o = await getLifecycleOverview(lifecycleContext(request, deps), paramId(request));
    return reply.view('pages/membership-lifecycle/change-start.njk', { pageTitle: request.t('membership-lifecycle:change.startTitle'), org: o.org, kinds: kindItems(request), values: {} });
  });

  app.post('/organisations/:id/changes/new', { config: { policy: 'membership_change.submit' } }, async (request, reply) => {
    const kind = formBody(request).kind;
    if (isChangeKind(kind)) return reply.redirect(`/organisations/${paramId(request)}/changes/new/${kind}`, 303);
    const o = await getLifecycleOverview(lifecycleContext(request, deps), paramId(request));
    reply.status(400);
    return reply.view('pages/membership-lifecycle/change-start.njk', {
      pageTitle: request.t('membership-lifecycle:change.startTitle'),
      org: o.org,
      kinds: kindItems(request),
      values: {},
      errors: [{ field: 'kind', message: request.lang === 'ja' ? '届け出る変更の種類を選んでください' : 'Select the kind of change' }],
    });
  });

  const renderDetails = async (request: FastifyRequest, reply: FastifyReply, kind: ChangeKind, extra: Record<string, unknown>) => {
    const o = await getLifecycleOverview(lifecycleContext(request, deps), paramId(request));
    const follows = (request.query as Record<string, unknown>).follows;
    return reply.view('pages/membership-lifecycle/change-details.njk', {
      pageTitle: request.t('membership-lifecycle:change.detailsTitle'),
      org: o.org,
      kind,
      needsEstablishment: ESTABLISHMENT_KINDS.includes(kind),
      establishments: o.establishments.map((e) => ({ value: e.id, label: e.name })),
      followable: o.sideBySide.map((n) => ({ value: n.id, label: `${request.t(`membership-lifecycle:kinds.${n.kind}`)} (${n.effectiveFrom})` })),
      prefectures: prefectureOptions(request.lang),
      yesNo: [
        { value: 'yes', label: request.t('membership-lifecycle:fields.yes') },
        { value: 'no', label: request.t('membership-lifecycle:fields.no') },
      ],
      values: typeof follows === 'string' ? { followsNoticeId: follows } : {},
      ...extra,
    });
  };

  const kindOf = (request: FastifyRequest): ChangeKind | undefined => {
    const k = (request.params as Record<string, unknown>).kind;
    return isChangeKind(k) ? k : undefined;
  };

  app.get('/organisations/:id/changes/new/:kind', { config: { policy: 'membership_change.submit' } }, async (request, reply) => {
    const kind = kindOf(request);
    if (!kind) return reply.callNotFound();
    return renderDetails(request, reply, kind, {});
  });

  app.post('/organisations/:id/changes/new/:kind', { config: { policy: 'membership_change.submit' } }, async (request, reply) => {
    const kind = kindOf(request);
    if (!kind) return reply.callNotFound();
    const body: Record<string, unknown> = { ...formBody(request), kind };
    const ctx = lifecycleContext(request, deps);
    try {
      const v = await validateChangeNotice(ctx, paramId(request), body);
      const o = await getLifecycleOverview(ctx, paramId(request));
      const est = o.establishments.find((e) => e.id === v.establishmentId);
      const rows = [
        ...(est ? [{ label: request.t('membership-lifecycle:fields.establishment'), value: est.name }] : []),
        { label: request.t(kind === 'operating_confirmed' ? 'membership-lifecycle:fields.operatingDate' : 'membership-lifecycle:fields.effectiveFrom'), value: v.effectiveFrom },
        ...detailRows(request, body),
      ];
      const hidden: { name: string; value: string }[] = POSTED_FIELDS.filter((f) => typeof body[f] === 'string' && body[f] !== '').map((f) => ({ name: f, value: String(body[f]) }));
      hidden.push({ name: 'idempotencyKey', value: newIdempotencyKey() });
      return reply.view('pages/membership-lifecycle/change-check.njk', { pageTitle: request.t('membership-lifecycle:change.checkTitle'), org: o.org, kind, rows, hidden, determination: v.determination });
    } catch (error) {
      if (error instanceof InvalidInput) {
        reply.status(400);
        return renderDetails(request, reply, kind, { errors: error.fields.map((f) => ({ field: f.field, message: f.message[request.lang] })), values: body });
      }
      throw error;
    }
  });

  app.post('/organisations/:id/changes/submit', { config: { policy: 'membership_change.submit', rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = formBody(request);
    const result = await submitChangeNotice(lifecycleContext(request, deps), paramId(request), body, typeof body.idempotencyKey === 'string' ? body.idempotencyKey : undefined);
    return reply.redirect(`/change-notices/${result.id}`, 303);
  });

  const renderNotice = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const d = await getChangeNotice(lifecycleContext(request, deps), paramId(request));
    const n = d.notice;
    const staffView = request.url.startsWith('/staff/');
    return reply.view('pages/membership-lifecycle/change-notice.njk', {
      pageTitle: request.t('membership-lifecycle:change.detailTitle'),
      n,
      organisationName: d.organisationName,
      establishmentName: d.establishmentName,
      mergerTarget: d.mergerTarget,
      status: { label: CHANGE_NOTICE_STATE_LABELS[n.status][request.lang], tag: CHANGE_NOTICE_STATE_TAGS[n.status] },
      submittedAt: when(n.submittedAt),
      rows: detailRows(request, n.details),
      canReview: d.canReview && staffView,
      canWithdraw: can(request.actor, 'membership_change.submit', { organisationId: n.organisationId }),
      backHref: staffView ? '/staff/change-notices' : `/organisations/${n.organisationId}/lifecycle`,
      values: {},
      ...flashFrom(request, 'change', ['apply', 'refuse', 'withdraw']),
      ...extra,
    });
  };

  app.get('/change-notices/:id', { config: { policy: 'account.self' } }, async (request, reply) => renderNotice(request, reply));

  app.post('/change-notices/:id/withdraw', { config: { policy: 'account.self' } }, async (request, reply) => {
    const body = formBody(request);
    const r = await handleForm(request, reply, () => withdrawChangeNotice(lifecycleContext(request, deps), paramId(request), lockOf(body)), (extra) => renderNotice(request, reply, extra), body);
    if (!r.ok) return r.response;
    return reply.redirect(`/change-notices/${paramId(request)}?done=withdraw`, 303);
  });
};
