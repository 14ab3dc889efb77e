import type { FastifyInstance, FastifyRequest } from 'fastify';
import { getCycle, listCycles } from '../../../domain/renewal/read-renewals.js';
import { openRenewalCycle } from '../../../domain/renewal/open-renewal-cycle.js';
import { Conflict } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, deliverMail, formErrorsOf } from '../accounts/request-context.js';
import { determinationView, idParam, renewalContext, responseStatus, showDate } from './helpers.js';

/** The secretariat's renewal checks: open one for a fiscal year and roster, follow who has answered. */
export const staffRenewalPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const renderList = async (request: FastifyRequest, values: Record<string, string> = {}, errors?: { field: string; message: string }[], flash?: string) => {
    const cycles = await listCycles(renewalContext(request, deps));
    return {
      pageTitle: request.t('renewal:staff.title'),
      cycles: cycles.map((c) => ({ ...c, deadlineShown: showDate(c.deadline, request.lang), rosterLabel: request.t(`renewal:roster.${c.roster}`) })),
      values,
      errors,
      flash: flash ? { kind: 'error', message: flash } : undefined,
    };
  };
  app.get('/staff/renewal', { config: { policy: 'renewal.manage' } }, async (request, reply) => reply.view('pages/renewal/staff-cycles.njk', await renderList(request)));

  app.post('/staff/renewal', { config: { policy: 'renewal.manage' } }, async (request, reply) => {
    const body = bodyOf(request);
    try {
      const r = await openRenewalCycle(renewalContext(request, deps), body);
      deliverMail(request, deps);
      return reply.redirect(`/staff/renewal/${r.cycle.id}?opened=${r.asked}`, 303);
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (errors) return reply.status(400).view('pages/renewal/staff-cycles.njk', await renderList(request, body, errors));
      if (error instanceof Conflict && error.userMessage) return reply.status(409).view('pages/renewal/staff-cycles.njk', await renderList(request, body, undefined, error.userMessage[request.lang]));
      throw error;
    }
  });

  app.get('/staff/renewal/:id', { config: { policy: 'renewal.manage' } }, async (request, reply) => {
    const { cycle, responses, wageReports } = await getCycle(renewalContext(request, deps), idParam(request));
    const opened = (request.query as Record<string, unknown>).opened;
    const counts = { awaiting: 0, renewed: 0, withdrawn: 0, lapsed: 0 };
    for (const r of responses) counts[r.status] += 1;
    return reply.view('pages/renewal/staff-cycle.njk', {
      pageTitle: request.t('renewal:staff.cycleTitle', { year: cycle.fiscalYear }),
      cycle: { ...cycle, deadlineShown: showDate(cycle.deadline, request.lang), openedShown: showDate(cycle.openedOn, request.lang), rosterLabel: request.t(`renewal:roster.${cycle.roster}`) },
      counts,
      wageReports: { total: wageReports.length, pending: wageReports.filter((w) => w.adequacy === 'needs_review').length },
      flash: typeof opened === 'string' && /^\d+$/.test(opened) ? { message: request.t('renewal:staff.opened', { count: Number(opened) }) } : undefined,
      responses: responses.map((r) => {
        const d = determinationView(r.determination, request.lang);
        const w = wageReports.find((x) => x.responseId === r.id);
        return {
          ...r,
          status: responseStatus(r.status, request.lang),
          answeredShown: showDate(r.answeredOn, request.lang),
          endsShown: showDate(r.membershipEndsOn, request.lang),
          citation: d?.trace.map((s) => s.citation).filter(Boolean).join('; ') ?? '',
          reason: d?.reasons[0] ?? '',
          wage: w ? { id: w.id, percent: w.increaseBasisPoints === null ? '' : (w.increaseBasisPoints / 100).toFixed(2), adequacy: request.t(`renewal:wage.adequacy.${w.adequacy}`), evidence: w.evidenceText } : null,
        };
      }),
    });
  });
};
