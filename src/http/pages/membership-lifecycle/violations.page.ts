import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../domain/access/policies.js';
import { getViolationReport, listViolations } from '../../../domain/violations/get-violation-report.js';
import { recordViolation, VIOLATION_SOURCES } from '../../../domain/violations/record-violation.js';
import { AGENCIES, closeViolationReport, reportViolationToAgency } from '../../../domain/violations/report-to-agency.js';
import { AGENCY_LABELS, VIOLATION_STATE_LABELS } from '../../../domain/violations/violation-report.states.js';
import { idempotencyKeyOf } from '../../../domain/idempotency/idempotency.js';
import type { AppDeps } from '../../app.js';
import { flashFrom, formBody, formKeyOf, handleForm, lifecycleContext, lockOf, paramId, when } from './helpers.js';

/** Violation reports (council art.15): for named information handlers only. */
export const violationPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/staff/violations', { config: { policy: 'violation_report.read' } }, async (request, reply) => {
    const items = await listViolations(lifecycleContext(request, deps));
    return reply.view('pages/membership-lifecycle/violations.njk', {
      pageTitle: request.t('membership-lifecycle:violations.listTitle'),
      canRecord: can(request.actor, 'violation_report.record'),
      items: items.map((i) => ({ ...i, statusLabel: VIOLATION_STATE_LABELS[i.status][request.lang] })),
    });
  });

  const renderNew = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) =>
    reply.view('pages/membership-lifecycle/violation-new.njk', {
      pageTitle: request.t('membership-lifecycle:violations.newTitle'),
      sources: VIOLATION_SOURCES.map((s) => ({ value: s, label: request.t(`membership-lifecycle:violations.sources.${s}`) })),
      values: {},
      idempotencyKey: formKeyOf(extra),
      ...extra,
    });

  app.get('/staff/violations/new', { config: { policy: 'violation_report.record' } }, async (request, reply) => renderNew(request, reply));

  app.post('/staff/violations/new', { config: { policy: 'violation_report.record' } }, async (request, reply) => {
    const body = formBody(request);
    let id = '';
    const r = await handleForm(
      request,
      reply,
      async () => {
        id = (await recordViolation(lifecycleContext(request, deps), body, idempotencyKeyOf(body.idempotencyKey))).id;
      },
      (extra) => renderNew(request, reply, extra),
      body,
    );
    if (!r.ok) return r.response;
    return reply.redirect(`/staff/violations/${id}?done=record`, 303);
  });

  const render = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const { report, agencyReports } = await getViolationReport(lifecycleContext(request, deps), paramId(request));
    return reply.view('pages/membership-lifecycle/violation.njk', {
      pageTitle: request.t('membership-lifecycle:violations.detailTitle'),
      r: report,
      statusLabel: VIOLATION_STATE_LABELS[report.status][request.lang],
      recordedAt: when(report.recordedAt),
      agencyReports: agencyReports.map((a) => ({ ...a, agencyLabel: AGENCY_LABELS[a.agency][request.lang] })),
      agencies: AGENCIES.map((a) => ({ value: a, label: AGENCY_LABELS[a][request.lang] })),
      canRecord: can(request.actor, 'violation_report.record'),
      values: {},
      ...flashFrom(request, 'violations', ['record', 'report', 'close']),
      ...extra,
    });
  };

  app.get('/staff/violations/:id', { config: { policy: 'violation_report.read' } }, async (request, reply) => render(request, reply));

  app.post('/staff/violations/:id/:action', { config: { policy: 'violation_report.record' } }, async (request, reply) => {
    const action = (request.params as Record<string, string>).action;
    if (action !== 'report' && action !== 'close') return reply.callNotFound();
    const body = formBody(request);
    const ctx = lifecycleContext(request, deps);
    const id = paramId(request);
    const r = await handleForm(
      request,
      reply,
      () => (action === 'report' ? reportViolationToAgency(ctx, id, { ...body, lockVersion: lockOf(body) }) : closeViolationReport(ctx, id, lockOf(body))),
      (extra) => render(request, reply, extra),
      body,
    );
    if (!r.ok) return r.response;
    return reply.redirect(`/staff/violations/${id}?done=${action}`, 303);
  });
};
