// A merger (合併・新会社としての独立, JAIM FAQ Q3-2-2) moves the establishment to the surviving or new company. That
// company is found by its 法人番号 or, when none is registered under it (or the new company has no number yet),
// registered from the notice. The establishment record moves on the effective date; the roster row from that date
// already carries the new company.
import { writeAuditEvent } from '../../persistence/audit/index.js';
import type { Db } from '../../persistence/database.js';
import { insertMergerOrganisation, updateEstablishmentMaster } from '../../persistence/repositories/change-notices.repository.js';
import { findEstablishment } from '../../persistence/repositories/establishments.repository.js';
import { findOrganisation, findOrganisationByCorporateNumber, type OrganisationRow } from '../../persistence/repositories/organisations.repository.js';
import type { auditMeta } from '../accounts/context.js';
import { Conflict, NotFound } from '../errors.js';
import type { ChangeDetails } from './change-details.js';

type AuditMeta = ReturnType<typeof auditMeta>;

export type MergerTargetPreview = { organisationId: string | null; name: string; corporateNumber: string | null; existing: boolean };

/** Why an existing organisation cannot take the establishment (null: it can). */
export const mergerTargetProblem = (target: OrganisationRow, fromOrganisationId: string): { ja: string; en: string } | null => {
  if (target.id === fromOrganisationId)
    return {
      ja: 'この法人番号は現在の法人のものです。法人名だけが変わる場合は「法人名の変更」として届け出てください',
      en: 'This corporate number is the current company’s own. If only the name changes, notify a company name change',
    };
  if (target.kind !== 'accepting_company')
    return { ja: 'この法人番号は受入れ事業者以外（団体・支援機関など）として登録されています', en: 'This corporate number is registered to an organisation that is not an accepting company' };
  return null;
};

/** What the secretariat will see happen: the registered company the establishment joins, or the one to be registered. */
export const previewMergerTarget = async (db: Db, d: ChangeDetails): Promise<MergerTargetPreview> => {
  const known = d.survivingOrganisationId ? await findOrganisation(db, d.survivingOrganisationId) : d.newCorporateNumber ? await findOrganisationByCorporateNumber(db, d.newCorporateNumber) : undefined;
  return known
    ? { organisationId: known.id, name: known.name, corporateNumber: known.corporateNumber, existing: true }
    : { organisationId: null, name: d.newCompanyName ?? '', corporateNumber: d.newCorporateNumber ?? null, existing: false };
};

/** Finds (by 法人番号) or registers the company the establishment joins; audited when registered. */
export const resolveMergerTarget = async (tx: Db, d: ChangeDetails, fromOrganisationId: string, changeNoticeId: string, meta: AuditMeta): Promise<OrganisationRow> => {
  const found = d.newCorporateNumber ? await findOrganisationByCorporateNumber(tx, d.newCorporateNumber) : undefined;
  const target = found ?? (await insertMergerOrganisation(tx, { name: d.newCompanyName!, corporateNumber: d.newCorporateNumber ?? null, at: meta.occurredAt }));
  // A concurrent registration took the number between the lookup and the insert: that company is the one.
  const resolved = target ?? (d.newCorporateNumber ? await findOrganisationByCorporateNumber(tx, d.newCorporateNumber) : undefined);
  if (!resolved) throw new NotFound('organisation');
  const problem = mergerTargetProblem(resolved, fromOrganisationId);
  if (problem) throw new Conflict('merger target not allowed', { ja: `${problem.ja}。届出を受理せず、正しい内容で再度届け出てもらってください。`, en: `${problem.en}. Refuse the notice and ask for a corrected one.` });
  if (!found && target)
    await writeAuditEvent(tx, {
      ...meta,
      action: 'organisation.registered',
      target: { type: 'organisation', id: target.id },
      summary: { after: { kind: target.kind, name: target.name, corporateNumber: target.corporateNumber, fromOrganisationId, changeNoticeId } },
    });
  return resolved;
};

/** On the effective date the establishment record moves to the company it merged into (audited with both ends). */
export const moveMergedEstablishment = async (tx: Db, establishmentId: string, d: ChangeDetails, changeNoticeId: string, meta: AuditMeta): Promise<void> => {
  const to = d.survivingOrganisationId;
  if (!to) return;
  const est = await findEstablishment(tx, establishmentId);
  if (!est || est.organisationId === to) return;
  await updateEstablishmentMaster(tx, establishmentId, { organisationId: to });
  await writeAuditEvent(tx, {
    ...meta,
    action: 'establishment.moved',
    target: { type: 'establishment', id: establishmentId },
    summary: { before: { organisationId: est.organisationId }, after: { organisationId: to, changeNoticeId } },
  });
};
