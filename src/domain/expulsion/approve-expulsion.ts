import { type LegalDate } from '../../../rules/core/index.js';
import { rejoinBlockLiftedOn, reportExpulsionToMoj } from '../../../rules/council-operating-rules/index.js';
import { authorize } from '../access/policies.js';
import { actorUserId } from '../access/actor.js';
import { auditMeta } from '../accounts/context.js';
import { NotFound, type FieldProblem } from '../errors.js';
import { queueMail } from '../mail/outbox.js';
import { reasonOf } from '../membership/join-request-events.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { endListings, organisationContacts } from '../../persistence/repositories/change-notices.repository.js';
import { listEstablishmentsOf } from '../../persistence/repositories/establishments.repository.js';
import { findExpulsion, updateExpulsionGuarded } from '../../persistence/repositories/expulsions.repository.js';
import { concurrentChange, evaluateRules, fieldProblem, optionalText, throwIfProblems, todayOf, type LifecycleContext, type StoredDetermination } from '../membership-changes/lifecycle-common.js';
import { expulsionMail } from '../membership-changes/lifecycle-mail.js';
import { GROUND_LABELS, blockingGround, paragraphOf, type ExpulsionCategoryCode } from './grounds.js';
import { assertDifferentPerson, expulsionTransition } from './expulsion.states.js';

/** Art.14(4): whether the report provision applies to this expulsion (needs_review: the secretariat judges). */
export const mojReportDetermination = (category: ExpulsionCategoryCode, asOf: LegalDate): StoredDetermination =>
  evaluateRules('council-expulsion-moj-report', asOf, (e) => {
    const r = e.applyFull(reportExpulsionToMoj, { expelledUnder: paragraphOf(category) });
    return { outcome: r.outcome, reasons: [r.message] };
  });

export type ApproveExpulsionInput = { lockVersion: number; mojJudgement?: unknown; mojReason?: unknown; decisionReason?: unknown };

/**
 * A second member of the secretariat approves a proposed expulsion (never the proposer: refused here, in the domain).
 * The member is expelled today (Japan date): every listing ends, the member is notified, the art.14(4) judgement on
 * reporting to the Ministry of Justice ("特に必要") is recorded with its reason, and for grounds (i)–(iii) of a
 * category (iii) member the one-year re-join block (art.10(4)(ii)) is stored as the day it lifts.
 */
export const approveExpulsion = async (ctx: LifecycleContext, id: string, input: ApproveExpulsionInput): Promise<{ expelledOn: string; rejoinBlockLiftedOn: string | null }> => {
  authorize(ctx.actor, 'expulsion.approve');
  const decidedBy = actorUserId(ctx.actor);
  const existing = await findExpulsion(ctx.db, id);
  if (!existing) throw new NotFound('expulsion');
  assertDifferentPerson(existing.proposedBy, decidedBy);
  const today = todayOf(ctx);
  const category = existing.category as ExpulsionCategoryCode;
  const moj = mojReportDetermination(category, today);
  const problems: FieldProblem[] = [];
  let necessary: boolean | null = null;
  let mojReason: string | null = null;
  if (moj.outcome === 'needs_review') {
    if (input.mojJudgement === 'necessary') necessary = true;
    else if (input.mojJudgement === 'not_necessary') necessary = false;
    else problems.push(fieldProblem('mojJudgement', '法務省への報告が「特に必要」かを選んでください（第14条第4項）', 'Say whether a report to the Ministry of Justice is particularly necessary (art.14(4))'));
    try {
      mojReason = reasonOf(input.mojReason, 'mojReason');
    } catch {
      problems.push(fieldProblem('mojReason', '報告の要否の判断理由を入力してください', 'Enter the reason for this judgement'));
    }
  }
  throwIfProblems(problems);
  const at = ctx.clock.now();
  const ground = blockingGround(category, existing.grounds);
  const liftedOn = ground ? rejoinBlockLiftedOn(today) : null;
  return ctx.db.transaction(async (tx) => {
    const before = await findExpulsion(tx, id);
    if (!before || before.lockVersion !== input.lockVersion) throw concurrentChange('expulsion');
    const status = expulsionTransition(before.status, 'approve');
    const after = await updateExpulsionGuarded(tx, id, input.lockVersion, {
      status,
      decidedBy: decidedBy!,
      decidedAt: at,
      decisionReason: optionalText(input.decisionReason),
      expelledOn: today,
      rejoinBlockLiftedOn: liftedOn,
      mojReportDetermination: moj,
      mojReportNecessary: necessary,
      mojReportReason: mojReason,
    });
    if (!after) throw concurrentChange('expulsion');
    const meta = auditMeta(ctx);
    const ests = await listEstablishmentsOf(tx, before.organisationId);
    const { closed, cancelled } = await endListings(tx, ests.map((e) => e.id), today, at);
    await writeAuditEvent(tx, {
      ...meta,
      action: 'expulsion.approved',
      target: { type: 'expulsion', id },
      reason: mojReason ?? undefined,
      summary: {
        before: { status: before.status },
        after: { status, expelledOn: today, grounds: before.grounds, rejoinBlockLiftedOn: liftedOn, mojReportNecessary: necessary, proposedBy: before.proposedBy, listingsEnded: closed.length + cancelled.length },
      },
    });
    for (const l of [...closed, ...cancelled])
      await writeAuditEvent(tx, { ...meta, action: 'roster.listing_closed', target: { type: 'roster_entry', id: l.id }, summary: { after: { listedUntil: today, cancelled: cancelled.includes(l), expulsionId: id } } });
    for (const c of await organisationContacts(tx, before.organisationId))
      await queueMail(
        tx,
        at,
        c.email,
        expulsionMail(c.locale, {
          name: c.displayName,
          organisationName: before.organisationName,
          link: ctx.baseUrl,
          expelledOn: today,
          grounds: before.grounds.map((g) => GROUND_LABELS[category][g]?.[c.locale] ?? g).join(' / '),
          rejoinFrom: liftedOn,
        }),
      );
    return { expelledOn: today, rejoinBlockLiftedOn: liftedOn };
  });
};
