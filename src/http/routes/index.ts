import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app.js';
import { referenceDataModule } from '../pages/reference-data/index.js';
import { healthRoutes } from '../api/v1/system/health.route.js';
import { designTokensRoute } from '../api/v1/system/design-tokens.route.js';
import { homePage } from '../pages/home/home.page.js';
import { determinationRoutes } from '../api/v1/determinations/determinations.route.js';
import { rulesPages } from '../pages/rules/rules.page.js';
import { accountPages } from '../pages/accounts/index.js';
import { staffPages } from '../pages/staff/index.js';
import { membershipPages } from '../pages/membership/index.js';
import { rosterRoutes } from '../api/v1/roster/index.js';

import { examResultsModule } from '../pages/exams-results/index.js';
import { examPages } from '../pages/exams/index.js';
import { rosterExportsModule } from '../pages/roster-exports/index.js';
import { councilMigrationModule } from '../pages/council-migration/index.js';
import { communicationsModule } from '../pages/communications/index.js';
import { membershipLifecycleModule } from '../pages/membership-lifecycle/index.js';
import { renewalModule } from '../pages/renewal/index.js';
import { feesModule } from '../pages/fees/index.js';
import { reviewApiRoutes } from '../api/v1/review/index.js';
// Every module's routes, in one list. A module adds one line here.
type Module = (app: FastifyInstance, deps: AppDeps) => Promise<void>;

const MODULES: Module[] = [healthRoutes, designTokensRoute, homePage, determinationRoutes, rulesPages, accountPages, staffPages, membershipPages, rosterRoutes, referenceDataModule, examResultsModule, examPages, rosterExportsModule, councilMigrationModule, communicationsModule, membershipLifecycleModule, renewalModule, feesModule, reviewApiRoutes];

export const registerRoutes = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  for (const module of MODULES) await module(app, deps);
};
