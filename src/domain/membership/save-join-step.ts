import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { saveDraft } from '../drafts/drafts.js';
import { InvalidInput } from '../errors.js';
import { JOIN_DRAFT_KIND, joinDraftKey, validateJoinStep, type JoinApplicationAnswers, type JoinPage, type JoinStep } from './join-form.js';
import { loadJoinApplication } from './load-join-application.js';

const UNAVAILABLE_MESSAGES = {
  in_progress: { ja: 'この事業所には審査中の入会申請があります。別の事業所を選択してください', en: 'This establishment already has an application in progress. Choose another establishment' },
  listed: { ja: 'この事業所は既に名簿に掲載されています。別の事業所を選択してください', en: 'This establishment is already on the roster. Choose another establishment' },
} as const;

/** Validates one page of the join form and saves the answers to the draft (every page is saved). */
export const saveJoinStep = async (ctx: UseCaseContext, organisationId: string, step: JoinStep | JoinPage, body: Record<string, unknown>): Promise<JoinApplicationAnswers> => {
  authorize(ctx.actor, 'join_request.submit', { organisationId });
  const app = await loadJoinApplication(ctx, organisationId);
  const { answers, problems } = validateJoinStep(step, body, {
    establishmentIds: app.establishments.map((e) => e.id).filter((id) => !app.unavailable.has(id)),
    categoryIds: app.categories.map((c) => c.id),
    asOf: app.today,
  });
  const why = step === 'establishment' && typeof body.establishmentId === 'string' ? app.unavailable.get(body.establishmentId) : undefined;
  if (why) throw new InvalidInput([{ field: 'establishmentId', message: UNAVAILABLE_MESSAGES[why] }]);
  if (problems.length) throw new InvalidInput(problems);
  if (ctx.actor.kind !== 'user') return { ...app.answers, ...answers };
  const saved = await saveDraft<JoinApplicationAnswers>(ctx.db, ctx.actor.userId, JOIN_DRAFT_KIND, joinDraftKey(organisationId), answers, ctx.clock.now());
  return saved.data;
};
