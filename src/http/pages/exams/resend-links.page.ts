import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resendRegistrationLinks } from '../../../domain/exams/use-cases/resend-registration-links.js';
import { translatorFor } from '../../../locales/index.js';
import type { AppDeps } from '../../app.js';
import { deliverMail } from '../accounts/request-context.js';
import { candidateErrors, candidateLanguage, candidateView, examContext, formBody } from './helpers.js';

// "Resend my registration links" for candidates who lost the e-mail. Whatever the address, a well-formed one gets
// the same answer (the page never says whether it is registered); throttled per client like the other public forms.

const rateLimit = { max: 10, timeWindow: '1 minute' };

export const examResendLinksPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const form = (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const t = translatorFor(candidateLanguage(request, reply));
    return reply.view('pages/exams/resend-links.njk', candidateView(request, reply, { pageTitle: t('exams-candidate:resend.title'), values: {}, ...extra }));
  };

  app.get('/exams/resend-links', { config: { policy: 'exam_registration.apply' } }, async (request, reply) => form(request, reply));

  app.post('/exams/resend-links', { config: { policy: 'exam_registration.apply', rateLimit } }, async (request, reply) => {
    const lang = candidateLanguage(request, reply);
    const body = formBody(request);
    try {
      await resendRegistrationLinks(examContext(request, deps), body);
    } catch (e) {
      const errors = candidateErrors(e, lang);
      if (!errors) throw e;
      reply.status(400);
      return form(request, reply, { errors, values: { email: typeof body.email === 'string' ? body.email : '' } });
    }
    deliverMail(request, deps);
    const t = translatorFor(lang);
    return reply.view('pages/exams/resend-links-sent.njk', candidateView(request, reply, { pageTitle: t('exams-candidate:resend.sentTitle') }));
  });
};
