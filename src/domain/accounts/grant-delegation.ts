import { z } from 'zod';
import { authorize } from '../access/policies.js';
import { Conflict, InvalidInput } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { sqlStateOf } from '../../persistence/errors.js';
import { findOrganisationForDelegation, insertDelegation } from '../../persistence/repositories/delegations.repository.js';
import { auditMeta, type UseCaseContext } from './context.js';

const input = z.object({ companyOrganisationId: z.uuid(), supportOrganisation: z.string().trim().max(64) });

/**
 * A company admin lets a registered support organisation (by corporate number or id) act for the company. The support
 * organisation's members then have the company in `actingFor`.
 */
export const grantDelegation = async (ctx: UseCaseContext, raw: z.input<typeof input>): Promise<{ id: string }> => {
  const data = input.parse(raw);
  authorize(ctx.actor, 'delegation.manage', { organisationId: data.companyOrganisationId });
  const support = data.supportOrganisation ? await findOrganisationForDelegation(ctx.db, data.supportOrganisation) : undefined;
  if (!support || support.kind !== 'support_organisation' || support.id === data.companyOrganisationId) {
    throw new InvalidInput([{ field: 'supportOrganisation', message: { ja: 'この法人番号の登録支援機関が見つかりません。', en: 'No registered support organisation has this corporate number.' } }]);
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await insertDelegation(tx, { companyOrganisationId: data.companyOrganisationId, supportOrganisationId: support.id, grantedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, grantedAt: ctx.clock.now() });
      await writeAuditEvent(tx, {
        ...auditMeta(ctx),
        action: 'delegation.granted',
        target: { type: 'organisation', id: data.companyOrganisationId },
        summary: { before: null, after: { delegationId: row.id, supportOrganisationId: support.id, supportName: support.name } },
      });
      return row;
    });
  } catch (error) {
    if (sqlStateOf(error) === '23505') throw new Conflict('already delegated', { ja: 'この登録支援機関にはすでに委任しています。', en: 'You have already delegated to this support organisation.' });
    throw error;
  }
};
