import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { discardDraft, loadDraft, saveDraft } from '../drafts/drafts.js';
import { Conflict, NotFound } from '../errors.js';
import { findJoinRequest } from '../../persistence/repositories/join-requests.repository.js';
import { JOIN_DRAFT_KIND, joinDraftKey, type JoinApplicationAnswers } from './join-form.js';
import { DRAFT_IN_PROGRESS, hasUnfinishedDraft } from './start-next-join-application.js';

/**
 * Starts correcting a request that received a correction notice (補正): its answers become the user's draft (marked
 * with the request id), so the applicant edits them with the same pages and resubmits from check-your-answers.
 */
export const editJoinRequest = async (ctx: UseCaseContext, id: string): Promise<{ organisationId: string }> => {
  const request = await findJoinRequest(ctx.db, id);
  authorize(ctx.actor, 'join_request.submit', { organisationId: request?.organisationId ?? '00000000-0000-0000-0000-000000000000' });
  if (!request) throw new NotFound('join_request');
  if (ctx.actor.kind !== 'user') throw new NotFound('draft');
  if (request.status !== 'correction_requested') {
    throw new Conflict('not correctable', { ja: '補正を求められている申請だけを修正できます。', en: 'Only an application with a correction request can be edited.' });
  }
  const key = joinDraftKey(request.organisationId);
  // Never overwrite another unfinished application: the applicant submits or discards it first.
  const existing = await loadDraft<JoinApplicationAnswers>(ctx.db, ctx.actor.userId, JOIN_DRAFT_KIND, key);
  if (existing?.data.correctingRequestId === id) return { organisationId: request.organisationId }; // keep the edits made so far
  if (hasUnfinishedDraft(existing?.data)) throw new Conflict('draft in progress', DRAFT_IN_PROGRESS);
  await discardDraft(ctx.db, ctx.actor.userId, JOIN_DRAFT_KIND, key);
  await saveDraft<JoinApplicationAnswers>(ctx.db, ctx.actor.userId, JOIN_DRAFT_KIND, key, { ...(request.answers as JoinApplicationAnswers), correctingRequestId: id }, ctx.clock.now());
  return { organisationId: request.organisationId };
};
