import { authorize } from '../access/policies.js';
import { auditMeta, type UseCaseContext } from '../accounts/context.js';
import { InvalidInput, NotFound } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { insertEstablishment } from '../../persistence/repositories/establishments.repository.js';
import { findOrganisation } from '../../persistence/repositories/organisations.repository.js';
import { Problems } from './validation.js';

export type RegisterEstablishmentInput = {
  name?: unknown;
  nameKana?: unknown;
  postalCode?: unknown;
  prefecture?: unknown;
  address?: unknown;
  jsicCodes?: unknown;
};

export const validateEstablishment = (input: RegisterEstablishmentInput) => {
  const p = new Problems();
  const value = {
    name: p.required('name', input.name, { ja: '事業所名', en: 'establishment name' }),
    nameKana: p.kana('nameKana', input.nameKana, { ja: '事業所名フリガナ', en: 'establishment name reading (katakana)' }),
    postalCode: p.postalCode('postalCode', input.postalCode),
    prefecture: p.prefecture('prefecture', input.prefecture),
    address: p.required('address', input.address, { ja: '所在地', en: 'address' }, 300),
    jsicCodes: p.jsicCodes('jsicCodes', input.jsicCodes),
  };
  if (p.list.length) throw new InvalidInput(p.list);
  return value;
};

/** M2: each establishment where SSW work, with its address and JSIC classification. Membership is per establishment. */
export const registerEstablishment = async (
  ctx: UseCaseContext,
  organisationId: string,
  input: RegisterEstablishmentInput,
): Promise<{ establishmentId: string }> => {
  authorize(ctx.actor, 'organisation.manage', { organisationId });
  const value = validateEstablishment(input);
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const org = await findOrganisation(tx, organisationId);
    if (!org || org.kind !== 'accepting_company') throw new NotFound('organisation');
    const row = await insertEstablishment(tx, { organisationId, ...value, createdAt: at });
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'establishment.registered',
      target: { type: 'establishment', id: row.id },
      summary: { after: { organisationId, ...value } },
    });
    return { establishmentId: row.id };
  });
};
