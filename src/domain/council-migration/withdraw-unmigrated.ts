import { Evaluator, type LegalDate } from '../../../rules/core/index.js';
import { JAIM_DATES } from '../../../rules/jaim-membership-faq/instrument.js';
import { migrationStatus } from '../../../rules/jaim-membership-faq/q2-2.js';
import { appendAuditEvents, type AuditEventInput } from '../../persistence/audit/index.js';
import { listOpenCouncilListings, recordCouncilWithdrawals, type CouncilWithdrawal } from '../../persistence/repositories/council-migration.repository.js';
import type { Db } from '../../persistence/database.js';
import type { Actor } from '../access/actor.js';
import { authorize } from '../access/policies.js';

export type WithdrawalRun = { asOf: LegalDate; considered: number; withdrawn: number };

/**
 * The scheduled job: council members that had not migrated to JAIM by 2025-12-25 are withdrawn from the council
 * automatically (jaim-membership-faq Q2-2-3). Each open council listing is assessed with the rules library's
 * migration-status rule as of today; where it says "withdrawn_automatically" the listing is closed from 2025-12-26
 * (the first day the council roster no longer counted) and the determination is stored with the reason.
 * Before the deadline it does nothing. Idempotent: a closed listing is never assessed again.
 */
export const withdrawUnmigratedCouncilMembers = async (ctx: { actor: Actor; db: Db; clock: { now(): Date } }, asOf: LegalDate): Promise<WithdrawalRun> => {
  authorize(ctx.actor, 'council.auto_withdraw');
  if (asOf < JAIM_DATES.jaimRosterOnlyFrom) return { asOf, considered: 0, withdrawn: 0 };
  const open = await listOpenCouncilListings(ctx.db);
  const withdrawals: CouncilWithdrawal[] = [];
  const audits: AuditEventInput[] = [];
  const now = ctx.clock.now();
  for (const l of open) {
    const ev = new Evaluator(asOf);
    const facts = {
      councilMember: true,
      jaimMembershipCompletedOn: (l.jaimListedFrom as LegalDate | null) ?? null,
      informationMigratedOn: l.choice === 'information_only' ? (l.migratedOn as LegalDate) : null,
    };
    const step = ev.applyFull(migrationStatus, facts);
    const trace = ev.steps[0]!;
    const effectiveOn = JAIM_DATES.jaimRosterOnlyFrom;
    const determination = { rule: trace.ruleId, outcome: step.outcome, citation: trace.citation, message: step.message, used: trace.used, asOf };
    if (step.outcome === 'withdrawn_automatically') {
      withdrawals.push({ rosterEntryId: l.rosterEntryId, establishmentId: l.establishmentId, effectiveOn, reason: step.message.ja, determination });
      audits.push({ actor: { kind: 'system' }, occurredAt: now, action: 'council_member.withdrawn_automatically', target: { type: 'roster_entry', id: l.rosterEntryId }, summary: { before: { listedUntil: null }, after: { listedUntil: effectiveOn, establishmentId: l.establishmentId, determination } }, reason: `${step.message.ja}（${trace.citation}）` });
    } else if (step.outcome === 'migrated') {
      // Joined JAIM: the council listing ends where the JAIM listing took over (at the latest the deadline).
      const until = l.jaimListedFrom && l.jaimListedFrom < effectiveOn ? l.jaimListedFrom : effectiveOn;
      withdrawals.push({ rosterEntryId: l.rosterEntryId, establishmentId: l.establishmentId, effectiveOn: until, reason: step.message.ja, determination });
      audits.push({ actor: { kind: 'system' }, occurredAt: now, action: 'council_member.withdrawn_automatically', target: { type: 'roster_entry', id: l.rosterEntryId }, summary: { before: { listedUntil: null }, after: { listedUntil: until, establishmentId: l.establishmentId, determination } }, reason: `${step.message.ja}（${trace.citation}）` });
    }
  }
  if (withdrawals.length === 0) return { asOf, considered: open.length, withdrawn: 0 };
  const withdrawn = await ctx.db.transaction(async (tx) => {
    const n = await recordCouncilWithdrawals(tx, withdrawals, now);
    await appendAuditEvents(tx, audits);
    return n;
  });
  return { asOf, considered: open.length, withdrawn };
};
