import { authorize } from '../access/policies.js';
import { NotFound } from '../errors.js';
import { listChangeNotices, listingsInForceFrom, listOpenSideBySide } from '../../persistence/repositories/change-notices.repository.js';
import { listEstablishmentsOf } from '../../persistence/repositories/establishments.repository.js';
import { findOrganisation } from '../../persistence/repositories/organisations.repository.js';
import { listWithdrawals } from '../../persistence/repositories/withdrawals.repository.js';
import { todayOf, type LifecycleContext } from './lifecycle-common.js';

/** What a member sees about its membership over time: listings now and ahead, change notices, withdrawals. */
export const getLifecycleOverview = async (ctx: LifecycleContext, organisationId: string) => {
  authorize(ctx.actor, 'organisation.read', { organisationId });
  const org = await findOrganisation(ctx.db, organisationId);
  if (!org) throw new NotFound('organisation');
  const establishments = await listEstablishmentsOf(ctx.db, organisationId);
  const [listings, notices, sideBySide, withdrawals] = await Promise.all([
    listingsInForceFrom(ctx.db, establishments.map((e) => e.id), todayOf(ctx)),
    listChangeNotices(ctx.db, { organisationId }),
    listOpenSideBySide(ctx.db, organisationId),
    listWithdrawals(ctx.db, { organisationId }),
  ]);
  return { org, establishments, listings, notices, sideBySide, withdrawals };
};
