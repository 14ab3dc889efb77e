import { randomUUID } from 'node:crypto';
import { determineParsed } from '../../../rules/core/index.js';
import { authorize } from '../access/policies.js';
import { actorUserId } from '../access/actor.js';
import { auditMeta } from '../accounts/context.js';
import { Conflict, InvalidInput, type FieldProblem } from '../errors.js';
import { claimOrFindFirst, idempotencyKeyOf } from '../idempotency/idempotency.js';
import { normaliseCorporateNumberInput } from '../membership/corporate-number.js';
import { determinationFor, loadRulesContext } from '../rules-context.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { listEstablishmentsOf } from '../../persistence/repositories/establishments.repository.js';
import { findProposedExpulsionOf, insertExpulsion } from '../../persistence/repositories/expulsions.repository.js';
import { findOrganisationByCorporateNumber } from '../../persistence/repositories/organisations.repository.js';
import { fieldProblem, storeDetermination, textField, throwIfProblems, todayOf, type LifecycleContext } from '../membership-changes/lifecycle-common.js';
import { CATEGORY_GROUNDS, factsFor, isCategory } from './grounds.js';
import { initialExpulsionState } from './expulsion.states.js';

export const evidenceField = (ground: string): string => `evidence-${ground}`;

/**
 * A member of the secretariat proposes expelling a member (council art.14), citing grounds for its category with the
 * evidence for each. The council-expulsion determination is stored with the proposal; a different person decides.
 * With the form's idempotency key, a double submit or a retry returns the first proposal (`duplicate`) rather than a
 * second one or the "already awaiting a decision" refusal (which still stops a proposal made from a fresh form).
 */
export const proposeExpulsion = async (ctx: LifecycleContext, input: Record<string, unknown>, idempotencyKey?: string): Promise<{ id: string; duplicate: boolean }> => {
  authorize(ctx.actor, 'expulsion.propose');
  const proposedBy = actorUserId(ctx.actor);
  if (!proposedBy) throw new Error('expulsions are proposed by a person');
  const problems: FieldProblem[] = [];
  const cn = normaliseCorporateNumberInput(typeof input.corporateNumber === 'string' ? input.corporateNumber : '');
  const org = /^[0-9]{13}$/.test(cn) ? await findOrganisationByCorporateNumber(ctx.db, cn) : undefined;
  if (!org) problems.push(fieldProblem('corporateNumber', '登録されている構成員の法人番号（13桁）を入力してください', 'Enter the 13-digit corporate number of a registered member'));
  if (!isCategory(input.category)) throw new InvalidInput([...problems, fieldProblem('category', '構成員の区分を選んでください', 'Select the member category')]);
  const category = input.category;
  const allowed: readonly string[] = CATEGORY_GROUNDS[category];
  const grounds = ([] as string[]).concat((input.grounds as string[] | string | undefined) ?? []).filter((g) => allowed.includes(g));
  if (grounds.length === 0) problems.push(fieldProblem('grounds', '除名の理由（該当する号）を1つ以上選んでください', 'Select at least one ground'));
  const evidence: Record<string, string> = {};
  for (const g of grounds) {
    const text = textField(input[evidenceField(g)], evidenceField(g), problems, { ja: '根拠となる事実と証拠', en: 'facts and evidence for this ground' }, 4000);
    if (text) evidence[g] = text;
  }
  throwIfProblems(problems);
  const establishments = await listEstablishmentsOf(ctx.db, org!.id);
  const facts = factsFor(category, grounds, establishments.length);
  const definition = determinationFor('council-expulsion', await loadRulesContext(ctx.db));
  if (!definition) throw new Error('council-expulsion determination missing');
  const determination = storeDetermination(determineParsed(definition, facts, todayOf(ctx)));
  const at = ctx.clock.now();
  const key = idempotencyKeyOf(idempotencyKey);
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    // The key is claimed before the "one open proposal" check: a concurrent duplicate waits here for the first.
    const firstId = key ? await claimOrFindFirst(tx, { scope: `expulsion:${proposedBy}`, key, userId: proposedBy, resourceType: 'expulsion', resourceId: id, at }) : null;
    if (firstId) return { id: firstId, duplicate: true };
    if (await findProposedExpulsionOf(tx, org!.id))
      throw new Conflict('expulsion already proposed', { ja: 'この構成員には、判断待ちの除名の提案が既にあります。', en: 'An expulsion of this member is already awaiting a decision.' });
    const row = await insertExpulsion(tx, {
      id,
      organisationId: org!.id,
      corporateNumber: org!.corporateNumber,
      category,
      grounds,
      evidence,
      facts,
      determination,
      status: initialExpulsionState('propose'),
      proposedBy,
      proposedAt: at,
    });
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'expulsion.proposed',
      target: { type: 'expulsion', id: row.id },
      summary: { after: { organisationId: org!.id, category, grounds, outcome: determination.outcome, citations: determination.trace.map((s) => s.citation) } },
    });
    return { id: row.id, duplicate: false };
  });
};
