import type { LegalDate } from '../../../rules/core/index.js';
import { authorize } from '../access/policies.js';
import { actorUserId } from '../access/actor.js';
import { auditMeta } from '../accounts/context.js';
import { Conflict, NotFound } from '../errors.js';
import { queueMail } from '../mail/outbox.js';
import { searchTextFor } from '../roster/search-text.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import type { Db } from '../../persistence/database.js';
import {
  closeOpenListing,
  insertDatedListing,
  findChangeNotice,
  openListingsOf,
  updateChangeNoticeGuarded,
  updateEstablishmentMaster,
  updateOrganisationMaster,
  type ChangeNoticeRow,
  type RosterEntryFullRow,
} from '../../persistence/repositories/change-notices.repository.js';
import { listEstablishmentsOf } from '../../persistence/repositories/establishments.repository.js';
import { findUserContact } from '../../persistence/repositories/join-requests.repository.js';
import { findOrganisation } from '../../persistence/repositories/organisations.repository.js';
import type { ChangeDetails, ChangeKind } from './change-details.js';
import { changeNoticeTransition } from './change-notice.states.js';
import { changeDecidedMail } from './lifecycle-mail.js';
import { moveMergedEstablishment, resolveMergerTarget } from './merger-target.js';
import { CONCURRENT_CHANGE, concurrentChange, todayOf, type LifecycleContext } from './lifecycle-common.js';

type Listing = RosterEntryFullRow;
type MergerTarget = { id: string; name: string; corporateNumber: string | null };

/** The new roster row's values for one listing (null: this listing is not touched). */
const nextListing = (kind: ChangeKind, d: ChangeDetails, old: Listing, sideBySide: boolean, target?: MergerTarget): Partial<Listing> | null => {
  switch (kind) {
    case 'establishment_name':
      return { establishmentName: d.newName!, establishmentNameKana: d.newNameKana ?? null };
    case 'company_name':
      return { organisationName: d.newName! };
    case 'address':
      return { address: d.newAddress!, prefecture: d.newPrefecture! };
    case 'relocation':
      return { establishmentName: d.newName!, address: d.newAddress!, prefecture: d.newPrefecture!, previousName: sideBySide ? old.establishmentName : null };
    case 'merger':
      // The row from the effective date belongs to the company merged into, with its name and 法人番号; the old company
      // name stays beside it until the new company operates.
      return {
        organisationId: target!.id,
        organisationName: target!.name,
        corporateNumber: target!.corporateNumber,
        previousName: sideBySide ? old.organisationName : null,
      };
    case 'operating_confirmed':
      return { previousName: null, ...(d.newCorporateNumber ? { corporateNumber: d.newCorporateNumber } : {}) };
    default:
      return null;
  }
};

/** Brings the organisation / establishment record up to date (on or after the effective date). */
export const applyMasterUpdate = async (tx: Db, n: ChangeNoticeRow, meta: ReturnType<typeof auditMeta>): Promise<void> => {
  const d = n.details as ChangeDetails;
  if (n.kind === 'merger' && n.establishmentId) await moveMergedEstablishment(tx, n.establishmentId, d, n.id, meta);
  if (n.kind === 'establishment_name' && n.establishmentId) await updateEstablishmentMaster(tx, n.establishmentId, { name: d.newName!, nameKana: d.newNameKana ?? null });
  if ((n.kind === 'address' || n.kind === 'relocation') && n.establishmentId)
    await updateEstablishmentMaster(tx, n.establishmentId, {
      ...(n.kind === 'relocation' ? { name: d.newName! } : {}),
      address: d.newAddress!,
      prefecture: d.newPrefecture!,
      postalCode: d.newPostalCode ?? null,
    });
  if (n.kind === 'operating_confirmed' && n.establishmentId) await updateEstablishmentMaster(tx, n.establishmentId, { operating: true });
  if (n.kind === 'company_name') await updateOrganisationMaster(tx, n.organisationId, { name: d.newName!, nameKana: d.newNameKana ?? null });
  if (n.kind === 'representative') await updateOrganisationMaster(tx, n.organisationId, { representativeName: d.newRepresentative! });
};

/**
 * The secretariat applies a change notice from its effective date: each listing it touches is closed the day before
 * (listed_until = effective date) and a new dated row opens with the new values, never overwriting the old one. A
 * relocation or merger not yet operating lists old and new names side by side (previous_name, JAIM FAQ Q3-2-2/3) until
 * the follow-up notice closes that period. A merger's rows belong to the company merged into (found by 法人番号 or
 * registered now). The organisation / establishment record follows on the effective date.
 */
export const applyChangeNotice = async (ctx: LifecycleContext, id: string, lockVersion: number): Promise<{ newListings: number }> => {
  authorize(ctx.actor, 'membership_change.review');
  const at = ctx.clock.now();
  const today = todayOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await findChangeNotice(tx, id);
    if (!before) throw new NotFound('change_notice');
    if (before.lockVersion !== lockVersion) throw concurrentChange('change notice');
    const status = changeNoticeTransition(before.status, 'apply');
    const meta = auditMeta(ctx);
    const target = before.kind === 'merger' ? await resolveMergerTarget(tx, before.details as ChangeDetails, before.organisationId, id, meta) : undefined;
    const after = await updateChangeNoticeGuarded(tx, id, lockVersion, {
      status,
      decidedAt: at,
      decidedBy: actorUserId(ctx.actor) ?? null,
      ...(target ? { details: { ...before.details, survivingOrganisationId: target.id } } : {}),
    });
    if (!after) throw concurrentChange('change notice');
    const [org, ests] = await Promise.all([findOrganisation(tx, after.organisationId), listEstablishmentsOf(tx, after.organisationId)]);
    if (!org) throw new NotFound('organisation');
    const details = after.details as ChangeDetails;
    const sideBySide = Boolean((after.determination as { sideBySide?: boolean } | null)?.sideBySide);
    const ids = after.kind === 'company_name' ? ests.map((e) => e.id) : after.establishmentId ? [after.establishmentId] : [];
    // A company name change concerns the rows of this company (not an establishment already merged into another).
    const listings = (await openListingsOf(tx, ids)).filter((l) => after.kind !== 'company_name' || l.organisationId === after.organisationId);
    const effective = after.effectiveFrom as LegalDate;
    let newListings = 0;
    for (const old of listings) {
      const change = nextListing(after.kind, details, old, sideBySide, target);
      if (!change) continue;
      if (effective <= old.listedFrom)
        throw new Conflict('effective date not after listing', {
          ja: `効力発生日（${effective}）が現在の名簿掲載の開始日（${old.listedFrom}）以前のため反映できません。届出を受理せず、正しい日付で再度届け出てもらってください。`,
          en: `The effective date (${effective}) is not after the current listing began (${old.listedFrom}); refuse the notice and ask for a new one with the right date.`,
        });
      if (!(await closeOpenListing(tx, old.id, effective, at))) throw new Conflict('listing changed', CONCURRENT_CHANGE);
      const next = { ...old, ...change };
      const est = ests.find((e) => e.id === old.establishmentId);
      const row = await insertDatedListing(tx, {
        establishmentId: next.establishmentId,
        organisationId: next.organisationId,
        roster: next.roster,
        listedFrom: effective,
        establishmentName: next.establishmentName,
        establishmentNameKana: next.establishmentNameKana,
        organisationName: next.organisationName,
        corporateNumber: next.corporateNumber,
        prefecture: next.prefecture,
        address: next.address,
        jsicCodes: next.jsicCodes,
        joinRequestId: next.joinRequestId,
        previousName: next.previousName ?? null,
        searchText: searchTextFor([next.establishmentName, next.establishmentNameKana ?? est?.nameKana, next.organisationName, next.previousName]),
        createdAt: at,
      });
      await writeAuditEvent(tx, { ...meta, action: 'roster.listing_closed', target: { type: 'roster_entry', id: old.id }, summary: { after: { listedUntil: effective, changeNoticeId: id } } });
      await writeAuditEvent(tx, {
        ...meta,
        action: 'roster.listed',
        target: { type: 'roster_entry', id: row.id },
        summary: { after: { establishmentId: row.establishmentId, roster: row.roster, listedFrom: effective, previousName: next.previousName ?? null, changeNoticeId: id } },
      });
      newListings += 1;
    }
    let masterApplied = false;
    if (effective <= today) {
      await applyMasterUpdate(tx, after, meta);
      await updateChangeNoticeGuarded(tx, id, after.lockVersion, { masterAppliedAt: at });
      masterApplied = true;
    }
    await writeAuditEvent(tx, {
      ...meta,
      action: 'membership_change.applied',
      target: { type: 'change_notice', id },
      summary: {
        before: { status: before.status },
        after: { status, kind: after.kind, effectiveFrom: effective, newListings, sideBySide, masterApplied, ...(target ? { survivingOrganisationId: target.id, formerOrganisationName: org.name } : {}) },
      },
    });
    const contact = after.submittedBy ? await findUserContact(tx, after.submittedBy) : undefined;
    if (contact)
      await queueMail(tx, at, contact.email, changeDecidedMail(contact.locale, { name: contact.displayName, organisationName: org.name, link: `${ctx.baseUrl}/change-notices/${id}`, applied: true, effectiveFrom: effective, reason: null }));
    return { newListings };
  });
};
