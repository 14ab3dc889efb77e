import { can, Forbidden } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { NotFound } from '../errors.js';
import { findEstablishment, type EstablishmentRow } from '../../persistence/repositories/establishments.repository.js';
import { findJoinRequest, findUserContact, listJoinRequestHistory, type JoinRequestHistoryRow, type JoinRequestRow } from '../../persistence/repositories/join-requests.repository.js';
import { listUploadsMeta, type UploadMeta } from '../../persistence/repositories/uploads.repository.js';
import { findOrganisation, type OrganisationRow } from '../../persistence/repositories/organisations.repository.js';
import type { StoredDetermination } from './join-determination.js';
import type { JoinApplicationAnswers } from './join-form.js';
import { REFUSAL_GROUNDS, type RefusalGround } from './refusal-grounds.js';

export type JoinRequestDetail = {
  request: JoinRequestRow;
  answers: JoinApplicationAnswers;
  /** Every submission, correction notice and decision, in order (the answers and determination of each submission are kept). */
  history: (JoinRequestHistoryRow & { actorName: string | null })[];
  /** The evidence files the current answers refer to (metadata only; bytes through downloadUpload). */
  evidence: (UploadMeta & { kind: string })[];
  grounds: RefusalGround[];
  determination: StoredDetermination | null;
  organisation: OrganisationRow;
  establishment: EstablishmentRow | undefined;
  applicant: { email: string; displayName: string } | undefined;
  /** The actor sees it as a reviewer (may decide) rather than as the applicant. */
  asReviewer: boolean;
};

/** One join request, for the applicant's organisation or for a named information handler on the secretariat. */
export const getJoinRequest = async (ctx: UseCaseContext, id: string): Promise<JoinRequestDetail> => {
  const request = await findJoinRequest(ctx.db, id);
  const organisationId = request?.organisationId;
  const asReviewer = can(ctx.actor, 'join_request.read_any');
  if (!asReviewer && !can(ctx.actor, 'join_request.read_own', { organisationId: organisationId ?? '00000000-0000-0000-0000-000000000000' })) {
    throw new Forbidden('join_request.read_own');
  }
  if (!request) throw new NotFound('join_request');
  const [organisation, establishment, applicant] = await Promise.all([
    findOrganisation(ctx.db, request.organisationId),
    request.establishmentId ? findEstablishment(ctx.db, request.establishmentId) : undefined,
    asReviewer && request.submittedBy ? findUserContact(ctx.db, request.submittedBy) : undefined,
  ]);
  if (!organisation) throw new NotFound('organisation');
  const answers = request.answers as JoinApplicationAnswers;
  const [history, evidence] = await Promise.all([
    listJoinRequestHistory(ctx.db, request.id),
    listUploadsMeta(ctx.db, (answers.evidence ?? []).map((e) => e.uploadId)),
  ]);
  return {
    request,
    answers,
    history: history.map((h) => (asReviewer ? h : { ...h, actorName: null })),
    evidence: evidence.filter((e) => e.organisationId === request.organisationId),
    grounds: REFUSAL_GROUNDS.filter((g) => request.decisionGrounds.includes(g.id)),
    determination: (request.determination as StoredDetermination | null) ?? null,
    organisation,
    establishment,
    applicant,
    asReviewer: asReviewer && can(ctx.actor, 'join_request.review'),
  };
};
