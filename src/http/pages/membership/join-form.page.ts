import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DISQUALIFICATION_ITEMS } from '../../../../rules/jaim-membership-faq/index.js';
import { newIdempotencyKey } from '../../../domain/idempotency/idempotency.js';
import { attachJoinEvidence, removeJoinEvidence } from '../../../domain/membership/attach-join-evidence.js';
import { DETERMINATION_OUTCOME_LABELS, isFailingStep, pageFixing } from '../../../domain/membership/join-determination.js';
import { JOIN_PAGES, evidenceSlots, isJoinPage, nextPage, previousPage, relevantPages, type JoinApplicationAnswers, type JoinPage } from '../../../domain/membership/join-form.js';
import { loadJoinApplication, previewJoinDetermination, type JoinApplication } from '../../../domain/membership/load-join-application.js';
import { saveJoinStep } from '../../../domain/membership/save-join-step.js';
import { submitJoinRequest } from '../../../domain/membership/submit-join-request.js';
import { discardJoinDraft } from '../../../domain/membership/discard-join-draft.js';
import { getJoinRequest } from '../../../domain/membership/get-join-request.js';
import { MAX_UPLOAD_BYTES } from '../../../domain/uploads/content-check.js';
import { scannerFor } from '../../../domain/uploads/scanner.js';
import { uploadRefused } from '../../../domain/uploads/store-upload.js';
import { NotFound } from '../../../domain/errors.js';
import type { BusinessCategory } from '../../../../rules/eligible-industries/index.js';
import type { EstablishmentRow } from '../../../persistence/repositories/establishments.repository.js';
import type { OrganisationRow } from '../../../persistence/repositories/organisations.repository.js';
import type { AppDeps } from '../../app.js';
import { deliverMail, formErrorsOf, type FormError } from '../accounts/request-context.js';
import { forgetRecovered, formBody, membershipContext, paramId, recoveredValues } from './helpers.js';
import { evidenceView, pageFields } from './join-pages.view.js';

// The join application: one question (or one small group) per page, only the pages relevant to the
// establishment's JSIC codes, saved as a draft after every page; evidence uploads; then check your answers with
// the rules' determination, each failing rule linked to the page that fixes it, and an idempotent submit.

const base = (organisationId: string): string => `/organisations/${organisationId}/join`;

const pageHref = (organisationId: string, page: string): string => (page === 'organisation' ? `/organisations/${organisationId}` : `${base(organisationId)}/${page}?change=1`);

const pageChrome = (request: FastifyRequest, app: JoinApplication, page: JoinPage) => {
  const pages = relevantPages(app.answers, app.establishment);
  const prev = previousPage(page, app.answers, app.establishment);
  return {
    organisation: app.organisation,
    stepNumber: Math.max(1, pages.indexOf(page) + 1),
    stepCount: pages.length,
    backHref: prev ? `${base(app.organisation.id)}/${prev}` : `/organisations/${app.organisation.id}`,
    returnToCheck: (request.query as Record<string, unknown>).change === '1',
    correcting: !!app.answers.correctingRequestId,
  };
};

const renderPage = (request: FastifyRequest, app: JoinApplication, page: JoinPage, posted?: Record<string, unknown>, errors?: FormError[]) => ({
  pageTitle: request.t(`membership:join.${page}.title`),
  title: request.t(`membership:join.${page}.title`),
  hint: ['amounts', 'reasons', 'textile', 'association', 'declarations'].includes(page) ? request.t(`membership:join.${page}.hint`) : undefined,
  fields: pageFields(request, app, page, posted),
  noEstablishments: page === 'establishment' && app.establishments.length === 0,
  errors,
  ...pageChrome(request, app, page),
});

const renderEvidence = (request: FastifyRequest, app: JoinApplication, errors?: FormError[], postedKind?: string) => ({
  pageTitle: request.t('membership:join.evidence.title'),
  ev: evidenceView(request, app, errors, postedKind),
  errors,
  ...pageChrome(request, app, 'evidence'),
});

type AnswerSource = { organisation: OrganisationRow; establishment: EstablishmentRow | undefined; categories?: readonly BusinessCategory[] };

/** Every answer as check-your-answers rows (with change links when `changeBase` is given). */
export const answerRows = (request: FastifyRequest, src: AnswerSource, a: JoinApplicationAnswers, changeBase?: string) => {
  const t = request.t;
  const none = t('membership:join.none');
  const unanswered = t('membership:join.unanswered');
  const rows: { key: string; value: string | string[]; href?: string }[] = [];
  const row = (page: JoinPage | 'company', value: string | string[], key = t(`membership:join.${page}.short`)) =>
    rows.push({ key, value: Array.isArray(value) ? (value.length ? value : [none]) : value || unanswered, ...(changeBase ? { href: page === 'company' ? `/organisations/${src.organisation.id}` : `${changeBase}/${page}?change=1` } : {}) });
  const org = src.organisation;
  row('company', [org.name, org.representativeName ?? '', org.corporateNumber ? `${t('membership:organisation.fields.corporateNumber')}: ${org.corporateNumber}` : '', org.address ?? ''].filter(Boolean));
  const est = src.establishment;
  row('establishment', est ? [est.name, est.address ?? '', `${t('membership:establishment.fields.jsicCodes')}: ${est.jsicCodes.join(', ')}`] : '');
  const catName = (id: string) => src.categories?.find((c) => c.id === id)?.name ?? id;
  row('categories', a.categories ? a.categories.map(catName) : '');
  row('shipments', a.shipments ? t(`membership:join.shipments.${a.shipments}`) : '');
  row('documents', (a.documents ?? []).map((k) => t(`membership:join.documents.kinds.${k}`)));
  row('amounts', [a.amounts ? t(`membership:join.amounts.${a.amounts}`) : unanswered, a.intraCompany ? `${t('membership:join.amounts.intraLabel')} ${t(`membership:join.${a.intraCompany}`)}` : ''].filter(Boolean));
  row('photos', (a.photos ?? []).map((k) => t(`membership:join.photos.kinds.${k}`)));
  if (a.noAmountReason || a.photoReason || a.usageExplanation) row('reasons', [a.noAmountReason, a.photoReason, a.usageExplanation].filter((x): x is string => !!x));
  if (est && relevantPages(a, est).includes('textile')) {
    const tx = a.textile ?? {};
    row('textile', tx.humanRights ? [t(`membership:join.textile.hr.${tx.humanRights}`), tx.scheme ? `${tx.scheme} ${tx.validUntil ?? ''}` : '', ...(['attendance', 'partnership', 'monthlySalary'] as const).map((k) => `${t(`membership:join.textile.${k}`)} ${tx[k] ? t(`membership:join.${tx[k]}`) : unanswered}`)].filter(Boolean) : '');
  }
  if (est && relevantPages(a, est).includes('association')) {
    const as = a.association;
    row('association', as?.name ? [as.name, as.heldBy ? t(`membership:join.association.held.${as.heldBy}`) : '', as.evidence ? t(`membership:join.association.ev.${as.evidence}`) : ''].filter(Boolean) : '');
  }
  row('evidence', (a.evidence ?? []).map((f) => `${t(`membership:join.evidence.kinds.${f.kind}`)}: ${f.filename}`));
  const d = a.declarations ?? (a.declaration === 'none_apply' ? Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [i, 'no'])) : {});
  const answered = DISQUALIFICATION_ITEMS.filter((i) => (d as Record<string, string>)[i]);
  const applies = DISQUALIFICATION_ITEMS.filter((i) => (d as Record<string, string>)[i] === 'yes');
  row(
    'declarations',
    answered.length < DISQUALIFICATION_ITEMS.length
      ? ''
      : applies.length
        ? applies.map((i) => `${t(`membership:join.declarations.items.${i}`)}: ${t('membership:join.declarations.applies')}`)
        : t('membership:join.declaration.item'),
  );
  row('pledges', (a.pledges ?? []).map((k) => t(`membership:join.pledges.kinds.${k}`)));
  return rows;
};

const readUpload = async (request: FastifyRequest): Promise<{ kind: string; filename: string; declaredType: string; bytes: Buffer } | { error: 'too_large' | 'no_file' }> => {
  if (!request.isMultipart()) return { error: 'no_file' };
  let kind = '';
  let file: { filename: string; declaredType: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated) return { error: 'too_large' };
        if (part.filename) file = { filename: part.filename, declaredType: part.mimetype, bytes };
      } else if (part.fieldname === 'kind' && typeof part.value === 'string') kind = part.value;
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return { error: 'too_large' };
    throw error;
  }
  if (!file) return { error: 'no_file' };
  return { kind, ...file };
};

export const joinFormPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const scanner = scannerFor(deps.config.clamd);

  app.get('/organisations/:id/join', { config: { policy: 'join_request.submit' } }, async (request, reply) => {
    const application = await loadJoinApplication(membershipContext(request, deps), paramId(request));
    const next = application.missingStep;
    return reply.redirect(next ? `${base(application.organisation.id)}/${next}` : `${base(application.organisation.id)}/check`, 303);
  });

  app.get('/organisations/:id/join/check', { config: { policy: 'join_request.submit' } }, async (request, reply) => {
    const ctx = membershipContext(request, deps);
    const application = await loadJoinApplication(ctx, paramId(request));
    if (application.missingStep) return reply.redirect(`${base(application.organisation.id)}/${application.missingStep}`, 303);
    const determination = await previewJoinDetermination(ctx, application);
    const orgId = application.organisation.id;
    const fixes = (determination?.trace ?? [])
      .filter((s) => isFailingStep(s.outcome))
      .map((s) => {
        const page = pageFixing(s.ruleId);
        return { message: s.message[request.lang], citation: s.citation, href: page ? pageHref(orgId, page) : undefined };
      });
    const files = application.answers.evidence ?? [];
    for (const slot of evidenceSlots(application.answers, application.establishment)) {
      if (!files.some((f) => f.kind === slot.kind)) {
        fixes.push({ message: `${request.t('membership:join.check.missingEvidence')}: ${request.t(`membership:join.evidence.kinds.${slot.kind}`)}`, citation: 'jaim-membership-faq Q2-3-6', href: pageHref(orgId, 'evidence') });
      }
    }
    const correctingId = application.answers.correctingRequestId;
    const correcting = correctingId ? await getJoinRequest(ctx, correctingId).catch(() => undefined) : undefined;
    return reply.view('pages/membership/join-check.njk', {
      pageTitle: request.t('membership:join.check.title'),
      organisation: application.organisation,
      rows: answerRows(request, application, application.answers, base(orgId)),
      determination,
      fixes,
      outcomeLabel: determination ? (DETERMINATION_OUTCOME_LABELS[determination.outcome]?.[request.lang] ?? determination.outcome) : undefined,
      idempotencyKey: newIdempotencyKey(),
      correctingId: correcting?.request.status === 'correction_requested' ? correctingId : undefined,
      correctingLockVersion: correcting?.request.lockVersion,
    });
  });

  // Throwing the draft away is confirmed on its own page first (nothing submitted is affected).
  app.get('/organisations/:id/join/discard', { config: { policy: 'join_request.submit' } }, async (request, reply) => {
    const application = await loadJoinApplication(membershipContext(request, deps), paramId(request));
    return reply.view('pages/membership/join-discard.njk', {
      pageTitle: request.t('membership:join.discard.title'),
      organisation: application.organisation,
      establishment: application.establishment,
      correcting: !!application.answers.correctingRequestId,
    });
  });

  app.post('/organisations/:id/join/discard', { config: { policy: 'join_request.submit' } }, async (request, reply) => {
    await discardJoinDraft(membershipContext(request, deps), paramId(request));
    return reply.redirect(`/organisations/${paramId(request)}`, 303);
  });

  // Where sign-in returns to after a submit posted with a timed-out session: the answers are in the draft.
  app.get('/organisations/:id/join/submit', { config: { policy: 'join_request.submit' } }, async (request, reply) => reply.redirect(`${base(paramId(request))}/check`, 303));

  app.post('/organisations/:id/join/submit', { config: { policy: 'join_request.submit', rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = formBody(request);
    const { joinRequestId } = await submitJoinRequest(membershipContext(request, deps), paramId(request), typeof body.idempotencyKey === 'string' ? body.idempotencyKey : '');
    deliverMail(request, deps);
    return reply.redirect(`/join-requests/${joinRequestId}?submitted=1`, 303);
  });

  // Evidence: upload one file (multipart; the CSRF token is in the action URL), remove one, continue.
  app.post('/organisations/:id/join/evidence/upload', { config: { policy: 'join_request.submit', rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (request, reply) => {
    const ctx = membershipContext(request, deps);
    const id = paramId(request);
    let postedKind: string | undefined;
    try {
      const upload = await readUpload(request);
      if ('error' in upload) throw uploadRefused(upload.error);
      postedKind = upload.kind;
      await attachJoinEvidence({ ...ctx, scanner }, id, upload);
      return reply.redirect(`${base(id)}/evidence`, 303);
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      const application = await loadJoinApplication(ctx, id);
      reply.status(400);
      return reply.view('pages/membership/join-evidence.njk', renderEvidence(request, application, errors, postedKind));
    }
  });

  app.post('/organisations/:id/join/evidence/remove', { config: { policy: 'join_request.submit' } }, async (request, reply) => {
    const id = paramId(request);
    const body = formBody(request);
    await removeJoinEvidence(membershipContext(request, deps), id, typeof body.uploadId === 'string' ? body.uploadId : '');
    return reply.redirect(`${base(id)}/evidence`, 303);
  });

  app.get('/organisations/:id/join/:step', { config: { policy: 'join_request.submit' } }, async (request, reply) => {
    const step = (request.params as Record<string, string>).step ?? '';
    if (step === 'declaration') return reply.redirect(`${base(paramId(request))}/declarations`, 303);
    if (!isJoinPage(step)) throw new NotFound('step');
    const application = await loadJoinApplication(membershipContext(request, deps), paramId(request));
    if (step === 'evidence') return reply.view('pages/membership/join-evidence.njk', renderEvidence(request, application));
    const recovered = await recoveredValues(request, deps);
    return reply.view('pages/membership/join-page.njk', renderPage(request, application, step, Object.keys(recovered).length ? recovered : undefined));
  });

  app.post('/organisations/:id/join/:step', { config: { policy: 'join_request.submit' } }, async (request, reply) => {
    const step = (request.params as Record<string, string>).step ?? '';
    if (!isJoinPage(step)) throw new NotFound('step');
    const ctx = membershipContext(request, deps);
    const id = paramId(request);
    const body = formBody(request);
    try {
      const answers = await saveJoinStep(ctx, id, step, body);
      await forgetRecovered(request, deps);
      const application = await loadJoinApplication(ctx, id);
      const next = (request.query as Record<string, unknown>).change === '1' ? undefined : nextPage(step, answers, application.establishment);
      return reply.redirect(next ? `${base(id)}/${next}` : `${base(id)}/check`, 303);
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      const application = await loadJoinApplication(ctx, id);
      reply.status(400);
      return reply.view('pages/membership/join-page.njk', renderPage(request, application, step, body, errors));
    }
  });
};

export { JOIN_PAGES };
