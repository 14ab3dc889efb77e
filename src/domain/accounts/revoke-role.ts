import { authorize } from '../access/policies.js';
import { Conflict, NotFound } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { activeRolesOf, findActiveRole, revokeRoleGrant } from '../../persistence/repositories/roles.repository.js';
import { auditMeta, type UseCaseContext } from './context.js';

/** A secretariat admin revokes a role grant; nobody can revoke their own admin role (so the service keeps one). */
export const revokeRole = async (ctx: UseCaseContext, input: { grantId: string; reason?: string }): Promise<void> => {
  authorize(ctx.actor, 'roles.manage');
  const grant = await findActiveRole(ctx.db, input.grantId);
  if (!grant) throw new NotFound('role grant');
  if (ctx.actor.kind === 'user' && grant.userId === ctx.actor.userId && grant.role === 'secretariat_admin') {
    throw new Conflict('cannot revoke own admin role', { ja: '自分自身の管理者権限は取り消せません。', en: 'You cannot remove your own administrator role.' });
  }
  await ctx.db.transaction(async (tx) => {
    const before = await activeRolesOf(tx, grant.userId);
    if (!(await revokeRoleGrant(tx, grant.id, ctx.actor.kind === 'user' ? ctx.actor.userId : null, ctx.clock.now()))) throw new NotFound('role grant');
    const simple = (g: { role: string; organisationId: string }) => ({ role: g.role, organisationId: g.organisationId });
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'role.revoked',
      target: { type: 'user', id: grant.userId },
      summary: { before: before.map(simple), after: before.filter((g) => g.id !== grant.id).map(simple) },
      ...(input.reason ? { reason: input.reason } : {}),
    });
  });
};
