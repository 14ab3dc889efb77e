import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CertificateCheck } from '../../../domain/exams/certificate.js';
import { verifyCertificateByExamNumber, verifyCertificateByToken } from '../../../domain/exams/use-cases/verify-certificate.js';
import type { AppDeps } from '../../app.js';
import { bodyOf } from '../accounts/request-context.js';

// /certificates/verify: the public check. A QR code opens it with ?token=…; anyone can also type the exam number and
// date of birth (POST, so the date of birth is not left in URLs and logs).

const rateLimit = { max: 30, timeWindow: '1 minute' };

export const verifyCertificatePage = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const ctx = (request: FastifyRequest) => ({ actor: request.actor, db: deps.database.db, clock: deps.services.clock });
  const render = (reply: FastifyReply, request: FastifyRequest, data: { check?: CertificateCheck; values?: Record<string, string>; errors?: { field: string; message: string }[] }) =>
    reply.view('pages/exams-results/verify.njk', { pageTitle: request.t('exams-results:verify.title'), values: {}, ...data });

  app.get('/certificates/verify', { config: { policy: 'certificates.verify', rateLimit } }, async (request, reply) => {
    const token = (request.query as Record<string, unknown>).token;
    if (typeof token === 'string' && token.length > 0) return render(reply, request, { check: await verifyCertificateByToken(ctx(request), { token: token.slice(0, 2048) }) });
    return render(reply, request, {});
  });

  app.post('/certificates/verify', { config: { policy: 'certificates.verify', rateLimit } }, async (request, reply) => {
    const body = bodyOf(request);
    const values = { examNumber: body.examNumber?.trim() ?? '', dateOfBirth: body.dateOfBirth?.trim() ?? '' };
    if (!values.examNumber || !values.dateOfBirth) {
      const message = request.t('exams-results:verify.required');
      const errors = [!values.examNumber ? { field: 'examNumber', message } : null, !values.dateOfBirth ? { field: 'dateOfBirth', message } : null].filter((e): e is { field: string; message: string } => e !== null);
      return render(reply.code(400), request, { values, errors });
    }
    return render(reply, request, { values, check: await verifyCertificateByExamNumber(ctx(request), values) });
  });
};
