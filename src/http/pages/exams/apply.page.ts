import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFound } from '../../../domain/errors.js';
import { newIdempotencyKey } from '../../../domain/idempotency/idempotency.js';
import { APPLICATION_STEPS, firstMissingStep, isApplicationStep, type ApplicationData, type ApplicationStep } from '../../../domain/exams/use-cases/application-form.js';
import { countryName, countryOptions } from '../../../domain/exams/use-cases/countries.js';
import { loadApplication, type LoadedApplication } from '../../../domain/exams/use-cases/load-application.js';
import { formatFee } from '../../../domain/exams/use-cases/registration-window.js';
import { saveApplicationPhoto, saveApplicationStep } from '../../../domain/exams/use-cases/save-application-step.js';
import { sendEmailCode } from '../../../domain/exams/use-cases/send-email-code.js';
import { startApplication } from '../../../domain/exams/use-cases/start-application.js';
import { DuplicateRegistration, NotEligible, submitApplication } from '../../../domain/exams/use-cases/submit-application.js';
import { verifyEmailCode } from '../../../domain/exams/use-cases/verify-email-code.js';
import { translatorFor, type CandidateLanguage } from '../../../locales/index.js';
import type { AppDeps } from '../../app.js';
import { deliverMail } from '../accounts/request-context.js';
import { APPLICATION_COOKIE, candidateErrors, candidateLanguage, candidateView, examContext, formBody, param, readMultipartFile, refusalMessage } from './helpers.js';

// The candidate's application: e-mail and code, then one question per page (saved as a draft each time), check your
// answers and an idempotent submit. No platform account: the browser holds the application token in a cookie
// (docs/adr/0004-exam-candidates.md). Works without JavaScript.

const STEP_PAGES = ['email', 'code', ...APPLICATION_STEPS, 'check'] as const;
const rateLimit = { max: 20, timeWindow: '1 minute' };

export const examApplyPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const tokenOf = (request: FastifyRequest): string | undefined => request.cookies[APPLICATION_COOKIE];
  const cookieOpts = { path: '/exams', httpOnly: true, sameSite: 'lax' as const, secure: deps.config.tls, maxAge: 30 * 24 * 3600 };

  const load = async (request: FastifyRequest, reply: FastifyReply): Promise<LoadedApplication | undefined> => {
    try {
      return await loadApplication(examContext(request, deps), tokenOf(request));
    } catch (e) {
      if (!(e instanceof NotFound)) throw e;
      reply.status(404);
      await reply.view('pages/exams/apply-expired.njk', candidateView(request, reply, { pageTitle: translatorFor(candidateLanguage(request, reply))('exams-candidate:errors.expired') }));
      return undefined;
    }
  };

  const sittingSummary = (a: LoadedApplication, lang: CandidateLanguage) => ({
    category: lang === 'ja' ? a.place.category.nameJa : a.place.category.nameEn,
    level: a.place.category.level,
    examDate: a.place.sitting.examDate,
    venue: `${a.place.venue.name}, ${a.place.venue.city}, ${countryName(a.place.venue.country, lang)}`,
    fee: formatFee(a.place.sitting.feeAmount, a.place.sitting.feeCurrency, lang),
  });

  const render = (request: FastifyRequest, reply: FastifyReply, a: LoadedApplication, step: (typeof STEP_PAGES)[number], extra: Record<string, unknown> = {}) => {
    const lang = candidateLanguage(request, reply);
    const t = translatorFor(lang);
    const index = STEP_PAGES.indexOf(step);
    const data = a.data;
    const [y, m, d] = (data.dateOfBirth ?? '').split('-');
    return reply.view(`pages/exams/apply-${step === 'email' || step === 'code' || step === 'photo' || step === 'check' ? step : 'step'}.njk`, candidateView(request, reply, {
      pageTitle: t(`exams-candidate:apply.${step === 'check' ? 'check' : step}.title`),
      step,
      stepNumber: index + 1,
      stepCount: STEP_PAGES.length,
      backHref: index > 0 ? `/exams/apply/${STEP_PAGES[index - 1]}` : `/exams/sittings/${a.place.sitting.id}`,
      sitting: sittingSummary(a, lang),
      email: a.application.email,
      values: { ...data, 'dateOfBirth-year': y ?? '', 'dateOfBirth-month': m ? String(Number(m)) : '', 'dateOfBirth-day': d ? String(Number(d)) : '', ...(extra.values as object | undefined) },
      countries: countryOptions(lang),
      hasPhoto: a.hasPhoto,
      photoSha: a.application.photoSha256?.slice(0, 16),
      change: (request.query as Record<string, unknown>).change === '1',
      ...extra,
    }));
  };

  app.post('/exams/sittings/:id/apply', { config: { policy: 'exam_registration.apply', rateLimit } }, async (request, reply) => {
    const lang = candidateLanguage(request, reply);
    const { token } = await startApplication(examContext(request, deps), { sittingId: param(request, 'id'), language: lang });
    reply.setCookie(APPLICATION_COOKIE, token, cookieOpts);
    return reply.redirect('/exams/apply/email', 303);
  });

  // E-mail and its code.
  app.get('/exams/apply/email', { config: { policy: 'exam_registration.apply' } }, async (request, reply) => {
    const a = await load(request, reply);
    if (a) return render(request, reply, a, 'email', { values: { email: a.application.email ?? '' } });
  });
  app.post('/exams/apply/email', { config: { policy: 'exam_registration.apply', rateLimit } }, async (request, reply) => {
    const a = await load(request, reply);
    if (!a) return;
    const body = formBody(request);
    try {
      await sendEmailCode(examContext(request, deps), tokenOf(request), { email: body.email });
      deliverMail(request, deps);
      return reply.redirect('/exams/apply/code', 303);
    } catch (e) {
      const errors = candidateErrors(e, candidateLanguage(request, reply));
      if (!errors) throw e;
      reply.status(400);
      return render(request, reply, a, 'email', { errors, values: body });
    }
  });
  app.get('/exams/apply/code', { config: { policy: 'exam_registration.apply' } }, async (request, reply) => {
    const a = await load(request, reply);
    if (!a) return;
    if (!a.application.email) return reply.redirect('/exams/apply/email', 303);
    if (a.application.emailVerifiedAt) return reply.redirect(`/exams/apply/${firstMissingStep(a.data, a.hasPhoto) ?? 'check'}`, 303);
    return render(request, reply, a, 'code');
  });
  app.post('/exams/apply/code', { config: { policy: 'exam_registration.apply', rateLimit } }, async (request, reply) => {
    const a = await load(request, reply);
    if (!a) return;
    try {
      await verifyEmailCode(examContext(request, deps), tokenOf(request), { code: formBody(request).code });
      return reply.redirect('/exams/apply/name', 303);
    } catch (e) {
      const errors = candidateErrors(e, candidateLanguage(request, reply));
      if (!errors) throw e;
      reply.status(400);
      return render(request, reply, a, 'code', { errors });
    }
  });

  // One question per page.
  app.get('/exams/apply/:step', { config: { policy: 'exam_registration.apply' } }, async (request, reply) => {
    const step = param(request, 'step');
    const a = await load(request, reply);
    if (!a) return;
    if (!a.application.emailVerifiedAt) return reply.redirect('/exams/apply/email', 303);
    if (a.application.registrationId) return reply.redirect(`/exams/registrations/${tokenOf(request)}`, 303);
    if (step === 'check') {
      const missing = firstMissingStep(a.data, a.hasPhoto);
      if (missing) return reply.redirect(`/exams/apply/${missing}`, 303);
      return render(request, reply, a, 'check', { rows: checkRows(candidateLanguage(request, reply), a), idempotencyKey: newIdempotencyKey() });
    }
    if (!isApplicationStep(step)) throw new NotFound('step');
    return render(request, reply, a, step);
  });

  app.post('/exams/apply/photo', { config: { policy: 'exam_registration.apply', rateLimit } }, async (request, reply) => {
    const a = await load(request, reply);
    if (!a) return;
    const { file, tooLarge, fields } = await readMultipartFile(request);
    try {
      if (!file && a.hasPhoto && fields.keep === '1') return reply.redirect('/exams/apply/check', 303);
      await saveApplicationPhoto(examContext(request, deps), tokenOf(request), tooLarge ? new Uint8Array(3 * 1024 * 1024) : file);
      return reply.redirect('/exams/apply/check', 303);
    } catch (e) {
      const errors = candidateErrors(e, candidateLanguage(request, reply));
      if (!errors) throw e;
      reply.status(400);
      return render(request, reply, a, 'photo', { errors });
    }
  });

  app.post('/exams/apply/:step', { config: { policy: 'exam_registration.apply', rateLimit } }, async (request, reply) => {
    const step = param(request, 'step') as ApplicationStep;
    if (!isApplicationStep(step) || step === 'photo') throw new NotFound('step');
    const a = await load(request, reply);
    if (!a) return;
    const lang = candidateLanguage(request, reply);
    const body = formBody(request);
    try {
      const { data, eligibility } = await saveApplicationStep(examContext(request, deps), tokenOf(request), step, body);
      if (eligibility && eligibility.outcome !== 'eligible') {
        reply.status(422);
        return render(request, reply, { ...a, data }, step, { values: body, notEligible: eligibility.reason });
      }
      const change = (request.query as Record<string, unknown>).change === '1';
      const next = change ? 'check' : (firstMissingStep(data, a.hasPhoto) ?? 'check');
      return reply.redirect(`/exams/apply/${next}`, 303);
    } catch (e) {
      const errors = candidateErrors(e, lang);
      if (!errors) throw e;
      reply.status(400);
      return render(request, reply, a, step, { errors, values: body });
    }
  });

  app.post('/exams/apply/submit', { config: { policy: 'exam_registration.apply', rateLimit } }, async (request, reply) => {
    const a = await load(request, reply);
    if (!a) return;
    const lang = candidateLanguage(request, reply);
    try {
      await submitApplication(examContext(request, deps), tokenOf(request), { idempotencyKey: formBody(request).idempotencyKey });
      deliverMail(request, deps);
      return reply.redirect(`/exams/registrations/${tokenOf(request)}?new=1`, 303);
    } catch (e) {
      const t = translatorFor(lang);
      let message: string | undefined;
      if (e instanceof NotEligible) message = e.reason;
      else if (e instanceof DuplicateRegistration) message = t('exams-candidate:errors.duplicate');
      else message = refusalMessage(e, lang);
      if (!message) throw e;
      reply.status(409);
      return render(request, reply, a, 'check', { rows: checkRows(lang, a), idempotencyKey: newIdempotencyKey(), refusal: message });
    }
  });
};

const checkRows = (lang: CandidateLanguage, a: LoadedApplication) => {
  const t = translatorFor(lang);
  const d: ApplicationData = a.data;
  const row = (key: string, value: string | string[], step?: string) => ({ key: t(`exams-candidate:${key}`), value, ...(step ? { href: `/exams/apply/${step}?change=1` } : {}) });
  return [
    row('apply.check.email', a.application.email ?? ''),
    row('apply.check.name', `${d.familyName ?? ''} ${d.givenName ?? ''}`.trim(), 'name'),
    row('apply.birth.dateOfBirth', d.dateOfBirth ?? '', 'birth'),
    row('apply.birth.nationality', d.nationality ? countryName(d.nationality, lang) : '', 'birth'),
    row('apply.birth.gender', d.gender ? t(`exams-candidate:apply.birth.genders.${d.gender}`) : '', 'birth'),
    row('apply.passport.title', d.passportNumber ?? '', 'passport'),
    row('apply.background.experienceMonths', d.experienceMonths === null || d.experienceMonths === undefined ? '—' : String(d.experienceMonths), 'background'),
    row('apply.background.residenceCountry', [d.residenceCountry ? countryName(d.residenceCountry, lang) : '', d.residenceRegion ?? ''].filter(Boolean), 'background'),
    row('apply.check.photo', t('exams-candidate:apply.check.photoValue'), 'photo'),
  ];
};
