import { randomUUID } from 'node:crypto';
import { isLegalDate, japanDateOf } from '../../../rules/core/index.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { selectAudienceOrganisations } from '../../persistence/repositories/communications.repository.js';
import {
  establishmentsOfOrganisations,
  findResponse,
  findSurvey,
  insertSurvey,
  listPublishedSurveysOn,
  listResponses,
  listSurveys,
  saveResponse,
  updateSurveyStatusGuarded,
  type SurveyResponseRow,
  type SurveyRow,
  type SurveyStatus,
} from '../../persistence/repositories/surveys.repository.js';
import { organisationsOf } from '../access/actor.js';
import { authorize } from '../access/policies.js';
import { auditMeta, type UseCaseContext } from '../accounts/context.js';
import { Conflict, InvalidInput, NotFound, type FieldProblem } from '../errors.js';
import { claimOrFindFirst, idempotencyKeyOf } from '../idempotency/idempotency.js';
import { csvText, encodeCsv } from '../roster-snapshots/csv.js';
import { parseAudience, type AudienceInput } from './audience.js';
import { checkAnswers, parseQuestions } from './survey-questions.js';
import { surveyPhase, surveyTransition, type SurveyPhase } from './survey.states.js';

const CONFLICT = { ja: '他の人が先に更新しました。最新の内容を確認してからもう一度操作してください。', en: 'Someone else changed this first. Check the latest version and try again.' };

export type CreateSurveyInput = AudienceInput & { title?: string; description?: string; questions?: string; opensOn?: string; closesOn?: string };

/** Creates a draft survey. With the form's idempotency key, a double submit returns the first draft (`duplicate`). */
export const createSurvey = async (ctx: UseCaseContext, input: CreateSurveyInput, idempotencyKey?: string): Promise<SurveyRow & { duplicate: boolean }> => {
  authorize(ctx.actor, 'surveys.manage');
  const problems: FieldProblem[] = [];
  const title = (input.title ?? '').trim();
  if (!title) problems.push({ field: 'title', message: { ja: '題名を入力してください', en: 'Enter a title' } });
  const opensOn = (input.opensOn ?? '').trim();
  const closesOn = (input.closesOn ?? '').trim();
  if (!isLegalDate(opensOn)) problems.push({ field: 'opensOn', message: { ja: '開始日を YYYY-MM-DD で入力してください', en: 'Enter the opening date as YYYY-MM-DD' } });
  if (!isLegalDate(closesOn)) problems.push({ field: 'closesOn', message: { ja: '締切日を YYYY-MM-DD で入力してください', en: 'Enter the closing date as YYYY-MM-DD' } });
  else if (isLegalDate(opensOn) && closesOn < opensOn) problems.push({ field: 'closesOn', message: { ja: '締切日は開始日以降にしてください', en: 'The closing date must be on or after the opening date' } });
  const questions = parseQuestions(input.questions ?? '', problems);
  const audience = parseAudience(input, problems);
  if (problems.length) throw new InvalidInput(problems);
  const now = ctx.clock.now();
  const key = idempotencyKeyOf(idempotencyKey);
  const id = randomUUID();
  const createdBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  return ctx.db.transaction(async (tx) => {
    const firstId = key ? await claimOrFindFirst(tx, { scope: `survey:${createdBy ?? 'system'}`, key, userId: createdBy, resourceType: 'survey', resourceId: id, at: now }) : null;
    const first = firstId ? await findSurvey(tx, firstId) : undefined;
    if (firstId && !first) throw new NotFound('survey');
    if (first) return { ...first, duplicate: true };
    const survey = await insertSurvey(tx, { id, title, description: (input.description ?? '').trim(), questions, audience, opensOn, closesOn, status: 'draft', createdBy, at: now });
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'survey.created', target: { type: 'survey', id: survey.id }, summary: { after: { title, opensOn, closesOn, questions: questions.length } } });
    return { ...survey, duplicate: false };
  });
};

export const changeSurveyStatus = async (ctx: UseCaseContext, input: { surveyId: string; event: 'publish' | 'withdraw'; lockVersion: number }): Promise<void> => {
  authorize(ctx.actor, 'surveys.manage');
  const survey = await findSurvey(ctx.db, input.surveyId);
  if (!survey) throw new NotFound('survey');
  const next = surveyTransition(survey.status, input.event);
  await ctx.db.transaction(async (tx) => {
    const won = survey.lockVersion === input.lockVersion && (await updateSurveyStatusGuarded(tx, survey.id, { status: survey.status, lockVersion: survey.lockVersion }, next));
    if (!won) throw new Conflict('survey changed', CONFLICT);
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: input.event === 'publish' ? 'survey.published' : 'survey.withdrawn', target: { type: 'survey', id: survey.id }, summary: { before: { status: survey.status }, after: { status: next } } });
  });
};

export const listAllSurveys = async (ctx: UseCaseContext): Promise<(SurveyRow & { phase: SurveyPhase })[]> => {
  authorize(ctx.actor, 'surveys.manage');
  const today = japanDateOf(ctx.clock.now());
  return (await listSurveys(ctx.db)).map((s) => ({ ...s, phase: surveyPhase({ ...s, status: s.status as SurveyStatus }, today) }));
};

/** The surveys open today for the user's organisations (those the survey's audience includes). */
export const listMySurveys = async (ctx: UseCaseContext): Promise<SurveyRow[]> => {
  authorize(ctx.actor, 'communications.inbox');
  const mine = new Set(organisationsOf(ctx.actor));
  const today = japanDateOf(ctx.clock.now());
  const open = await listPublishedSurveysOn(ctx.db, today);
  const out: SurveyRow[] = [];
  for (const s of open) if ((await selectAudienceOrganisations(ctx.db, s.audience, today)).some((o) => mine.has(o))) out.push(s);
  return out;
};

export type SurveyForm = { survey: SurveyRow; phase: SurveyPhase; establishments: { id: string; name: string; response: SurveyResponseRow | undefined }[] };

/** A survey and, per establishment of the user's organisations that it addresses, the response so far. */
export const getSurveyForm = async (ctx: UseCaseContext, surveyId: string): Promise<SurveyForm> => {
  authorize(ctx.actor, 'communications.inbox');
  const survey = await findSurvey(ctx.db, surveyId);
  if (!survey || survey.status === 'draft') throw new NotFound('survey');
  const today = japanDateOf(ctx.clock.now());
  const audienceOrgs = new Set(await selectAudienceOrganisations(ctx.db, survey.audience, today));
  const orgs = organisationsOf(ctx.actor).filter((o) => audienceOrgs.has(o));
  if (orgs.length === 0) throw new NotFound('survey');
  const ests = await establishmentsOfOrganisations(ctx.db, orgs);
  return {
    survey,
    phase: surveyPhase({ ...survey, status: survey.status as SurveyStatus }, today),
    establishments: await Promise.all(ests.map(async (e) => ({ id: e.id, name: e.name, response: await findResponse(ctx.db, survey.id, e.id) }))),
  };
};

/** One response per establishment, editable until the survey closes (optimistic lock on edits). */
export const respondToSurvey = async (ctx: UseCaseContext, input: { surveyId: string; establishmentId: string; lockVersion: number | null; answers: Record<string, unknown> }): Promise<void> => {
  const form = await getSurveyForm(ctx, input.surveyId);
  const est = form.establishments.find((e) => e.id === input.establishmentId);
  if (!est) throw new NotFound('establishment');
  const organisationId = (await establishmentsOfOrganisations(ctx.db, organisationsOf(ctx.actor))).find((e) => e.id === est.id)!.organisationId;
  authorize(ctx.actor, 'surveys.respond', { organisationId });
  if (form.phase !== 'open') throw new Conflict('survey not open', { ja: 'このアンケートは回答を受け付けていません（受付期間外です）。', en: 'This survey is not accepting answers (outside its dates).' });
  const problems: FieldProblem[] = [];
  const answers = checkAnswers(form.survey.questions, input.answers, problems);
  if (problems.length) throw new InvalidInput(problems);
  const seen = est.response ? est.response.lockVersion : null;
  if (input.lockVersion !== seen) throw new Conflict('response changed', CONFLICT);
  await ctx.db.transaction(async (tx) => {
    const won = await saveResponse(tx, { surveyId: form.survey.id, establishmentId: est.id, organisationId, answers, submittedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, at: ctx.clock.now() }, seen);
    if (!won) throw new Conflict('response changed', CONFLICT);
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'survey_response.submitted', target: { type: 'survey', id: form.survey.id }, summary: { after: { establishmentId: est.id, edited: seen !== null } } });
  });
};

export type SurveyResults = { survey: SurveyRow; phase: SurveyPhase; responseCount: number; questions: { id: string; label: string; kind: string; counts: { option: string; count: number }[]; texts: string[] }[] };

export const surveyResults = async (ctx: UseCaseContext, surveyId: string): Promise<SurveyResults> => {
  authorize(ctx.actor, 'surveys.manage');
  const survey = await findSurvey(ctx.db, surveyId);
  if (!survey) throw new NotFound('survey');
  const responses = await listResponses(ctx.db, surveyId);
  return {
    survey,
    phase: surveyPhase({ ...survey, status: survey.status as SurveyStatus }, japanDateOf(ctx.clock.now())),
    responseCount: responses.length,
    questions: survey.questions.map((q) => ({
      id: q.id,
      label: q.label,
      kind: q.kind,
      counts: q.options.map((o) => ({ option: o, count: responses.filter((r) => { const a = r.answers[q.id]; return Array.isArray(a) ? a.includes(o) : a === o; }).length })),
      texts: q.kind === 'text' ? responses.map((r) => r.answers[q.id]).filter((a): a is string => typeof a === 'string') : [],
    })),
  };
};

/** Every response as CSV (UTF-8 with BOM, formula injection neutralised): one row per establishment. */
export const surveyResultsCsv = async (ctx: UseCaseContext, surveyId: string): Promise<Buffer> => {
  authorize(ctx.actor, 'surveys.manage');
  const survey = await findSurvey(ctx.db, surveyId);
  if (!survey) throw new NotFound('survey');
  const responses = await listResponses(ctx.db, surveyId);
  const header = ['事業所', '回答日時', ...survey.questions.map((q) => q.label)];
  const rows = responses.map((r) => [r.establishmentName, r.updatedAt.toISOString(), ...survey.questions.map((q) => { const a = r.answers[q.id]; return Array.isArray(a) ? a.join(' / ') : (a ?? ''); })]);
  return encodeCsv(csvText([header, ...rows]), 'utf8');
};
