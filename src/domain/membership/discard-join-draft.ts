import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { discardDraft } from '../drafts/drafts.js';
import { NotFound } from '../errors.js';
import { JOIN_DRAFT_KIND, joinDraftKey } from './join-form.js';

/**
 * The applicant throws away their unfinished application draft (their own working copy; nothing submitted is
 * touched: a submitted request and its history stay as they are).
 */
export const discardJoinDraft = async (ctx: UseCaseContext, organisationId: string): Promise<void> => {
  authorize(ctx.actor, 'join_request.submit', { organisationId });
  if (ctx.actor.kind !== 'user') throw new NotFound('draft');
  await discardDraft(ctx.db, ctx.actor.userId, JOIN_DRAFT_KIND, joinDraftKey(organisationId));
};
