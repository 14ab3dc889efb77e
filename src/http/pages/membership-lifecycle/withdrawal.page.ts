import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InvalidInput } from '../../../domain/errors.js';
import { getLifecycleOverview } from '../../../domain/membership-changes/get-lifecycle-overview.js';
import { getWithdrawal, listAllWithdrawals } from '../../../domain/withdrawal/get-withdrawal.js';
import { notifyWithdrawal, previewWithdrawal, sswField, withdrawableEstablishments } from '../../../domain/withdrawal/notify-withdrawal.js';
import { WITHDRAWAL_STATE_LABELS } from '../../../domain/withdrawal/withdrawal.states.js';
import type { AppDeps } from '../../app.js';
import { deliverMail, formBody, lifecycleContext, paramId } from './helpers.js';

/** Withdrawal (council art.13; JAIM FAQ Q3-1): form → check (with the determination) → notify → result. */
export const withdrawalPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const renderForm = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const ctx = lifecycleContext(request, deps);
    const o = await getLifecycleOverview(ctx, paramId(request));
    const ests = await withdrawableEstablishments(ctx, o.org.id);
    return reply.view('pages/membership-lifecycle/withdrawal-form.njk', {
      pageTitle: request.t('membership-lifecycle:withdrawal.title'),
      org: o.org,
      scopes: [
        { value: 'whole', label: request.t('membership-lifecycle:withdrawal.scopeWhole') },
        { value: 'establishments', label: request.t('membership-lifecycle:withdrawal.scopeSome') },
      ],
      establishmentItems: ests.map((e) => ({ value: e.id, label: e.name })),
      establishments: ests.map((e) => ({ field: sswField(e.id), name: e.name })),
      values: {},
      ...extra,
    });
  };

  app.get('/organisations/:id/withdrawal', { config: { policy: 'withdrawal.notify' } }, async (request, reply) => renderForm(request, reply));

  app.post('/organisations/:id/withdrawal', { config: { policy: 'withdrawal.notify' } }, async (request, reply) => {
    const body = formBody(request);
    const ctx = lifecycleContext(request, deps);
    try {
      const p = await previewWithdrawal(ctx, paramId(request), body);
      const hidden = [
        { name: 'scope', value: p.scope },
        { name: 'effectiveFrom', value: p.effectiveFrom },
        { name: 'reason', value: p.reason ?? '' },
        { name: 'idempotencyKey', value: randomUUID() },
        ...p.establishments.flatMap((e) => [
          { name: 'establishmentIds', value: e.establishmentId },
          { name: sswField(e.establishmentId), value: String(e.sswEmployed) },
        ]),
      ];
      if (p.determination.outcome !== 'accept') reply.status(422);
      return reply.view('pages/membership-lifecycle/withdrawal-check.njk', {
        pageTitle: request.t(p.determination.outcome === 'accept' ? 'membership-lifecycle:withdrawal.checkTitle' : 'membership-lifecycle:withdrawal.barredTitle'),
        org: { id: p.organisationId, name: p.organisationName },
        p,
        scopeLabel: request.t(p.scope === 'whole' ? 'membership-lifecycle:withdrawal.scopeWhole' : 'membership-lifecycle:withdrawal.scopeSome'),
        hidden,
      });
    } catch (error) {
      if (error instanceof InvalidInput) {
        reply.status(400);
        return renderForm(request, reply, { errors: error.fields.map((f) => ({ field: f.field, message: f.message[request.lang] })), values: body });
      }
      throw error;
    }
  });

  app.post('/organisations/:id/withdrawal/submit', { config: { policy: 'withdrawal.notify', rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
    const result = await notifyWithdrawal(lifecycleContext(request, deps), paramId(request), formBody(request));
    deliverMail(request, deps);
    return reply.redirect(`/withdrawals/${result.id}`, 303);
  });

  app.get('/withdrawals/:id', { config: { policy: 'account.self' } }, async (request, reply) => {
    const w = await getWithdrawal(lifecycleContext(request, deps), paramId(request));
    const fromStaff = String(request.headers.referer ?? '').includes('/staff/');
    return reply.view('pages/membership-lifecycle/withdrawal.njk', {
      pageTitle: request.t('membership-lifecycle:withdrawal.detailTitle'),
      w,
      backHref: fromStaff ? '/staff/withdrawals' : `/organisations/${w.organisationId}/lifecycle`,
    });
  });

  app.get('/staff/withdrawals', { config: { policy: 'withdrawal.read_any' } }, async (request, reply) => {
    const items = await listAllWithdrawals(lifecycleContext(request, deps));
    return reply.view('pages/membership-lifecycle/withdrawals-staff.njk', {
      pageTitle: request.t('membership-lifecycle:withdrawal.staffTitle'),
      items: items.map((i) => ({ ...i, statusLabel: WITHDRAWAL_STATE_LABELS[i.status][request.lang] })),
    });
  });
};
