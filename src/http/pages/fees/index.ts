import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';
import { feesApiRoutes } from '../../api/v1/fees/fees-api.route.js';
import { debitResultPages } from './debit-results.page.js';
import { memberFeesPages } from './member-fees.page.js';
import { staffFeesPages } from './staff-fees.page.js';

/** M10 fees: members' invoices, receipts and discount claims; staff invoicing, payments, arrears, the debit file
 * and the bank's debit results. */
export const feesModule = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  for (const m of [memberFeesPages, staffFeesPages, debitResultPages, feesApiRoutes]) await m(app, deps);
};
