import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DETERMINATION_OUTCOME_LABELS } from '../../../domain/membership/join-determination.js';
import { getJoinRequest, type JoinRequestDetail } from '../../../domain/membership/get-join-request.js';
import { resubmitJoinRequest } from '../../../domain/membership/resubmit-join-request.js';
import { editJoinRequest } from '../../../domain/membership/edit-join-request.js';
import { startNextJoinApplication } from '../../../domain/membership/start-next-join-application.js';
import { REFUSAL_GROUNDS } from '../../../domain/membership/refusal-grounds.js';
import { downloadUpload } from '../../../domain/uploads/download-upload.js';
import { prefectureName } from '../../../domain/membership/prefectures.js';
import type { AppDeps } from '../../app.js';
import { answerRows } from './join-form.page.js';
import { formBody, membershipContext, paramId, statusView } from './helpers.js';

/** What both the applicant's page and the reviewer's page show about a request. */
export const joinRequestView = (request: FastifyRequest, d: JoinRequestDetail) => {
  const lang = request.lang;
  return {
    id: d.request.id,
    status: d.request.status,
    statusView: statusView(d.request.status, lang),
    lockVersion: d.request.lockVersion,
    receivedSeq: d.request.receivedSeq,
    submittedAt: d.request.submittedAt,
    decidedAt: d.request.decidedAt,
    decisionReason: d.request.decisionReason,
    correctionReason: d.request.correctionReason,
    organisation: { ...d.organisation, prefectureName: prefectureName(d.organisation.prefecture, lang) },
    establishment: d.establishment ? { ...d.establishment, prefectureName: prefectureName(d.establishment.prefecture, lang) } : undefined,
    applicant: d.applicant,
    rows: answerRows(request, { organisation: d.organisation, establishment: d.establishment }, d.answers),
    evidence: d.evidence.map((e) => ({ ...e, label: request.t(`membership:join.evidence.kinds.${e.kind}`), sizeKb: Math.max(1, Math.round(e.sizeBytes / 1024)), scanLabel: request.t(`membership:upload.scan.${e.scanStatus}`) })),
    grounds: d.grounds.map((g) => ({ citation: g.citation, label: g.label[lang] })),
    history: d.history.map((h) => ({
      seq: h.seq,
      event: request.t(`membership:history.event.${h.event}`),
      at: h.at,
      actorName: h.actorName,
      message: h.message,
      grounds: REFUSAL_GROUNDS.filter((g) => h.grounds.includes(g.id)).map((g) => `${g.label[lang]}（${g.citation}）`),
      outcome: h.determination ? (DETERMINATION_OUTCOME_LABELS[(h.determination as { outcome: string }).outcome]?.[lang] ?? null) : null,
    })),
    determination: d.determination,
    outcomeLabel: d.determination ? DETERMINATION_OUTCOME_LABELS[d.determination.outcome]?.[lang] ?? d.determination.outcome : undefined,
  };
};

/** /join-requests/:id: the applicant follows their request; after a correction notice they resubmit here. */
export const joinRequestPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.get('/join-requests/:id', { config: { policy: 'account.self' } }, async (request, reply) => {
    const detail = await getJoinRequest(membershipContext(request, deps), paramId(request));
    const view = joinRequestView(request, detail);
    return reply.view('pages/membership/join-request.njk', {
      pageTitle: request.t('membership:request.title'),
      jr: view,
      canDownload: true,
      justSubmitted: (request.query as Record<string, unknown>).submitted === '1',
      canApplyNext: !detail.asReviewer && detail.request.status !== 'draft',
    });
  });

  app.post('/join-requests/:id/edit', { config: { policy: 'join_request.submit' } }, async (request, reply) => {
    const { organisationId } = await editJoinRequest(membershipContext(request, deps), paramId(request));
    return reply.redirect(`/organisations/${organisationId}/join/check`, 303);
  });

  // An uploaded file, for its organisation or a secretariat information handler (checked in the use case).
  app.get('/uploads/:id', { config: { policy: 'account.self' } }, async (request, reply) => {
    const file = await downloadUpload(membershipContext(request, deps), paramId(request));
    const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('x-checksum-sha256', file.sha256)
      .send(file.content);
  });

  // The next establishment of the same company: the company's declarations and pledges carry over.
  app.post('/join-requests/:id/next', { config: { policy: 'join_request.submit' } }, async (request, reply) => {
    const { organisationId } = await startNextJoinApplication(membershipContext(request, deps), paramId(request));
    return reply.redirect(`/organisations/${organisationId}/join/establishment`, 303);
  });

  app.post('/join-requests/:id/resubmit', { config: { policy: 'join_request.submit' } }, async (request, reply) => {
    const id = paramId(request);
    const body = formBody(request);
    await resubmitJoinRequest(membershipContext(request, deps), id, Number(body.lockVersion));
    return reply.redirect(`/join-requests/${id}`, 303);
  });
};
