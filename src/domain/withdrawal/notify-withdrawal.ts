import { determineParsed, type LegalDate } from '../../../rules/core/index.js';
import type { CouncilWithdrawalFacts } from '../../../rules/council-operating-rules/index.js';
import { refundOnWithdrawal } from '../../../rules/jaim-membership-faq/index.js';
import { authorize } from '../access/policies.js';
import { actorUserId } from '../access/actor.js';
import { auditMeta } from '../accounts/context.js';
import { InvalidInput, NotFound, type FieldProblem } from '../errors.js';
import { queueMail } from '../mail/outbox.js';
import { determinationFor, loadRulesContext } from '../rules-context.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { endListings, listingsInForceFrom } from '../../persistence/repositories/change-notices.repository.js';
import { listEstablishmentsOf } from '../../persistence/repositories/establishments.repository.js';
import { findUserContact } from '../../persistence/repositories/join-requests.repository.js';
import { findOrganisation } from '../../persistence/repositories/organisations.repository.js';
import { findWithdrawalByIdempotencyKey, insertWithdrawal } from '../../persistence/repositories/withdrawals.repository.js';
import {
  dateField,
  evaluateRules,
  fieldProblem,
  optionalText,
  storeDetermination,
  throwIfProblems,
  todayOf,
  type LifecycleContext,
  type StoredDetermination,
} from '../membership-changes/lifecycle-common.js';
import { withdrawalMail } from '../membership-changes/lifecycle-mail.js';
import { initialWithdrawalState } from './withdrawal.states.js';

export type WithdrawalInput = Record<string, unknown>;

export type EstablishmentDetermination = StoredDetermination & { establishmentId: string; establishmentName: string; sswEmployed: number };
export type WithdrawalDetermination = StoredDetermination & { perEstablishment: EstablishmentDetermination[] };

export type WithdrawalPreview = {
  organisationId: string;
  organisationName: string;
  scope: 'whole' | 'establishments';
  effectiveFrom: LegalDate;
  reason: string | null;
  establishments: { establishmentId: string; establishmentName: string; sswEmployed: number }[];
  determination: WithdrawalDetermination;
  refund: StoredDetermination;
};

/** The headcount field of one establishment (its id is the input name, so the error summary can link to it). */
export const sswField = (establishmentId: string): string => `ssw-${establishmentId}`;

/** The rule on fees (JAIM FAQ Q3-1-4: no refund), shown before and after notifying. */
export const refundDetermination = (asOf: LegalDate, withdrawnOn: LegalDate): StoredDetermination =>
  evaluateRules('jaim-withdrawal-refund', asOf, (e) => {
    const r = e.applyFull(refundOnWithdrawal, { withdrawnOn });
    return { outcome: r.outcome === 'needs_review' ? 'needs_review' : r.outcome, reasons: [r.message] };
  });

/** Establishments of the organisation that are on a roster now or from a later date (what can be withdrawn). */
export const withdrawableEstablishments = async (ctx: LifecycleContext, organisationId: string) => {
  const ests = await listEstablishmentsOf(ctx.db, organisationId);
  const listed = new Set((await listingsInForceFrom(ctx.db, ests.map((e) => e.id), todayOf(ctx))).map((l) => l.establishmentId));
  return ests.filter((e) => listed.has(e.id));
};

/**
 * Validates a withdrawal notice and runs the council-withdrawal determination (art.13) for each establishment with the
 * SSW headcount the member states; nothing is written (the check-answers page shows this).
 */
export const previewWithdrawal = async (ctx: LifecycleContext, organisationId: string, input: WithdrawalInput): Promise<WithdrawalPreview> => {
  authorize(ctx.actor, 'withdrawal.notify', { organisationId });
  const org = await findOrganisation(ctx.db, organisationId);
  if (!org) throw new NotFound('organisation');
  const today = todayOf(ctx);
  const problems: FieldProblem[] = [];
  const scope = input.scope === 'whole' || input.scope === 'establishments' ? input.scope : undefined;
  if (!scope) throw new InvalidInput([fieldProblem('scope', '退会の範囲を選んでください', 'Select what is withdrawing')]);
  const candidates = await withdrawableEstablishments(ctx, organisationId);
  if (candidates.length === 0) throw new InvalidInput([fieldProblem('scope', '名簿に掲載されている事業所がありません', 'No establishment of this company is on the roster')]);
  const chosenIds = scope === 'whole' ? candidates.map((e) => e.id) : ([] as string[]).concat((input.establishmentIds as string[] | string | undefined) ?? []);
  const chosen = candidates.filter((e) => chosenIds.includes(e.id));
  if (chosen.length === 0) problems.push(fieldProblem('establishmentIds', '退会する事業所を1つ以上選んでください', 'Select at least one establishment'));
  const counts: { establishmentId: string; establishmentName: string; sswEmployed: number }[] = [];
  for (const e of chosen) {
    const raw = typeof input[sswField(e.id)] === 'string' ? (input[sswField(e.id)] as string).normalize('NFKC').trim() : '';
    if (!/^[0-9]{1,5}$/.test(raw)) {
      problems.push(fieldProblem(sswField(e.id), `${e.name}で現在雇用している特定技能外国人の人数を、0以上の数字で入力してください`, `Enter how many SSW workers ${e.name} employs now (0 or more)`));
      continue;
    }
    counts.push({ establishmentId: e.id, establishmentName: e.name, sswEmployed: Number(raw) });
  }
  const effectiveFrom = dateField(input.effectiveFrom, 'effectiveFrom', problems, { ja: '退会日', en: 'withdrawal date' });
  if (effectiveFrom && effectiveFrom < today) problems.push(fieldProblem('effectiveFrom', '退会日は今日以降の日付を入力してください', 'The withdrawal date cannot be in the past'));
  throwIfProblems(problems);

  const definition = determinationFor('council-withdrawal', await loadRulesContext(ctx.db));
  if (!definition) throw new Error('council-withdrawal determination missing');
  const perEstablishment: EstablishmentDetermination[] = counts.map((c) => {
    const facts: CouncilWithdrawalFacts = { notifiedOnPrescribedForm: true, sswEmployed: c.sswEmployed };
    return { ...storeDetermination(determineParsed(definition, facts, today)), ...c };
  });
  const barred = perEstablishment.filter((d) => d.outcome !== 'accept');
  const determination: WithdrawalDetermination = {
    id: 'council-withdrawal',
    asOf: today,
    outcome: barred.length ? 'barred' : 'accept',
    reasons: (barred.length ? barred : perEstablishment).flatMap((d) => d.reasons.map((r) => ({ ja: `${d.establishmentName}: ${r.ja}`, en: `${d.establishmentName}: ${r.en}` }))),
    trace: perEstablishment.flatMap((d) => d.trace),
    perEstablishment,
  };
  return {
    organisationId,
    organisationName: org.name,
    scope,
    effectiveFrom: effectiveFrom!,
    reason: optionalText(input.reason, 2000),
    establishments: counts,
    determination,
    refund: refundDetermination(today, effectiveFrom!),
  };
};

/**
 * Notifies withdrawal (council art.13(1)) of the whole membership or some establishments. Refused — and recorded as
 * refused, with the determination — while any chosen establishment employs SSW workers (art.13(2)). Accepted: every
 * listing of those establishments ends on the effective date (listed_until); fees are not refunded (JAIM FAQ Q3-1-4).
 * A repeated submission with the same idempotency key returns the first result.
 */
export const notifyWithdrawal = async (
  ctx: LifecycleContext,
  organisationId: string,
  input: WithdrawalInput & { idempotencyKey?: unknown },
): Promise<{ id: string; status: 'accepted' | 'refused'; determination: WithdrawalDetermination; repeated: boolean }> => {
  authorize(ctx.actor, 'withdrawal.notify', { organisationId });
  const key = typeof input.idempotencyKey === 'string' && /^[A-Za-z0-9-]{8,80}$/.test(input.idempotencyKey) ? `withdrawal:${organisationId}:${input.idempotencyKey}` : null;
  if (key) {
    const existing = await findWithdrawalByIdempotencyKey(ctx.db, key);
    if (existing) return { id: existing.id, status: existing.status, determination: existing.determination as WithdrawalDetermination, repeated: true };
  }
  const p = await previewWithdrawal(ctx, organisationId, input);
  const at = ctx.clock.now();
  const status = initialWithdrawalState(p.determination.outcome === 'accept' ? 'accept' : 'refuse');
  try {
    return await record(ctx, p, status, key, at);
  } catch (error) {
    // Two identical submissions at once: the unique idempotency key lets one in; the other returns its result.
    const existing = key ? await findWithdrawalByIdempotencyKey(ctx.db, key) : undefined;
    if (existing) return { id: existing.id, status: existing.status, determination: existing.determination as WithdrawalDetermination, repeated: true };
    throw error;
  }
};

const record = async (
  ctx: LifecycleContext,
  p: WithdrawalPreview,
  status: 'accepted' | 'refused',
  key: string | null,
  at: Date,
): Promise<{ id: string; status: 'accepted' | 'refused'; determination: WithdrawalDetermination; repeated: boolean }> => {
  const organisationId = p.organisationId;
  return ctx.db.transaction(async (tx) => {
    const row = await insertWithdrawal(tx, {
      organisationId,
      scope: p.scope,
      status,
      effectiveFrom: p.effectiveFrom,
      determination: p.determination,
      refundDetermination: status === 'accepted' ? p.refund : null,
      reason: p.reason,
      notifiedBy: actorUserId(ctx.actor) ?? null,
      notifiedAt: at,
      idempotencyKey: key,
      establishments: p.establishments.map((e) => ({ establishmentId: e.establishmentId, sswEmployed: e.sswEmployed })),
    });
    const meta = auditMeta(ctx);
    await writeAuditEvent(tx, {
      ...meta,
      action: status === 'accepted' ? 'withdrawal.accepted' : 'withdrawal.refused',
      target: { type: 'withdrawal', id: row.id },
      summary: {
        after: {
          organisationId,
          scope: p.scope,
          status,
          effectiveFrom: p.effectiveFrom,
          establishments: p.establishments,
          outcome: p.determination.outcome,
          citations: [...new Set(p.determination.trace.map((s) => s.citation))],
        },
      },
    });
    if (status === 'accepted') {
      const { closed, cancelled } = await endListings(tx, p.establishments.map((e) => e.establishmentId), p.effectiveFrom, at);
      for (const l of [...closed, ...cancelled])
        await writeAuditEvent(tx, {
          ...meta,
          action: 'roster.listing_closed',
          target: { type: 'roster_entry', id: l.id },
          summary: { after: { listedUntil: p.effectiveFrom, cancelled: cancelled.includes(l), withdrawalId: row.id } },
        });
    }
    const contact = actorUserId(ctx.actor) ? await findUserContact(tx, actorUserId(ctx.actor)!) : undefined;
    if (contact)
      await queueMail(
        tx,
        at,
        contact.email,
        withdrawalMail(contact.locale, {
          name: contact.displayName,
          organisationName: p.organisationName,
          link: `${ctx.baseUrl}/withdrawals/${row.id}`,
          accepted: status === 'accepted',
          effectiveFrom: p.effectiveFrom,
          establishments: p.establishments.map((e) => e.establishmentName).join('、'),
          reason: p.determination.reasons.map((r) => r[contact.locale]).join('\n'),
        }),
      );
    return { id: row.id, status, determination: p.determination, repeated: false };
  });
};
