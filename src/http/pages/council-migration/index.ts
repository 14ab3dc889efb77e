import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';
import { automaticWithdrawalsPage } from './automatic-withdrawals.page.js';
import { councilMigrationPages } from './council-migration.page.js';

export const councilMigrationModule = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  await councilMigrationPages(app, deps);
  await automaticWithdrawalsPage(app, deps);
};
