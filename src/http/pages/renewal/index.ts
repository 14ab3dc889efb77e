import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';
import { answerRenewalRoute } from '../../api/v1/renewal/answer-renewal.route.js';
import { memberRenewalPages } from './member-renewal.page.js';
import { staffRenewalPages } from './staff-renewal.page.js';
import { staffWageReportPages } from './staff-wage-reports.page.js';

/** M6 yearly renewal: the secretariat's checks and wage-report review, members' answers, and the JSON API. */
export const renewalModule = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  for (const m of [staffRenewalPages, staffWageReportPages, memberRenewalPages, answerRenewalRoute]) await m(app, deps);
};
