import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';
import { examApplyPages } from './apply.page.js';
import { examCheckInPages } from './check-in.page.js';
import { examAdminPages } from './admin.page.js';
import { examSittingAdminPages } from './admin-sittings.page.js';
import { listSittingsRoute } from '../../api/v1/exams/list-sittings.route.js';
import { examPublicPages } from './public.page.js';
import { examRegistrationPages } from './registration.page.js';
import { examResendLinksPages } from './resend-links.page.js';

/** The exams module's pages (issue 5): public sittings and samples, the candidate's application, staff screens. */
export const examPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  for (const pages of [examPublicPages, examApplyPages, examRegistrationPages, examResendLinksPages, examCheckInPages, examAdminPages, examSittingAdminPages, listSittingsRoute]) await pages(app, deps);
};
