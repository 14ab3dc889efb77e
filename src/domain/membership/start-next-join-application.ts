import { DISQUALIFICATION_ITEMS } from '../../../rules/jaim-membership-faq/index.js';
import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { loadDraft, saveDraft } from '../drafts/drafts.js';
import { Conflict, NotFound } from '../errors.js';
import { findJoinRequest } from '../../persistence/repositories/join-requests.repository.js';
import { JOIN_DRAFT_KIND, joinDraftKey, type JoinApplicationAnswers } from './join-form.js';

/** A draft already holds an unfinished application: starting another would overwrite it (one draft per company). */
export const DRAFT_IN_PROGRESS = {
  ja: '作成中の入会申請の下書きがあります。その申請を提出するか、下書きを破棄してから始めてください。',
  en: 'You have an unfinished application draft. Submit it or discard the draft first.',
} as const;

export const hasUnfinishedDraft = (a: JoinApplicationAnswers | undefined): boolean => !!a && Object.keys(a).length > 0;

/**
 * Starts the application for another establishment of the same company from a submitted one. Membership is per
 * establishment (jaim-membership-faq Q1-2), but the company's declarations of non-disqualification and its pledges
 * are the company's, so they carry over; everything about the establishment (its JSIC classes, shipments, evidence,
 * add-ons) is asked afresh. The applicant still sees and can change every carried answer before submitting.
 */
export const startNextJoinApplication = async (ctx: UseCaseContext, fromRequestId: string): Promise<{ organisationId: string }> => {
  const from = await findJoinRequest(ctx.db, fromRequestId);
  authorize(ctx.actor, 'join_request.submit', { organisationId: from?.organisationId ?? '00000000-0000-0000-0000-000000000000' });
  if (!from || from.status === 'draft') throw new NotFound('join_request');
  if (ctx.actor.kind !== 'user') throw new NotFound('draft');
  const key = joinDraftKey(from.organisationId);
  const existing = await loadDraft<JoinApplicationAnswers>(ctx.db, ctx.actor.userId, JOIN_DRAFT_KIND, key);
  if (hasUnfinishedDraft(existing?.data)) throw new Conflict('draft in progress', DRAFT_IN_PROGRESS);
  const previous = from.answers as JoinApplicationAnswers;
  const declarations =
    previous.declarations ?? (previous.declaration === 'none_apply' ? Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [i, 'no' as const])) : undefined);
  const carried: JoinApplicationAnswers = {
    ...(declarations ? { declarations } : {}),
    ...(previous.pledges ? { pledges: [...previous.pledges] } : {}),
  };
  await saveDraft<JoinApplicationAnswers>(ctx.db, ctx.actor.userId, JOIN_DRAFT_KIND, key, carried, ctx.clock.now());
  return { organisationId: from.organisationId };
};
