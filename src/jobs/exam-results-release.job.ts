import { loadConfig } from '../config/env.js';
import type { JobHandler } from './types.js';
import { releaseDueResults } from '../domain/exams/use-cases/release-results.js';

/**
 * Job `exam_results.release_due` (daily, just after midnight in Japan): releases every sitting whose release date has
 * come, with certificates and notices. A sitting that cannot be released yet (unscored candidates) is logged and left
 * for staff; the job itself succeeds.
 */
export const releaseDueResultsJob: JobHandler = async (_payload, ctx) => {
  const config = loadConfig();
  const run = await releaseDueResults({
    actor: { kind: 'system', job: 'exam_results.release_due' },
    db: ctx.db,
    clock: { now: () => new Date() },
    signingSecret: config.signingKeySecret,
    baseUrl: config.publicBaseUrl,
  });
  ctx.logger.info({ released: run.released.length, refused: run.refused }, 'exam results release');
  if (run.refused.length > 0) ctx.logger.warn({ refused: run.refused }, 'exam results not released: candidates not fully scored');
};
