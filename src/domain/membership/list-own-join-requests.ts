import { organisationsOf } from '../access/actor.js';
import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { listJoinRequestsOfOrganisations, type JoinRequestListItem } from '../../persistence/repositories/join-requests.repository.js';

/** The join requests of the organisations the actor acts for (its own company, or companies that delegated to it). */
export const listOwnJoinRequests = async (ctx: UseCaseContext): Promise<JoinRequestListItem[]> => {
  authorize(ctx.actor, 'join_request.read_own');
  return listJoinRequestsOfOrganisations(ctx.db, organisationsOf(ctx.actor));
};
