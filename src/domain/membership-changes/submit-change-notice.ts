import { randomUUID } from 'node:crypto';
import { authorize } from '../access/policies.js';
import { actorUserId } from '../access/actor.js';
import { auditMeta } from '../accounts/context.js';
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import { claimIdempotencyKey, findIdempotentResult, isIdempotencyKey } from '../idempotency/idempotency.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findChangeNotice, insertChangeNotice, listOpenSideBySide, openListingsOf, type ChangeNoticeRow } from '../../persistence/repositories/change-notices.repository.js';
import { findEstablishment, listEstablishmentsOf } from '../../persistence/repositories/establishments.repository.js';
import { findOrganisation, findOrganisationByCorporateNumber } from '../../persistence/repositories/organisations.repository.js';
import type { FieldProblem } from '../errors.js';
import { ESTABLISHMENT_KINDS, ROSTER_KINDS, determineChange, isChangeKind, parseChangeDetails, type ChangeDetails, type ChangeKind } from './change-details.js';
import { initialChangeNoticeState } from './change-notice.states.js';
import { mergerTargetProblem } from './merger-target.js';
import { dateField, fieldProblem, throwIfProblems, todayOf, type LifecycleContext, type StoredDetermination } from './lifecycle-common.js';

export type SubmitChangeInput = Record<string, unknown> & { kind?: unknown; establishmentId?: unknown; effectiveFrom?: unknown; followsNoticeId?: unknown };

export type ValidatedChange = {
  organisationId: string;
  establishmentId: string | null;
  kind: ChangeKind;
  effectiveFrom: string;
  followsNoticeId: string | null;
  details: ChangeDetails;
  determination: StoredDetermination & { sideBySide: boolean };
};

const EFFECTIVE = { ja: '変更の効力発生日', en: 'date the change takes effect' };

/**
 * Validates a change notice and runs its determination without writing anything (the check-answers page shows it).
 * Throws InvalidInput with field problems.
 */
export const validateChangeNotice = async (ctx: LifecycleContext, organisationId: string, input: SubmitChangeInput): Promise<ValidatedChange> => {
  authorize(ctx.actor, 'membership_change.submit', { organisationId });
  const org = await findOrganisation(ctx.db, organisationId);
  if (!org) throw new NotFound('organisation');
  const problems: FieldProblem[] = [];
  if (!isChangeKind(input.kind)) throw new InvalidInput([fieldProblem('kind', '届け出る変更の種類を選んでください', 'Select the kind of change')]);
  const kind = input.kind;
  const today = todayOf(ctx);
  let establishmentId: string | null = null;
  let oldName = org.name;
  let registeredJsicCodes: string[] = [];
  let followsNoticeId: string | null = null;
  let followed: ChangeNoticeRow | undefined;

  if (kind === 'operating_confirmed') {
    const open = await listOpenSideBySide(ctx.db, organisationId);
    followed = open.find((n) => n.id === input.followsNoticeId);
    if (!followed) throw new InvalidInput([fieldProblem('followsNoticeId', '稼働を届け出る移転・合併の届出を選んでください', 'Select the relocation or merger that is now operating')]);
    followsNoticeId = followed.id;
    establishmentId = followed.establishmentId;
  } else if (ESTABLISHMENT_KINDS.includes(kind)) {
    const ests = await listEstablishmentsOf(ctx.db, organisationId);
    const est = ests.find((e) => e.id === input.establishmentId);
    if (!est) throw new InvalidInput([fieldProblem('establishmentId', '変更する事業所を選んでください', 'Select the establishment that changes')]);
    establishmentId = est.id;
    oldName = kind === 'merger' ? org.name : est.name;
    registeredJsicCodes = est.jsicCodes;
  }

  const details = parseChangeDetails(kind, input, problems);
  if (kind === 'merger' && details.newCorporateNumber) {
    const target = await findOrganisationByCorporateNumber(ctx.db, details.newCorporateNumber);
    const problem = target ? mergerTargetProblem(target, organisationId) : null;
    if (problem) problems.push(fieldProblem('newCorporateNumber', problem.ja, problem.en));
  }
  let effectiveFrom = kind === 'jsic_addition' || kind === 'new_establishment' ? today : dateField(input.effectiveFrom, 'effectiveFrom', problems, EFFECTIVE);
  if (kind === 'operating_confirmed') {
    effectiveFrom = dateField(input.effectiveFrom, 'effectiveFrom', problems, { ja: '稼働開始日', en: 'date it started operating' });
    if (effectiveFrom && effectiveFrom > today) problems.push(fieldProblem('effectiveFrom', '稼働開始日は今日以前の日付を入力してください', 'The operating date cannot be in the future'));
    if (followed) {
      const fd = followed.details as ChangeDetails;
      details.newName = followed.kind === 'merger' ? fd.newCompanyName : fd.newName;
      details.newCorporateNumber = fd.newCorporateNumber ?? null;
      oldName = details.newName ?? oldName;
    }
  }
  // A new dated roster row must start after the listing it replaces.
  if (effectiveFrom && ROSTER_KINDS.includes(kind)) {
    const ids = kind === 'company_name' ? (await listEstablishmentsOf(ctx.db, organisationId)).map((e) => e.id) : establishmentId ? [establishmentId] : [];
    const latest = (await openListingsOf(ctx.db, ids)).reduce<string | undefined>((m, l) => (m === undefined || l.listedFrom > m ? l.listedFrom : m), undefined);
    if (latest && effectiveFrom <= latest)
      problems.push(fieldProblem('effectiveFrom', `効力発生日は、現在の名簿掲載の開始日（${latest}）より後の日付にしてください`, `The date must be after the current roster listing began (${latest})`));
  }
  throwIfProblems(problems);
  const category = org.kind === 'industry_association' ? 'iv' : 'iii';
  const determination = determineChange({ kind, category, registeredJsicCodes, oldName, details }, today);
  return { organisationId, establishmentId, kind, effectiveFrom: effectiveFrom!, followsNoticeId, details, determination };
};

/**
 * Submits a change notice (council art.11(1)). The rules may refuse it at once (adding a JSIC class: new application,
 * Q3-2-1; a new plant not yet operating, Q3-2-4): it is then stored refused with the determination, and the member sees
 * the reason and citation. Otherwise it waits for the secretariat.
 */
export const submitChangeNotice = async (
  ctx: LifecycleContext,
  organisationId: string,
  input: SubmitChangeInput,
  idempotencyKey?: string,
): Promise<{ id: string; status: string; determination: StoredDetermination; duplicate: boolean }> => {
  const v = await validateChangeNotice(ctx, organisationId, input);
  const key = isIdempotencyKey(idempotencyKey) ? idempotencyKey : undefined;
  const scope = `change_notice:${organisationId}`;
  const at = ctx.clock.now();
  const refused = v.determination.outcome === 'refuse';
  const status = initialChangeNoticeState(refused ? 'refuse_by_rule' : 'submit');
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    // A double click or a retry carries the same key: the first notice is returned, nothing is written twice.
    if (key && !(await claimIdempotencyKey(tx, { scope, key, userId: actorUserId(ctx.actor) ?? null, resourceType: 'change_notice', resourceId: id, at }))) {
      const first = await findIdempotentResult(tx, scope, key);
      const notice = first ? await findChangeNotice(tx, first.resourceId) : undefined;
      if (!notice) throw new Conflict('idempotency key taken without a record');
      return { id: notice.id, status: notice.status, determination: notice.determination as StoredDetermination & { sideBySide: boolean }, duplicate: true };
    }
    if (v.establishmentId && !(await findEstablishment(tx, v.establishmentId))) throw new NotFound('establishment');
    const row = await insertChangeNotice(tx, {
      id,
      organisationId,
      establishmentId: v.establishmentId,
      kind: v.kind,
      status,
      details: v.details as Record<string, unknown>,
      effectiveFrom: v.effectiveFrom,
      followsNoticeId: v.followsNoticeId,
      determination: v.determination,
      submittedBy: actorUserId(ctx.actor) ?? null,
      submittedAt: at,
      ...(refused ? { decidedAt: at, decisionReason: v.determination.reasons.map((r) => r.ja).join(' ') } : {}),
    });
    const meta = auditMeta(ctx);
    await writeAuditEvent(tx, {
      ...meta,
      action: 'membership_change.submitted',
      target: { type: 'change_notice', id: row.id },
      summary: { after: { kind: v.kind, establishmentId: v.establishmentId, effectiveFrom: v.effectiveFrom, status } },
    });
    if (refused) {
      await writeAuditEvent(tx, {
        ...meta,
        action: 'membership_change.refused',
        target: { type: 'change_notice', id: row.id },
        summary: { after: { status, byRule: true, citations: v.determination.trace.map((s) => s.citation) } },
      });
    }
    return { id: row.id, status, determination: v.determination, duplicate: false };
  });
};
