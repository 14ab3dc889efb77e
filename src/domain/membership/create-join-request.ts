import { authorize } from '../access/policies.js';
import { InvalidInput, NotFound } from '../errors.js';
import { findIdempotentResult, isIdempotencyKey } from '../idempotency/idempotency.js';
import { findEstablishment } from '../../persistence/repositories/establishments.repository.js';
import { findOrganisation } from '../../persistence/repositories/organisations.repository.js';
import type { MembershipContext } from './context.js';
import { JOIN_PAGES, firstMissingStep, validateJoinStep, type JoinApplicationAnswers } from './join-form.js';
import { businessCategoriesOn } from '../../../rules/eligible-industries/index.js';
import { japanDateOf } from '../../../rules/core/index.js';
import { createSubmittedJoinRequest } from './submit-join-request.js';

/** Idempotency scope of API submissions: client-chosen keys are scoped by organisation. */
export const apiSubmitScope = (organisationId: string): string => `join_request.submit:api:${organisationId}`;

/**
 * Creates and submits a join request in one call (API, token scope join_request:write). The body carries each
 * page's fields as the form posts them (`pages: { categories: { categories: [...] }, declarations: {...}, ... }`);
 * each page is validated exactly as on the web, and the same determination is stored. Idempotent per
 * organisation via the Idempotency-Key header. Evidence files cannot be attached through the API yet.
 */
export const createJoinRequest = async (
  ctx: MembershipContext,
  input: { organisationId: string; establishmentId: string; pages: Record<string, Record<string, unknown>>; idempotencyKey: string },
): Promise<{ joinRequestId: string; duplicate: boolean }> => {
  authorize(ctx.actor, 'join_request.submit', { organisationId: input.organisationId });
  if (!isIdempotencyKey(input.idempotencyKey)) {
    throw new InvalidInput([{ field: 'Idempotency-Key', message: { ja: 'Idempotency-Key ヘッダ（16〜100文字の英数字・-・_）が必要です', en: 'An Idempotency-Key header (16–100 of A–Z, a–z, 0–9, - or _) is required' } }]);
  }
  const scope = apiSubmitScope(input.organisationId);
  const earlier = await findIdempotentResult(ctx.db, scope, input.idempotencyKey);
  if (earlier) return { joinRequestId: earlier.resourceId, duplicate: true };
  const [organisation, establishment] = await Promise.all([findOrganisation(ctx.db, input.organisationId), findEstablishment(ctx.db, input.establishmentId)]);
  if (!organisation || organisation.kind !== 'accepting_company') throw new NotFound('organisation');
  if (!establishment || establishment.organisationId !== organisation.id) {
    throw new InvalidInput([{ field: 'establishmentId', message: { ja: 'この企業の事業所を指定してください', en: 'Give an establishment of this company' } }]);
  }
  const today = japanDateOf(ctx.clock.now());
  const options = { establishmentIds: [establishment.id], categoryIds: businessCategoriesOn(today, 'ssw1').map((c) => c.id), asOf: today };
  let answers: JoinApplicationAnswers = { establishmentId: establishment.id };
  const problems = [];
  for (const page of JOIN_PAGES) {
    const fields = input.pages[page];
    if (page === 'establishment' || page === 'evidence' || !fields) continue;
    const r = validateJoinStep(page, fields, options);
    problems.push(...r.problems.map((p) => ({ ...p, field: `pages.${page}.${p.field}` })));
    answers = { ...answers, ...r.answers };
  }
  if (problems.length) throw new InvalidInput(problems);
  const missing = firstMissingStep(answers);
  if (missing) throw new InvalidInput([{ field: `pages.${missing}`, message: { ja: '未回答の質問があります', en: 'Some questions are not answered yet' } }]);
  return createSubmittedJoinRequest(ctx, { organisation, establishment, answers, idempotencyKey: input.idempotencyKey, draftOwner: null, scope });
};
