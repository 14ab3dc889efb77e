import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { NotFound } from '../errors.js';
import { listEstablishmentsOf, type EstablishmentRow } from '../../persistence/repositories/establishments.repository.js';
import { listJoinRequestsOfOrganisations, type JoinRequestListItem } from '../../persistence/repositories/join-requests.repository.js';
import { findOrganisation, type OrganisationRow } from '../../persistence/repositories/organisations.repository.js';

export type OrganisationOverview = { organisation: OrganisationRow; establishments: EstablishmentRow[]; joinRequests: JoinRequestListItem[] };

/** A company's details, establishments and join requests, for its own users (and named information handlers). */
export const getOrganisation = async (ctx: UseCaseContext, organisationId: string): Promise<OrganisationOverview> => {
  authorize(ctx.actor, 'organisation.read', { organisationId });
  const organisation = await findOrganisation(ctx.db, organisationId);
  if (!organisation) throw new NotFound('organisation');
  const [establishments, joinRequests] = await Promise.all([listEstablishmentsOf(ctx.db, organisationId), listJoinRequestsOfOrganisations(ctx.db, [organisationId])]);
  return { organisation, establishments, joinRequests };
};
