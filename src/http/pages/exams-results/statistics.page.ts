import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DIMENSIONS, type Dimension, type GroupStats } from '../../../domain/exams/statistics.js';
import { examStatistics, examStatisticsCsv, SUPPRESS_BELOW } from '../../../domain/exams/use-cases/exam-statistics.js';
import type { AppDeps } from '../../app.js';
import { useCaseContext } from '../accounts/request-context.js';
import { horizontalBars, verticalBars } from './charts.js';

// Skill-level statistics for exam admins and observers: pass rate by one dimension and the score distributions, as
// accessible SVG charts (title, description, and the same figures in a table) and as CSV.

const BANDS = ['0–9', '10–19', '20–29', '30–39', '40–49', '50–59', '60–69', '70–79', '80–89', '90–100'];

export const statisticsPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const labelOf = (request: FastifyRequest, by: Dimension, value: string, names: Record<string, { ja: string; en: string }>): string => {
    switch (by) {
      case 'category':
        return names[value]?.[request.lang] ?? value;
      case 'level':
        return request.t(`exams-results:level.${value}`);
      case 'gender':
      case 'ageGroup':
      case 'career':
        return request.t(`exams-results:statistics.${by}.${value}`);
      default:
        return value;
    }
  };

  app.get('/staff/exams/statistics', { config: { policy: 'exam_statistics.read' } }, async (request, reply) => {
    const by = (request.query as Record<string, unknown>).by;
    const view = await examStatistics(useCaseContext(request, deps), { by });
    const groups = view.groups.map((g: GroupStats) => ({ ...g, label: labelOf(request, view.by, g.key[view.by] ?? '', view.categoryNames) }));
    const passChart = horizontalBars(groups.map((g) => ({ label: g.label, value: g.passRate, display: g.passRate === null ? request.t('exams-results:statistics.suppressed') : `${(g.passRate * 100).toFixed(1)}%` })));
    const distributions = (['written', 'practical'] as const)
      .map((part) => {
        const d = view.overall?.scores[part];
        return d ? { part, chart: verticalBars(d.bands.map((value, i) => ({ label: BANDS[i]!, value }))), mean: d.mean, count: d.count } : null;
      })
      .filter((d) => d !== null);
    return reply.view('pages/exams-results/statistics.njk', {
      pageTitle: request.t('exams-results:statistics.title'),
      by: view.by,
      dimensions: DIMENSIONS,
      groups,
      passChart,
      distributions,
      overall: view.overall,
      min: SUPPRESS_BELOW,
    });
  });

  app.get('/staff/exams/statistics.csv', { config: { policy: 'exam_statistics.read' } }, async (request, reply) => {
    const by = (request.query as Record<string, unknown>).by;
    const csv = await examStatisticsCsv(useCaseContext(request, deps), { by });
    return reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="exam-statistics-${String(by ?? 'category').replace(/[^a-zA-Z]/g, '')}.csv"`).send(csv);
  });
};
