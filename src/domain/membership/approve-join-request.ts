import { fiscalYearOf, japanDateOf } from '../../../rules/core/index.js';
import { validRosterOn } from '../../../rules/jaim-membership-faq/index.js';
import { authorize } from '../access/policies.js';
import { issueInvoiceTx } from '../fees/issue-invoice.js';
import { auditMeta } from '../accounts/context.js';
import { Conflict, NotFound } from '../errors.js';
import { queueMail } from '../mail/outbox.js';
import { searchTextFor } from '../roster/search-text.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findEstablishment } from '../../persistence/repositories/establishments.repository.js';
import { appendJoinRequestHistory, closeOpenRosterListing, findUserContact } from '../../persistence/repositories/join-requests.repository.js';
import { notifyApplicant } from './notify-applicant.js';
import { findOrganisation } from '../../persistence/repositories/organisations.repository.js';
import { insertRosterEntry, openListingsOfEstablishment } from '../../persistence/repositories/roster.repository.js';
import { joinRequestLink, type MembershipContext } from './context.js';
import { applyJoinRequestEvent } from './join-request-events.js';
import { joinApprovedMail } from './join-mail.js';

/**
 * Approves a join request under review (手続終了・承認) and lists the establishment on the roster from today (Japan
 * date). Which roster: the one valid for immigration filings that day (jaim-membership-faq Q2-2-6 / Q2-2-7: the
 * council roster until 2025-12-25, JAIM's from 2025-12-26), from the rules library. When the JAIM listing starts,
 * an open council listing of the same establishment closes the day before (half-open periods: listed_until = the
 * JAIM listing's first day), so the establishment is never on both rosters for the same day.
 * A JAIM listing also issues the establishment's first-year invoice in the same transaction: the approval is the
 * fee notice after screening, so its Japan date is the fee notice date whose month sets the first-year amount
 * (jaim-membership-faq Q2-5-1), paid by bank transfer (Q2-5-7). The council charged no such fee.
 */
export const approveJoinRequest = async (
  ctx: MembershipContext,
  id: string,
  lockVersion: number,
): Promise<{ rosterEntryId: string; roster: string; listedFrom: string; closedCouncilListings: string[]; invoiceId: string | null }> => {
  authorize(ctx.actor, 'join_request.review');
  const decidedBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const at = ctx.clock.now();
  const listedFrom = japanDateOf(at);
  const roster = validRosterOn(listedFrom);
  return ctx.db.transaction(async (tx) => {
    const { before, after } = await applyJoinRequestEvent(tx, id, 'approve', lockVersion, { decidedAt: at, decidedBy, decisionReason: null });
    if (!after.establishmentId) throw new NotFound('establishment');
    const [org, est] = await Promise.all([findOrganisation(tx, after.organisationId), findEstablishment(tx, after.establishmentId)]);
    if (!org || !est) throw new NotFound('establishment');
    if ((await openListingsOfEstablishment(tx, est.id)).some((l) => l.roster === roster)) {
      throw new Conflict('already listed', { ja: 'この事業所は既に名簿に掲載されています。', en: 'This establishment is already on the roster.' });
    }
    const closed = roster === 'jaim' ? await closeOpenRosterListing(tx, est.id, 'council', listedFrom) : [];
    const entry = await insertRosterEntry(tx, {
      establishmentId: est.id,
      organisationId: org.id,
      roster,
      listedFrom,
      establishmentName: est.name,
      establishmentNameKana: est.nameKana,
      organisationName: org.name,
      corporateNumber: org.corporateNumber,
      prefecture: est.prefecture,
      address: est.address,
      jsicCodes: est.jsicCodes,
      joinRequestId: id,
      searchText: searchTextFor([est.name, est.nameKana, org.name, org.nameKana]),
      createdAt: at,
    });
    const meta = auditMeta(ctx);
    await appendJoinRequestHistory(tx, { joinRequestId: id, event: 'approve', statusAfter: after.status, at, actorUserId: decidedBy });
    for (const closedId of closed) {
      await writeAuditEvent(tx, {
        ...meta,
        action: 'roster.delisted',
        target: { type: 'roster_entry', id: closedId },
        summary: { after: { establishmentId: est.id, roster: 'council', listedUntil: listedFrom, reason: 'jaim_listing_started', joinRequestId: id, rule: 'jaim-membership-faq Q2-2-7' } },
      });
    }
    await writeAuditEvent(tx, {
      ...meta,
      action: 'join_request.approved',
      target: { type: 'join_request', id },
      summary: { before: { status: before.status }, after: { status: after.status, roster, listedFrom } },
    });
    await writeAuditEvent(tx, {
      ...meta,
      action: 'roster.listed',
      target: { type: 'roster_entry', id: entry.id },
      summary: { after: { establishmentId: est.id, roster, listedFrom, joinRequestId: id, rule: roster === 'jaim' ? 'jaim-membership-faq Q2-2-7' : 'jaim-membership-faq Q2-2-6' } },
    });
    const invoice = roster === 'jaim' ? await issueInvoiceTx(tx, ctx, { establishmentId: est.id, fiscalYear: fiscalYearOf(listedFrom), firstYear: true, feeNoticeDate: listedFrom }) : undefined;
    const contact = after.submittedBy ? await findUserContact(tx, after.submittedBy) : undefined;
    if (contact) {
      const mail = joinApprovedMail(contact.locale, { name: contact.displayName, organisationName: org.name, establishmentName: est.name, link: joinRequestLink(ctx, id), listedFrom, roster });
      await queueMail(tx, at, contact.email, mail);
      await notifyApplicant(tx, { userId: after.submittedBy!, organisationId: org.id, at, mail, link: joinRequestLink(ctx, id) });
    }
    return { rosterEntryId: entry.id, roster, listedFrom, closedCouncilListings: closed, invoiceId: invoice?.id ?? null };
  });
};
