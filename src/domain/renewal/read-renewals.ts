import { findRenewalCycle, findRenewalResponseView, listRenewalCycles, listResponsesOfCycle, listResponsesOfOrganisations, type RenewalCycleRow, type RenewalResponseView } from '../../persistence/repositories/renewals.repository.js';
import { findWageReportOfResponse, listWageReportFiles, listWageReportsOfResponses, type WageEvidenceFile, type WageReportRow } from '../../persistence/repositories/wage-reports.repository.js';
import { organisationsOf } from '../access/actor.js';
import { authorize, can } from '../access/policies.js';
import { NotFound } from '../errors.js';
import type { RenewalContext } from './context.js';

export const listCycles = async (ctx: RenewalContext): Promise<RenewalCycleRow[]> => {
  authorize(ctx.actor, 'renewal.manage');
  return listRenewalCycles(ctx.db);
};

export const getCycle = async (ctx: RenewalContext, id: string): Promise<{ cycle: RenewalCycleRow; responses: RenewalResponseView[]; wageReports: WageReportRow[] }> => {
  authorize(ctx.actor, 'renewal.manage');
  const cycle = await findRenewalCycle(ctx.db, id);
  if (!cycle) throw new NotFound('renewal_cycle');
  const responses = await listResponsesOfCycle(ctx.db, id);
  return { cycle, responses, wageReports: await listWageReportsOfResponses(ctx.db, responses.map((r) => r.id)) };
};

export const listMyRenewals = async (ctx: RenewalContext): Promise<RenewalResponseView[]> => {
  authorize(ctx.actor, 'account.self');
  return listResponsesOfOrganisations(ctx.db, organisationsOf(ctx.actor));
};

export const getRenewalResponse = async (ctx: RenewalContext, id: string): Promise<{ response: RenewalResponseView; wageReport: WageReportRow | undefined; wageFiles: WageEvidenceFile[] }> => {
  authorize(ctx.actor, can(ctx.actor, 'renewal.manage') ? 'renewal.manage' : 'account.self');
  const response = await findRenewalResponseView(ctx.db, id);
  if (!response) throw new NotFound('renewal_response');
  if (!can(ctx.actor, 'renewal.manage')) authorize(ctx.actor, 'renewal.answer', { organisationId: response.organisationId });
  const wageReport = await findWageReportOfResponse(ctx.db, id);
  return { response, wageReport, wageFiles: wageReport ? await listWageReportFiles(ctx.db, wageReport.id) : [] };
};
