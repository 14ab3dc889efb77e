import type { FastifyInstance, FastifyRequest } from 'fastify';
import { japanDateOf } from '../../../../rules/core/index.js';
import { Conflict } from '../../../domain/errors.js';
import { WAGE_REVIEW_FILTERS, getWageReportForReview, listWageReportsForReview, type WageReviewFilter } from '../../../domain/renewal/read-wage-reports.js';
import { reviewWageReport } from '../../../domain/renewal/wage-reports.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, formErrorsOf, type FormError } from '../accounts/request-context.js';
import { determinationView, idParam, renewalContext, showDate } from './helpers.js';

const ADEQUACY_TAGS: Record<string, string> = { needs_review: 'tag--warning', adequate: 'tag--success', inadequate: 'tag--error' };

const percentOf = (bp: number | null): string => (bp === null ? '' : `${(bp / 100).toFixed(2)}%`);

const sizeOf = (bytes: number, lang: 'ja' | 'en'): string => {
  const kb = Math.max(1, Math.round(bytes / 1024));
  return lang === 'ja' ? `${kb.toLocaleString('en-US')}KB` : `${kb.toLocaleString('en-US')} KB`;
};

/**
 * The secretariat's review of the wage-increase reports made with the JAIM renewal (jaim-membership-faq Q3-3-2): the
 * reports of a renewal cycle by status, one report with its evidence files, and the judgement (adequate or not, with
 * the reason). Two reviewers at once: the second sees that the first decided, and nothing is overwritten.
 */
export const staffWageReportPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/staff/renewal/:id/wage-reports', { config: { policy: 'renewal.manage' } }, async (request, reply) => {
    const q = (request.query as Record<string, unknown>).status;
    const filter: WageReviewFilter = WAGE_REVIEW_FILTERS.includes(q as WageReviewFilter) ? (q as WageReviewFilter) : 'needs_review';
    const { cycle, reports, counts } = await listWageReportsForReview(renewalContext(request, deps), idParam(request), filter);
    return reply.view('pages/renewal/staff-wage-reports.njk', {
      pageTitle: request.t('renewal:wageReview.listTitle', { year: cycle.fiscalYear }),
      cycle,
      filter,
      filters: WAGE_REVIEW_FILTERS.map((f) => ({ value: f, label: request.t(`renewal:wageReview.filter.${f}`), count: counts[f], current: f === filter, href: `/staff/renewal/${cycle.id}/wage-reports?status=${f}` })),
      reports: reports.map((r) => ({
        ...r,
        submittedShown: showDate(japanDateOf(r.submittedAt), request.lang),
        percent: percentOf(r.increaseBasisPoints),
        adequacyLabel: request.t(`renewal:wageReview.adequacy.${r.adequacy}`),
        adequacyTag: ADEQUACY_TAGS[r.adequacy] ?? '',
      })),
    });
  });

  const detailView = async (request: FastifyRequest, values: Record<string, string> = {}, errors?: FormError[], flash?: { kind?: string; message: string }) => {
    const { report, files } = await getWageReportForReview(renewalContext(request, deps), idParam(request));
    return {
      pageTitle: request.t('renewal:wageReview.detailTitle', { name: report.establishmentName }),
      report: {
        ...report,
        submittedShown: showDate(japanDateOf(report.submittedAt), request.lang),
        reviewedShown: report.reviewedAt ? showDate(japanDateOf(report.reviewedAt), request.lang) : '',
        percent: percentOf(report.increaseBasisPoints),
        adequacyLabel: request.t(`renewal:wageReview.adequacy.${report.adequacy}`),
        adequacyTag: ADEQUACY_TAGS[report.adequacy] ?? '',
      },
      files: files.map((f) => ({ ...f, size: sizeOf(f.sizeBytes, request.lang), scanLabel: request.t(`renewal:wageReview.scan.${f.scanStatus}`) })),
      determination: determinationView(report.determination, request.lang),
      values,
      errors,
      flash: flash ?? ((request.query as Record<string, unknown>).done === '1' ? { message: request.t('renewal:wageReview.done') } : undefined),
    };
  };

  app.get('/staff/renewal/wage-reports/:id', { config: { policy: 'renewal.manage' } }, async (request, reply) => reply.view('pages/renewal/staff-wage-report.njk', await detailView(request)));

  app.post('/staff/renewal/wage-reports/:id', { config: { policy: 'renewal.manage' } }, async (request, reply) => {
    const id = idParam(request);
    const body = bodyOf(request);
    try {
      await reviewWageReport(renewalContext(request, deps), id, body);
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (errors) return reply.status(400).view('pages/renewal/staff-wage-report.njk', await detailView(request, body, errors));
      // Someone else decided first (or the reviewer made the report): show the report as it now stands, keep the
      // note typed, and overwrite nothing.
      if (error instanceof Conflict && error.userMessage) return reply.status(409).view('pages/renewal/staff-wage-report.njk', await detailView(request, body, undefined, { kind: 'error', message: error.userMessage[request.lang] }));
      throw error;
    }
    return reply.redirect(`/staff/renewal/wage-reports/${id}?done=1`, 303);
  });
};
