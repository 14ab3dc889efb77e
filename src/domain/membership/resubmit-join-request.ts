import { japanDateOf } from '../../../rules/core/index.js';
import { authorize } from '../access/policies.js';
import { auditMeta, type UseCaseContext } from '../accounts/context.js';
import { discardDraft, loadDraft } from '../drafts/drafts.js';
import { InvalidInput, NotFound } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findEstablishment } from '../../persistence/repositories/establishments.repository.js';
import { appendJoinRequestHistory, findJoinRequest } from '../../persistence/repositories/join-requests.repository.js';
import { findOrganisation } from '../../persistence/repositories/organisations.repository.js';
import { applyJoinRequestEvent } from './join-request-events.js';
import { JOIN_DRAFT_KIND, firstMissingStep, joinDraftKey, type JoinApplicationAnswers } from './join-form.js';
import { determineJoin } from './load-join-application.js';

/**
 * After a correction notice (補正) the applicant resubmits: with the corrected answers when they edited the request
 * (their draft names it in `correctingRequestId`), otherwise as it stood. The request goes back to the queue (到達),
 * the rules run again, and the submission is added to the request's history (earlier ones are kept).
 */
export const resubmitJoinRequest = async (ctx: UseCaseContext, id: string, lockVersion: number): Promise<void> => {
  const current = await findJoinRequest(ctx.db, id);
  if (!current) throw new NotFound('join_request');
  authorize(ctx.actor, 'join_request.submit', { organisationId: current.organisationId });
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const draft = userId ? await loadDraft<JoinApplicationAnswers>(ctx.db, userId, JOIN_DRAFT_KIND, joinDraftKey(current.organisationId)) : undefined;
  const corrected = draft?.data.correctingRequestId === id ? draft.data : undefined;
  const answers: JoinApplicationAnswers = corrected ? { ...corrected, establishmentId: current.establishmentId ?? undefined } : (current.answers as JoinApplicationAnswers);
  delete answers.correctingRequestId;
  const missing = firstMissingStep(answers);
  if (missing) throw new InvalidInput([{ field: missing, message: { ja: '未回答の質問があります', en: 'Some questions are not answered yet' } }]);
  const at = ctx.clock.now();
  const today = japanDateOf(at);
  const [org, est] = await Promise.all([findOrganisation(ctx.db, current.organisationId), current.establishmentId ? findEstablishment(ctx.db, current.establishmentId) : undefined]);
  if (!org || !est) throw new NotFound('establishment');
  const determination = await determineJoin(ctx, org, est, answers, today);
  await ctx.db.transaction(async (tx) => {
    const { before, after } = await applyJoinRequestEvent(tx, id, 'resubmit', lockVersion, { determination, submittedAt: at, answers: answers as Record<string, unknown> });
    await appendJoinRequestHistory(tx, { joinRequestId: id, event: 'resubmit', statusAfter: after.status, at, actorUserId: userId, answers, determination });
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'join_request.resubmitted',
      target: { type: 'join_request', id },
      summary: { before: { status: before.status }, after: { status: after.status, determination: determination.outcome, corrected: !!corrected } },
    });
    if (corrected && userId) await discardDraft(tx, userId, JOIN_DRAFT_KIND, joinDraftKey(current.organisationId));
  });
};
