import { isStaff, type Actor, type Role } from '../access/actor.js';
import type { Db } from '../../persistence/database.js';
import { companiesDelegatedTo } from '../../persistence/repositories/delegations.repository.js';
import { isActiveInformationHandler } from '../../persistence/repositories/information-handlers.repository.js';
import { activeRolesOf } from '../../persistence/repositories/roles.repository.js';

/** The user actor for a signed-in user: active role grants, handler flag and delegations. */
export const buildUserActor = async (
  db: Db,
  user: { id: string; email: string; displayName: string },
  mfaVerified: boolean,
): Promise<Extract<Actor, { kind: 'user' }>> => {
  const [grants, handler] = await Promise.all([activeRolesOf(db, user.id), isActiveInformationHandler(db, user.id)]);
  const roles = grants.map((g) => ({ role: g.role as Role, organisationId: g.organisationId }));
  const supportOrgs = roles.filter((g) => g.role === 'support_org_member').map((g) => g.organisationId);
  const actingFor = await companiesDelegatedTo(db, supportOrgs);
  const actor = {
    kind: 'user' as const,
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    roles,
    isInformationHandler: handler,
    mfaVerified,
    actingFor,
  };
  // Only staff with a verified second factor are handlers in effect; the flag alone never opens data.
  return { ...actor, isInformationHandler: handler && isStaff(actor) };
};
