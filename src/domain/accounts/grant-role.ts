import { z } from 'zod';
import { ROLES, STAFF_ROLES, type Role } from '../access/actor.js';
import { authorize } from '../access/policies.js';
import { Conflict, NotFound } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { sqlStateOf } from '../../persistence/errors.js';
import { activeRolesOf, insertRoleGrant } from '../../persistence/repositories/roles.repository.js';
import { findUserById } from '../../persistence/repositories/users.repository.js';
import { auditMeta, type UseCaseContext } from './context.js';

const input = z.object({ userId: z.uuid(), role: z.enum(ROLES), organisationId: z.uuid() });

/** A secretariat admin grants a role. Audited as role.granted with the user's roles before and after. */
export const grantRole = async (ctx: UseCaseContext, raw: { userId: string; role: string; organisationId: string }): Promise<{ grantId: string }> => {
  authorize(ctx.actor, 'roles.manage');
  const data = input.parse(raw);
  const user = await findUserById(ctx.db, data.userId);
  if (!user) throw new NotFound('user');
  if ((STAFF_ROLES as readonly Role[]).includes(data.role) && !user.isStaff) {
    throw new Conflict('staff role for a non-staff account', { ja: '職員ではないアカウントに事務局の役割は付与できません。', en: 'Staff roles can only be given to staff accounts.' });
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      const before = await activeRolesOf(tx, data.userId);
      const row = await insertRoleGrant(tx, { userId: data.userId, role: data.role, organisationId: data.organisationId, grantedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, grantedAt: ctx.clock.now() });
      const simple = (g: { role: string; organisationId: string }) => ({ role: g.role, organisationId: g.organisationId });
      await writeAuditEvent(tx, {
        ...auditMeta(ctx),
        action: 'role.granted',
        target: { type: 'user', id: data.userId },
        summary: { before: before.map(simple), after: [...before, row].map(simple) },
      });
      return { grantId: row.id };
    });
  } catch (error) {
    if (sqlStateOf(error) === '23505') throw new Conflict('role already granted', { ja: 'この役割はすでに付与されています。', en: 'That role has already been given.' });
    if (sqlStateOf(error) === '23503') throw new NotFound('organisation');
    throw error;
  }
};
