import { randomUUID } from 'node:crypto';
import { japanDateOf } from '../../../rules/core/index.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { discardDraft } from '../drafts/drafts.js';
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import { claimIdempotencyKey, findIdempotentResult, isIdempotencyKey } from '../idempotency/idempotency.js';
import { queueMail } from '../mail/outbox.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import type { EstablishmentRow } from '../../persistence/repositories/establishments.repository.js';
import type { OrganisationRow } from '../../persistence/repositories/organisations.repository.js';
import { appendJoinRequestHistory, findOpenJoinRequestForEstablishment, findUserContact, insertSubmittedJoinRequest } from '../../persistence/repositories/join-requests.repository.js';
import { joinRequestLink, type MembershipContext } from './context.js';
import { JOIN_DRAFT_KIND, joinDraftKey, type JoinApplicationAnswers } from './join-form.js';
import { joinReceivedMail } from './join-mail.js';
import { transition } from './join-request.states.js';
import { determineJoin, loadJoinApplication } from './load-join-application.js';
import { notifyApplicant } from './notify-applicant.js';

const SCOPE = 'join_request.submit';

export type SubmitInput = {
  organisation: OrganisationRow;
  establishment: EstablishmentRow;
  answers: JoinApplicationAnswers;
  idempotencyKey: string;
  /** The user whose draft is discarded once submitted (pages); null for API tokens. */
  draftOwner: string | null;
  /** Idempotency scope; the API scopes client-chosen keys by organisation. */
  scope?: string;
};

/**
 * Creates the request (到達) from complete answers, idempotently: the same key returns the request the first call
 * created, so a double click or a retried POST never creates two requests. The determination is stored with the
 * request and in its history. Shared by the page flow (answers from the draft) and the API (answers in the body).
 */
export const createSubmittedJoinRequest = async (ctx: MembershipContext, input: SubmitInput): Promise<{ joinRequestId: string; duplicate: boolean }> => {
  const { organisation, establishment, answers, idempotencyKey } = input;
  const scope = input.scope ?? SCOPE;
  authorize(ctx.actor, 'join_request.submit', { organisationId: organisation.id });
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const at = ctx.clock.now();
  const today = japanDateOf(at);
  const determination = await determineJoin(ctx, organisation, establishment, answers, today);
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const claimed = await claimIdempotencyKey(tx, { scope, key: idempotencyKey, userId, resourceType: 'join_request', resourceId: id, at });
    if (!claimed) {
      const first = await findIdempotentResult(tx, scope, idempotencyKey);
      if (first) return { joinRequestId: first.resourceId, duplicate: true };
      throw new Conflict('idempotency key taken without a record');
    }
    if (await findOpenJoinRequestForEstablishment(tx, establishment.id)) {
      throw new Conflict('open join request exists', {
        ja: 'この事業所には審査中の入会申請があります。結果をお待ちください。',
        en: 'This establishment already has an application in progress. Please wait for its outcome.',
      });
    }
    const status = transition('draft', 'submit');
    const row = await insertSubmittedJoinRequest(tx, {
      id,
      organisationId: organisation.id,
      establishmentId: establishment.id,
      status,
      idempotencyKey,
      submittedAt: at,
      submittedBy: userId,
      answers: answers as Record<string, unknown>,
      determination,
    });
    await appendJoinRequestHistory(tx, { joinRequestId: id, event: 'submit', statusAfter: status, at, actorUserId: userId, answers, determination });
    await writeAuditEvent(tx, {
      ...auditMeta(ctx),
      action: 'join_request.submitted',
      target: { type: 'join_request', id },
      summary: { after: { organisationId: organisation.id, establishmentId: establishment.id, status: row.status, receivedSeq: row.receivedSeq, determination: determination.outcome } },
    });
    const contact = userId ? await findUserContact(tx, userId) : undefined;
    if (contact) {
      const mail = joinReceivedMail(contact.locale, {
        name: contact.displayName,
        organisationName: organisation.name,
        establishmentName: establishment.name,
        link: joinRequestLink(ctx, id),
        receivedSeq: Number(row.receivedSeq),
      });
      await queueMail(tx, at, contact.email, mail);
      await notifyApplicant(tx, { userId: userId!, organisationId: organisation.id, at, mail, link: joinRequestLink(ctx, id) });
    }
    if (input.draftOwner) await discardDraft(tx, input.draftOwner, JOIN_DRAFT_KIND, joinDraftKey(organisation.id));
    return { joinRequestId: id, duplicate: false };
  });
};

/** Submits the saved join application (the user's draft). */
export const submitJoinRequest = async (ctx: MembershipContext, organisationId: string, idempotencyKey: string): Promise<{ joinRequestId: string; duplicate: boolean }> => {
  authorize(ctx.actor, 'join_request.submit', { organisationId });
  if (ctx.actor.kind !== 'user') throw new NotFound('draft');
  if (!isIdempotencyKey(idempotencyKey)) {
    throw new InvalidInput([{ field: 'idempotencyKey', message: { ja: '画面を再読み込みしてから送信してください', en: 'Reload the page and submit again' } }]);
  }
  const earlier = await findIdempotentResult(ctx.db, SCOPE, idempotencyKey);
  if (earlier) return { joinRequestId: earlier.resourceId, duplicate: true };
  const app = await loadJoinApplication(ctx, organisationId);
  if (!app.establishment || app.missingStep) {
    throw new InvalidInput([{ field: app.missingStep ?? 'establishmentId', message: { ja: '未回答の質問があります', en: 'Some questions are not answered yet' } }]);
  }
  if (app.answers.correctingRequestId) {
    throw new Conflict('draft is a correction', { ja: 'この下書きは補正中の申請の修正です。申請のページから再提出してください。', en: 'This draft corrects an application: resubmit it from the application’s page.' });
  }
  return createSubmittedJoinRequest(ctx, { organisation: app.organisation, establishment: app.establishment, answers: app.answers, idempotencyKey, draftOwner: ctx.actor.userId });
};
