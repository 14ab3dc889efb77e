import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';
import { lifecycleApiRoutes } from '../../api/v1/membership-lifecycle/index.js';
import { expulsionPages } from './expulsions.page.js';
import { memberPages } from './member.page.js';
import { staffChangePages } from './staff-changes.page.js';
import { violationPages } from './violations.page.js';
import { withdrawalPages } from './withdrawal.page.js';

/** Membership lifecycle (issue 4: M5 changes, M7 withdrawal, M8 expulsion, M13 violation reports): pages and JSON API. */
export const membershipLifecycleModule = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  for (const m of [memberPages, withdrawalPages, staffChangePages, expulsionPages, violationPages, lifecycleApiRoutes]) await m(app, deps);
};
