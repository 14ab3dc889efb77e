import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';
import { rosterExportApi } from '../../api/v1/roster-exports/snapshots.route.js';
import { rosterExportPages } from './exports.page.js';
import { rosterSnapshotPages } from './snapshots.page.js';

/** M9 extras: CSV/PDF exports of the roster as of a date, signed published snapshots and their verification. */
export const rosterExportsModule = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  for (const routes of [rosterExportPages, rosterSnapshotPages, rosterExportApi]) await routes(app, deps);
};
