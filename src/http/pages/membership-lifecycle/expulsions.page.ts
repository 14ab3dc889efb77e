import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../domain/access/policies.js';
import { approveExpulsion } from '../../../domain/expulsion/approve-expulsion.js';
import { EXPULSION_STATE_LABELS, EXPULSION_STATE_TAGS } from '../../../domain/expulsion/expulsion.states.js';
import { getExpulsion, listAllExpulsions } from '../../../domain/expulsion/get-expulsion.js';
import { CATEGORY_GROUNDS, GROUND_LABELS, type ExpulsionCategoryCode } from '../../../domain/expulsion/grounds.js';
import { evidenceField, proposeExpulsion } from '../../../domain/expulsion/propose-expulsion.js';
import { recordMojReport } from '../../../domain/expulsion/record-moj-report.js';
import { rejectExpulsion } from '../../../domain/expulsion/reject-expulsion.js';
import { idempotencyKeyOf } from '../../../domain/idempotency/idempotency.js';
import type { AppDeps } from '../../app.js';
import { deliverMail, flashFrom, formBody, formKeyOf, handleForm, lifecycleContext, lockOf, paramId, when } from './helpers.js';

/** Every ground of every category, with its evidence field (one checkbox list; the domain keeps those of the category). */
const allGrounds = (lang: 'ja' | 'en') =>
  (Object.keys(CATEGORY_GROUNDS) as ExpulsionCategoryCode[]).flatMap((c) =>
    CATEGORY_GROUNDS[c].map((g) => ({ category: c, ground: g, value: c === 'iii' ? g : `${c}-${g}`, label: GROUND_LABELS[c][g]![lang] })),
  );

/** Expulsion (council art.14): list, proposal by one member of staff, decision by another, report to MOJ. */
export const expulsionPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/staff/expulsions', { config: { policy: 'expulsion.read' } }, async (request, reply) => {
    const items = await listAllExpulsions(lifecycleContext(request, deps));
    return reply.view('pages/membership-lifecycle/expulsions.njk', {
      pageTitle: request.t('membership-lifecycle:expulsion.listTitle'),
      canPropose: can(request.actor, 'expulsion.propose'),
      items: items.map((i) => ({ ...i, proposedAt: when(i.proposedAt), status: { label: EXPULSION_STATE_LABELS[i.status][request.lang], tag: EXPULSION_STATE_TAGS[i.status] } })),
    });
  });

  const renderNew = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const grounds = allGrounds(request.lang);
    return reply.view('pages/membership-lifecycle/expulsion-new.njk', {
      pageTitle: request.t('membership-lifecycle:expulsion.newTitle'),
      categories: (['iii', 'iv', 'v'] as const).map((c) => ({ value: c, label: request.t(`membership-lifecycle:expulsion.categories.${c}`) })),
      groundItems: grounds.map((g) => ({ value: g.value, label: g.label })),
      evidenceFields: grounds.map((g) => ({ field: evidenceField(g.value), label: g.label })),
      values: {},
      idempotencyKey: formKeyOf(extra),
      ...extra,
    });
  };

  app.get('/staff/expulsions/new', { config: { policy: 'expulsion.propose' } }, async (request, reply) => renderNew(request, reply));

  app.post('/staff/expulsions/new', { config: { policy: 'expulsion.propose' } }, async (request, reply) => {
    const body = formBody(request);
    // Grounds of categories iv / v are posted as "iv-conduct", "v-i": map them to the category's own codes.
    const category = String(body.category ?? '');
    const posted = ([] as string[]).concat((body.grounds as string[] | string | undefined) ?? []);
    const grounds = posted.filter((g) => (category === 'iii' ? !g.includes('-') : g.startsWith(`${category}-`))).map((g) => g.replace(/^(iv|v)-/, ''));
    const input: Record<string, unknown> = { ...body, grounds };
    for (const g of grounds) input[evidenceField(g)] = body[evidenceField(category === 'iii' ? g : `${category}-${g}`)];
    let id = '';
    const r = await handleForm(
      request,
      reply,
      async () => {
        id = (await proposeExpulsion(lifecycleContext(request, deps), input, idempotencyKeyOf(body.idempotencyKey))).id;
      },
      (extra) => {
        const errors = (extra.errors as { field: string; message: string }[] | undefined)?.map((e) => ({
          ...e,
          field: category !== 'iii' && e.field.startsWith('evidence-') ? `evidence-${category}-${e.field.slice('evidence-'.length)}` : e.field,
        }));
        return renderNew(request, reply, { ...extra, ...(errors ? { errors } : {}) });
      },
      body,
    );
    if (!r.ok) return r.response;
    return reply.redirect(`/staff/expulsions/${id}?done=propose`, 303);
  });

  const render = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const e = await getExpulsion(lifecycleContext(request, deps), paramId(request));
    const category = e.category as ExpulsionCategoryCode;
    return reply.view('pages/membership-lifecycle/expulsion.njk', {
      pageTitle: request.t('membership-lifecycle:expulsion.detailTitle'),
      e,
      status: { label: EXPULSION_STATE_LABELS[e.status][request.lang], tag: EXPULSION_STATE_TAGS[e.status] },
      grounds: e.grounds.map((g) => ({ label: GROUND_LABELS[category][g]?.[request.lang] ?? g, evidence: e.evidence[g] ?? '' })),
      proposerName: e.proposerName,
      proposedAt: when(e.proposedAt),
      isProposer: request.actor.kind === 'user' && request.actor.userId === e.proposedBy,
      canApprove: can(request.actor, 'expulsion.approve'),
      mojItems: [
        { value: 'necessary', label: request.t('membership-lifecycle:expulsion.mojNecessary') },
        { value: 'not_necessary', label: request.t('membership-lifecycle:expulsion.mojNotNecessary') },
      ],
      values: {},
      ...flashFrom(request, 'expulsion', ['propose', 'approve', 'reject', 'moj-report']),
      ...extra,
    });
  };

  app.get('/staff/expulsions/:id', { config: { policy: 'expulsion.read' } }, async (request, reply) => render(request, reply));

  app.post('/staff/expulsions/:id/:action', { config: { policy: 'expulsion.approve' } }, async (request, reply) => {
    const action = (request.params as Record<string, string>).action;
    if (action !== 'approve' && action !== 'reject' && action !== 'moj-report') return reply.callNotFound();
    const body = formBody(request);
    const ctx = lifecycleContext(request, deps);
    const id = paramId(request);
    const r = await handleForm(
      request,
      reply,
      () =>
        action === 'approve'
          ? approveExpulsion(ctx, id, { lockVersion: lockOf(body), mojJudgement: body.mojJudgement, mojReason: body.mojReason, decisionReason: body.decisionReason })
          : action === 'reject'
            ? rejectExpulsion(ctx, id, lockOf(body), body.reason)
            : recordMojReport(ctx, id, { lockVersion: lockOf(body), reportedOn: body.reportedOn, reference: body.reference }),
      (extra) => render(request, reply, extra),
      body,
    );
    if (!r.ok) return r.response;
    deliverMail(request, deps);
    return reply.redirect(`/staff/expulsions/${id}?done=${action}`, 303);
  });
};
