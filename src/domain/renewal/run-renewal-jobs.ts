import { daysBetween, japanDateOf, legalDate } from '../../../rules/core/index.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import {
  closeRosterListing,
  listResponsesOfCycle,
  markReminded,
  openCyclesAccepting,
  openCyclesPastDeadline,
  organisationContacts,
  setRenewalCycleStatus,
  updateRenewalResponseGuarded,
} from '../../persistence/repositories/renewals.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { queueMail } from '../mail/outbox.js';
import { determinationFor, loadRulesContext } from '../rules-context.js';
import { type RenewalContext, renewalLink } from './context.js';
import { MEMBERSHIP_END_CITATIONS, membershipEndsOn, unansweredDetermination } from './lapse-rules.js';
import { transitionCycle } from './renewal-cycle.states.js';
import { renewalLapsedMail, renewalReminderMail } from './renewal-mail.js';
import { transitionResponse } from './renewal-response.states.js';

/** Reminders start 14 days before the deadline, then weekly, and once more on the last day. */
export const REMINDER_WINDOW_DAYS = 14;
export const reminderDue = (daysLeft: number, daysSinceLast: number | null): boolean =>
  daysLeft >= 0 && daysLeft <= REMINDER_WINDOW_DAYS && (daysSinceLast === null || daysSinceLast >= 7 || (daysLeft === 0 && daysSinceLast >= 1));

/**
 * Scheduled daily: reminds the organisations that have not answered an open renewal check (at most once a day per
 * establishment, so a re-run sends nothing twice). One mail per contact, listing the establishments still to answer.
 */
export const sendRenewalReminders = async (ctx: RenewalContext): Promise<{ reminded: number }> => {
  authorize(ctx.actor, 'renewal.run_jobs');
  const at = ctx.clock.now();
  const today = japanDateOf(at);
  let reminded = 0;
  for (const cycle of await openCyclesAccepting(ctx.db, today)) {
    const daysLeft = daysBetween(today, legalDate(cycle.deadline));
    const awaiting = (await listResponsesOfCycle(ctx.db, cycle.id, 'awaiting')).filter((r) =>
      reminderDue(daysLeft, r.lastRemindedOn ? daysBetween(legalDate(r.lastRemindedOn), today) : null),
    );
    const byOrg = new Map<string, typeof awaiting>();
    for (const r of awaiting) byOrg.set(r.organisationId, [...(byOrg.get(r.organisationId) ?? []), r]);
    for (const [orgId, rows] of byOrg) {
      await ctx.db.transaction(async (tx) => {
        const marked: string[] = [];
        for (const r of rows) if (await markReminded(tx, r.id, today)) marked.push(r.establishmentName);
        if (marked.length === 0) return;
        for (const c of await organisationContacts(tx, orgId)) {
          await queueMail(tx, at, c.email, renewalReminderMail(c.locale, { name: c.displayName, fiscalYear: cycle.fiscalYear, deadline: cycle.deadline, establishments: marked, link: renewalLink(ctx) }));
        }
        await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'renewal_response.reminded', target: { type: 'organisation', id: orgId }, summary: { after: { cycleId: cycle.id, establishments: marked.length, deadline: cycle.deadline } } });
        reminded += marked.length;
      });
    }
  }
  return { reminded };
};

/**
 * Scheduled daily: decides every unanswered response of the open checks whose deadline has passed, and stores why.
 * Council: membership lapses (council-renewal determination, art.12(2)) and the roster listing is closed from the
 * date `membershipEndsOn` gives (art.12(1)–(2), Q3-1-4). JAIM: no withdrawal was declared, so membership continues
 * and the next year's fee is due (Q3-1-4). Then the check is closed. Safe to run again: only awaiting rows move.
 */
export const lapseUnansweredRenewals = async (ctx: RenewalContext): Promise<{ lapsed: number; renewedByDefault: number; cyclesClosed: number }> => {
  authorize(ctx.actor, 'renewal.run_jobs');
  const at = ctx.clock.now();
  const today = japanDateOf(at);
  const council = determinationFor('council-renewal', await loadRulesContext(ctx.db));
  let lapsed = 0;
  let renewedByDefault = 0;
  let cyclesClosed = 0;
  for (const cycle of await openCyclesPastDeadline(ctx.db, today)) {
    const deadline = legalDate(cycle.deadline);
    for (const r of await listResponsesOfCycle(ctx.db, cycle.id, 'awaiting')) {
      const determination = unansweredDetermination(cycle.roster, deadline, today, council);
      await ctx.db.transaction(async (tx) => {
        if (determination.outcome === 'lapsed') {
          const endsOn = membershipEndsOn(cycle.fiscalYear, deadline);
          const updated = await updateRenewalResponseGuarded(tx, r.id, r.lockVersion, { status: transitionResponse(r.status, 'lapse'), determination: { ...determination, membershipEndsOn: endsOn, endCitations: MEMBERSHIP_END_CITATIONS }, membershipEndsOn: endsOn });
          if (!updated) return;
          const closed = r.rosterEntryId ? await closeRosterListing(tx, r.rosterEntryId, endsOn) : false;
          await writeAuditEvent(tx, {
            ...auditMeta(ctx),
            action: 'renewal_response.lapsed',
            target: { type: 'renewal_response', id: r.id },
            summary: { before: { status: r.status }, after: { status: 'lapsed', deadline: cycle.deadline, membershipEndsOn: endsOn, listingClosed: closed, rule: 'council-operating-rules art.12(2)' } },
          });
          if (closed && r.rosterEntryId) {
            await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'roster.listing_closed', target: { type: 'roster_entry', id: r.rosterEntryId }, summary: { after: { listedUntil: endsOn, reason: 'renewal lapsed', citations: MEMBERSHIP_END_CITATIONS } } });
          }
          for (const c of await organisationContacts(tx, r.organisationId)) {
            await queueMail(tx, at, c.email, renewalLapsedMail(c.locale, { name: c.displayName, establishment: r.establishmentName, fiscalYear: cycle.fiscalYear, deadline: cycle.deadline, endsOn }));
          }
          lapsed += 1;
        } else if (determination.outcome === 'renewed_by_default') {
          const updated = await updateRenewalResponseGuarded(tx, r.id, r.lockVersion, { status: transitionResponse(r.status, 'renew_by_default'), determination });
          if (!updated) return;
          await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'renewal_response.renewed_by_default', target: { type: 'renewal_response', id: r.id }, summary: { before: { status: r.status }, after: { status: 'renewed', rule: 'jaim-membership-faq Q3-1-4' } } });
          renewedByDefault += 1;
        }
      });
    }
    if ((await listResponsesOfCycle(ctx.db, cycle.id, 'awaiting')).length === 0) {
      await ctx.db.transaction(async (tx) => {
        if (await setRenewalCycleStatus(tx, cycle.id, cycle.lockVersion, transitionCycle(cycle.status, 'close'))) {
          await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'renewal_cycle.closed', target: { type: 'renewal_cycle', id: cycle.id }, summary: { before: { status: 'open' }, after: { status: 'closed', lapsed, renewedByDefault } } });
          cyclesClosed += 1;
        }
      });
    }
  }
  return { lapsed, renewedByDefault, cyclesClosed };
};
