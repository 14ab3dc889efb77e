import { authorize } from '../access/policies.js';
import { auditMeta, type UseCaseContext } from '../accounts/context.js';
import { InvalidInput } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findOrganisationByCorporateNumber, insertOrganisation } from '../../persistence/repositories/organisations.repository.js';
import { insertRoleGrant } from '../../persistence/repositories/roles.repository.js';
import { Problems } from './validation.js';

export type RegisterOrganisationInput = {
  name?: unknown;
  nameKana?: unknown;
  corporateNumber?: unknown;
  postalCode?: unknown;
  prefecture?: unknown;
  address?: unknown;
  representativeName?: unknown;
};

export const ORGANISATION_LABELS = {
  name: { ja: '法人名', en: 'company name' },
  nameKana: { ja: '法人名フリガナ', en: 'company name reading (katakana)' },
  address: { ja: '所在地', en: 'address' },
  representativeName: { ja: '代表者氏名', en: 'representative’s name' },
} as const;

/** Validates the company's details; returns the cleaned values or throws InvalidInput naming every field wrong. */
export const validateOrganisation = (input: RegisterOrganisationInput) => {
  const p = new Problems();
  const value = {
    name: p.required('name', input.name, ORGANISATION_LABELS.name),
    nameKana: p.kana('nameKana', input.nameKana, ORGANISATION_LABELS.nameKana),
    corporateNumber: p.corporateNumber('corporateNumber', input.corporateNumber),
    postalCode: p.postalCode('postalCode', input.postalCode),
    prefecture: p.prefecture('prefecture', input.prefecture),
    address: p.required('address', input.address, ORGANISATION_LABELS.address, 300),
    representativeName: p.required('representativeName', input.representativeName, ORGANISATION_LABELS.representativeName, 100),
  };
  if (p.list.length) throw new InvalidInput(p.list);
  return value;
};

/**
 * A signed-in user registers an accepting company (受入れ企業) and becomes its company_admin.
 * M2: applicant identity — name, address, representative, 法人番号.
 */
export const registerOrganisation = async (ctx: UseCaseContext, input: RegisterOrganisationInput): Promise<{ organisationId: string }> => {
  authorize(ctx.actor, 'organisation.register');
  if (ctx.actor.kind !== 'user') throw new Error('unreachable: organisation.register admits only users');
  const userId = ctx.actor.userId;
  const value = validateOrganisation(input);
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (await findOrganisationByCorporateNumber(tx, value.corporateNumber)) {
      throw new InvalidInput([
        {
          field: 'corporateNumber',
          message: {
            ja: 'この法人番号の法人は既に登録されています。登録済みの法人の管理者に、利用者の追加を依頼してください',
            en: 'A company with this corporate number is already registered. Ask its administrator to add you as a user',
          },
        },
      ]);
    }
    const org = await insertOrganisation(tx, { kind: 'accepting_company', ...value, createdAt: at });
    const grant = await insertRoleGrant(tx, { userId, role: 'company_admin', organisationId: org.id, grantedBy: userId, grantedAt: at });
    const meta = auditMeta(ctx);
    await writeAuditEvent(tx, {
      ...meta,
      action: 'organisation.registered',
      target: { type: 'organisation', id: org.id },
      summary: { after: { kind: org.kind, ...value } },
    });
    await writeAuditEvent(tx, {
      ...meta,
      action: 'role.granted',
      target: { type: 'user', id: userId },
      summary: { before: null, after: { grantId: grant.id, role: 'company_admin', organisationId: org.id } },
    });
    return { organisationId: org.id };
  });
};
