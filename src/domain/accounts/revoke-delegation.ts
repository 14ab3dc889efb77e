import { authorize } from '../access/policies.js';
import { NotFound } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findActiveDelegation, revokeDelegation as revokeRow } from '../../persistence/repositories/delegations.repository.js';
import { auditMeta, type UseCaseContext } from './context.js';

/** The company ends a delegation; the support organisation loses `actingFor` on its next request. */
export const revokeDelegation = async (ctx: UseCaseContext, input: { id: string }): Promise<void> => {
  const delegation = await findActiveDelegation(ctx.db, input.id);
  if (!delegation) throw new NotFound('delegation');
  authorize(ctx.actor, 'delegation.manage', { organisationId: delegation.companyOrganisationId });
  if (ctx.actor.kind !== 'user') throw new NotFound('delegation');
  const by = ctx.actor.userId;
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeRow(tx, delegation.id, by, ctx.clock.now()))) throw new NotFound('delegation');
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'delegation.revoked',
      target: { type: 'organisation', id: delegation.companyOrganisationId },
      summary: { before: { delegationId: delegation.id, supportOrganisationId: delegation.supportOrganisationId }, after: null },
    });
  });
};
