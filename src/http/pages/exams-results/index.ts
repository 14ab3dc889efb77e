import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';
import { verifyCertificateRoutes } from '../../api/v1/exams-results/verify-certificate.route.js';
import { verifyCertificatePage } from './verify.page.js';
import { scoringPages } from './sittings.page.js';
import { ledgerPages } from './ledger.page.js';
import { certificatePages } from './certificates.page.js';
import { statisticsPages } from './statistics.page.js';

/** Exam results (issue 5): scoring, release, ledger, certificates, statistics, and the public certificate check. */
export const examResultsModule = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  for (const routes of [verifyCertificatePage, verifyCertificateRoutes, scoringPages, ledgerPages, certificatePages, statisticsPages]) await routes(app, deps);
};
