import { authorize } from '../access/policies.js';
import { NotFound } from '../errors.js';
import { findExpulsion, listExpulsions } from '../../persistence/repositories/expulsions.repository.js';
import { findUserContact } from '../../persistence/repositories/join-requests.repository.js';
import { todayOf, type LifecycleContext } from '../membership-changes/lifecycle-common.js';
import { mojReportDetermination } from './approve-expulsion.js';
import type { ExpulsionCategoryCode } from './grounds.js';

export const getExpulsion = async (ctx: LifecycleContext, id: string) => {
  authorize(ctx.actor, 'expulsion.read');
  const e = await findExpulsion(ctx.db, id);
  if (!e) throw new NotFound('expulsion');
  // What the approver will be asked (art.14(4)), shown before the decision.
  const mojPreview = e.status === 'proposed' ? mojReportDetermination(e.category as ExpulsionCategoryCode, todayOf(ctx)) : null;
  const proposer = await findUserContact(ctx.db, e.proposedBy);
  return { ...e, mojPreview, proposerName: proposer?.displayName ?? '' };
};

export const listAllExpulsions = async (ctx: LifecycleContext) => {
  authorize(ctx.actor, 'expulsion.read');
  return listExpulsions(ctx.db);
};
