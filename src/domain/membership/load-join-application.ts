import { businessCategoriesOn, type BusinessCategory } from '../../../rules/eligible-industries/index.js';
import { japanDateOf, parameterAt, type LegalDate } from '../../../rules/core/index.js';
import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { loadDraft } from '../drafts/drafts.js';
import { NotFound } from '../errors.js';
import { loadRulesContext } from '../rules-context.js';
import { listEstablishmentsOf, type EstablishmentRow } from '../../persistence/repositories/establishments.repository.js';
import { findOrganisation, type OrganisationRow } from '../../persistence/repositories/organisations.repository.js';
import { establishmentsUnavailableForJoin } from '../../persistence/repositories/join-requests.repository.js';
import { validRosterOn } from '../../../rules/jaim-membership-faq/index.js';
import { JOIN_DRAFT_KIND, firstMissingStep, joinDraftKey, joinFactsFrom, type JoinApplicationAnswers, type JoinPage } from './join-form.js';
import { runJoinDetermination, type StoredDetermination } from './join-determination.js';
import { lastExpulsionFor } from './last-expulsion.js';

export type JoinApplication = {
  organisation: OrganisationRow;
  establishments: EstablishmentRow[];
  answers: JoinApplicationAnswers;
  draftVersion: number | undefined;
  establishment: EstablishmentRow | undefined;
  missingStep: JoinPage | undefined;
  /** The business categories (業務区分, SSW i) in force today, from the operator's data when published. */
  categories: readonly BusinessCategory[];
  today: LegalDate;
  /**
   * Establishments that cannot be chosen for a new application, and why: an application already in progress, or
   * already listed on the roster valid today. The draft's own establishment is never in it (a correction keeps it).
   */
  unavailable: ReadonlyMap<string, 'in_progress' | 'listed'>;
};

const unavailableFor = async (ctx: UseCaseContext, organisationId: string, today: LegalDate, answers: JoinApplicationAnswers): Promise<Map<string, 'in_progress' | 'listed'>> => {
  const { inProgress, listed } = await establishmentsUnavailableForJoin(ctx.db, organisationId, validRosterOn(today));
  const out = new Map<string, 'in_progress' | 'listed'>();
  for (const id of listed) out.set(id, 'listed');
  for (const id of inProgress) out.set(id, 'in_progress');
  if (answers.establishmentId) out.delete(answers.establishmentId);
  return out;
};

const categoriesOn = async (ctx: UseCaseContext, today: LegalDate): Promise<readonly BusinessCategory[]> => {
  try {
    const rules = await loadRulesContext(ctx.db);
    return parameterAt(rules.businessCategories, today).value.filter((c) => c.ssw1);
  } catch {
    return businessCategoriesOn(today, 'ssw1');
  }
};

/** The organisation, its establishments and the applicant's saved answers (the draft). */
export const loadJoinApplication = async (ctx: UseCaseContext, organisationId: string): Promise<JoinApplication> => {
  authorize(ctx.actor, 'join_request.submit', { organisationId });
  if (ctx.actor.kind !== 'user') throw new NotFound('draft'); // API tokens submit through the API, not drafts
  const organisation = await findOrganisation(ctx.db, organisationId);
  if (!organisation || organisation.kind !== 'accepting_company') throw new NotFound('organisation');
  const today = japanDateOf(ctx.clock.now());
  const [establishments, draft, categories] = await Promise.all([
    listEstablishmentsOf(ctx.db, organisationId),
    loadDraft<JoinApplicationAnswers>(ctx.db, ctx.actor.userId, JOIN_DRAFT_KIND, joinDraftKey(organisationId)),
    categoriesOn(ctx, today),
  ]);
  const answers = draft?.data ?? {};
  const establishment = establishments.find((e) => e.id === answers.establishmentId);
  const unavailable = await unavailableFor(ctx, organisationId, today, answers);
  return {
    organisation,
    establishments,
    answers,
    draftVersion: draft?.version,
    establishment,
    missingStep: establishment ? firstMissingStep(answers) : 'establishment',
    categories,
    today,
    unavailable,
  };
};

/** Runs `jaim-join` on answers as of a date, with the operator's reference data and the applicant's last expulsion. */
export const determineJoin = async (
  ctx: UseCaseContext,
  organisation: OrganisationRow,
  establishment: EstablishmentRow,
  answers: JoinApplicationAnswers,
  asOf: LegalDate,
): Promise<StoredDetermination> => {
  const [rules, lastExpulsion] = await Promise.all([loadRulesContext(ctx.db), lastExpulsionFor(ctx.db, organisation.corporateNumber, asOf)]);
  return runJoinDetermination(joinFactsFrom(organisation, establishment, answers, asOf, lastExpulsion), asOf, rules);
};

/** The determination the rules library makes on the answers as of today in Japan (shown before submitting). */
export const previewJoinDetermination = async (ctx: UseCaseContext, app: JoinApplication): Promise<StoredDetermination | undefined> => {
  if (!app.establishment) return undefined;
  return determineJoin(ctx, app.organisation, app.establishment, app.answers, app.today);
};
