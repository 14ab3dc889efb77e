import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { saveDraft } from '../drafts/drafts.js';
import { InvalidInput } from '../errors.js';
import { JOIN_DRAFT_KIND, joinDraftKey, validateJoinStep, type JoinApplicationAnswers, type JoinPage, type JoinStep } from './join-form.js';
import { loadJoinApplication } from './load-join-application.js';

/** Validates one page of the join form and saves the answers to the draft (every page is saved). */
export const saveJoinStep = async (ctx: UseCaseContext, organisationId: string, step: JoinStep | JoinPage, body: Record<string, unknown>): Promise<JoinApplicationAnswers> => {
  authorize(ctx.actor, 'join_request.submit', { organisationId });
  const app = await loadJoinApplication(ctx, organisationId);
  const { answers, problems } = validateJoinStep(step, body, {
    establishmentIds: app.establishments.map((e) => e.id),
    categoryIds: app.categories.map((c) => c.id),
    asOf: app.today,
  });
  if (problems.length) throw new InvalidInput(problems);
  if (ctx.actor.kind !== 'user') return { ...app.answers, ...answers };
  const saved = await saveDraft<JoinApplicationAnswers>(ctx.db, ctx.actor.userId, JOIN_DRAFT_KIND, joinDraftKey(organisationId), answers, ctx.clock.now());
  return saved.data;
};
