import { authorize, can } from '../access/policies.js';
import { NotFound } from '../errors.js';
import { findWithdrawal, listWithdrawals } from '../../persistence/repositories/withdrawals.repository.js';
import type { LifecycleContext } from '../membership-changes/lifecycle-common.js';

/** One withdrawal notice, for its organisation or the secretariat's information handlers. */
export const getWithdrawal = async (ctx: LifecycleContext, id: string) => {
  const w = await findWithdrawal(ctx.db, id);
  if (!can(ctx.actor, 'withdrawal.read_any')) authorize(ctx.actor, 'organisation.read', { organisationId: w?.organisationId ?? '-' });
  if (!w) throw new NotFound('withdrawal');
  return w;
};

export const listAllWithdrawals = async (ctx: LifecycleContext) => {
  authorize(ctx.actor, 'withdrawal.read_any');
  return listWithdrawals(ctx.db);
};

export const listWithdrawalsOfOrganisation = async (ctx: LifecycleContext, organisationId: string) => {
  authorize(ctx.actor, 'organisation.read', { organisationId });
  return listWithdrawals(ctx.db, { organisationId });
};
