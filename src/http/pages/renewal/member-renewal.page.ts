import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { answerRenewal, answerInput } from '../../../domain/renewal/answer-renewal.js';
import { getRenewalResponse, listMyRenewals } from '../../../domain/renewal/read-renewals.js';
import { attachWageEvidence, submitWageReport } from '../../../domain/renewal/wage-reports.js';
import { scannerFor } from '../../../domain/uploads/scanner.js';
import { Conflict } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, formErrorsOf } from '../accounts/request-context.js';
import { determinationView, idParam, renewalContext, responseStatus, showDate } from './helpers.js';
import { readWageForm } from './wage-form.js';

/**
 * A member's renewal answers: the list of establishments asked, one question per page (renew or not; the SSW headcount
 * when not), check your answer, then submit. JAIM members also report the wage increase with evidence (Q3-3-2).
 */
const DONE_MESSAGES: Record<string, string> = { '1': 'renewal:member.done', wage: 'renewal:wage.done', file: 'renewal:wage.fileAdded' };

export const memberRenewalPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/renewal', { config: { policy: 'account.self' } }, async (request, reply) => {
    const items = await listMyRenewals(renewalContext(request, deps));
    return reply.view('pages/renewal/mine.njk', {
      pageTitle: request.t('renewal:member.title'),
      items: items.map((r) => ({ ...r, status: responseStatus(r.status, request.lang), deadlineShown: showDate(r.deadline, request.lang), rosterLabel: request.t(`renewal:roster.${r.roster}`) })),
    });
  });

  const detail = async (request: FastifyRequest, reply: FastifyReply, view: string, extra: Record<string, unknown> = {}) => {
    const { response, wageReport, wageFiles } = await getRenewalResponse(renewalContext(request, deps), idParam(request));
    return reply.view(view, {
      pageTitle: request.t('renewal:member.answerTitle', { name: response.establishmentName }),
      r: { ...response, statusView: responseStatus(response.status, request.lang), deadlineShown: showDate(response.deadline, request.lang), endsShown: showDate(response.membershipEndsOn, request.lang), rosterLabel: request.t(`renewal:roster.${response.roster}`) },
      determination: determinationView(response.determination, request.lang),
      wageReport,
      wageFiles,
      flash: DONE_MESSAGES[String((request.query as Record<string, unknown>).done)] ? { message: request.t(DONE_MESSAGES[String((request.query as Record<string, unknown>).done)]!) } : undefined,
      ...extra,
    });
  };

  app.get('/renewal/:id', { config: { policy: 'account.self' } }, async (request, reply) => detail(request, reply, 'pages/renewal/answer.njk', { values: {} }));

  // Check your answer before it is recorded.
  app.post('/renewal/:id/check', { config: { policy: 'account.self' } }, async (request, reply) => {
    const body = bodyOf(request);
    const parsed = answerInput.safeParse(body);
    const errors = [];
    if (!parsed.success || (parsed.data.decision === 'withdraw' && parsed.data.sswEmployed === undefined)) {
      const field = !parsed.success && parsed.error.issues[0]?.path[0] !== 'sswEmployed' ? 'decision' : 'sswEmployed';
      errors.push({ field, message: request.t(`renewal:member.errors.${field}`) });
    }
    if (errors.length) return detail(request, reply.status(400), 'pages/renewal/answer.njk', { values: body, errors });
    return detail(request, reply, 'pages/renewal/check.njk', { values: body });
  });

  app.post('/renewal/:id', { config: { policy: 'account.self' } }, async (request, reply) => {
    const id = idParam(request);
    const body = bodyOf(request);
    try {
      await answerRenewal(renewalContext(request, deps), id, body);
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (errors) return detail(request, reply.status(400), 'pages/renewal/answer.njk', { values: body, errors });
      if (error instanceof Conflict && error.userMessage) return detail(request, reply.status(409), 'pages/renewal/answer.njk', { values: body, flash: { kind: 'error', message: error.userMessage[request.lang] } });
      throw error;
    }
    return reply.redirect(`/renewal/${id}?done=1`, 303);
  });

  const scanner = scannerFor(deps.config.clamd);
  const tooLargeError = (request: FastifyRequest) => [{ field: 'file', message: request.t('renewal:wage.tooLarge') }];

  // The report with its evidence files (multipart). A refused file changes nothing and the answers typed are kept.
  app.post('/renewal/:id/wage-report', { config: { policy: 'account.self', rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
    const id = idParam(request);
    const form = await readWageForm(request);
    const body = form.fields;
    if (form.tooLarge) return detail(request, reply.status(400), 'pages/renewal/answer.njk', { values: body, errors: tooLargeError(request) });
    try {
      await submitWageReport({ ...renewalContext(request, deps), scanner }, id, body, form.files);
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (errors) return detail(request, reply.status(400), 'pages/renewal/answer.njk', { values: body, errors });
      if (error instanceof Conflict && error.userMessage) return detail(request, reply.status(409), 'pages/renewal/answer.njk', { values: body, flash: { kind: 'error', message: error.userMessage[request.lang] } });
      throw error;
    }
    return reply.redirect(`/renewal/${id}?done=wage`, 303);
  });

  app.post('/renewal/:id/wage-report/files', { config: { policy: 'account.self', rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
    const id = idParam(request);
    const form = await readWageForm(request);
    const file = form.files[0];
    const errors = form.tooLarge ? tooLargeError(request) : !file ? [{ field: 'file', message: request.t('renewal:wage.noFile') }] : undefined;
    if (errors || !file) return detail(request, reply.status(400), 'pages/renewal/answer.njk', { values: {}, errors });
    try {
      await attachWageEvidence({ ...renewalContext(request, deps), scanner }, id, file);
    } catch (error) {
      const fieldErrors = formErrorsOf(error, request);
      if (fieldErrors) return detail(request, reply.status(400), 'pages/renewal/answer.njk', { values: {}, errors: fieldErrors });
      if (error instanceof Conflict && error.userMessage) return detail(request, reply.status(409), 'pages/renewal/answer.njk', { values: {}, flash: { kind: 'error', message: error.userMessage[request.lang] } });
      throw error;
    }
    return reply.redirect(`/renewal/${id}?done=file`, 303);
  });
};
