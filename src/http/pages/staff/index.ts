import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';
import { staffAuditPage } from './audit.page.js';
import { staffDashboardPage } from './dashboard.page.js';
import { staffInformationHandlerPages } from './information-handlers.page.js';
import { staffOutboxPages } from './outbox.page.js';
import { staffUsersPages } from './users.page.js';

/** Staff pages owned by the accounts module: dashboard, users and roles, information handlers, audit, outbox. */
export const staffPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  for (const pages of [staffDashboardPage, staffUsersPages, staffInformationHandlerPages, staffAuditPage, staffOutboxPages]) await pages(app, deps);
};
