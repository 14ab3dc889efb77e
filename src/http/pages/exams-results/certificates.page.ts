import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getCertificatePdf, listIssuedCertificates } from '../../../domain/exams/use-cases/get-certificate-pdf.js';
import { revokeCertificate } from '../../../domain/exams/use-cases/revoke-certificate.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, formErrorsOf, useCaseContext, type FormError } from '../accounts/request-context.js';
import { examResultsContext } from './context.js';

// Pass certificates for exam admins: list, PDF (Japanese and English with the signed QR), revocation with a reason.

const numberOf = (request: FastifyRequest): string => String((request.params as Record<string, string>).certificateNumber ?? '');

export const certificatePages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const renderList = async (request: FastifyRequest, reply: FastifyReply, extra: { flash?: { kind: string; message: string } } = {}) => {
    const q = request.query as Record<string, unknown>;
    const examNumber = typeof q.examNumber === 'string' ? q.examNumber : undefined;
    const certificates = await listIssuedCertificates(useCaseContext(request, deps), { ...(examNumber ? { examNumber } : {}), page: Number(q.page) || 1 });
    return reply.view('pages/exams-results/certificates.njk', { pageTitle: request.t('exams-results:certificates.title'), certificates, examNumber, ...extra });
  };
  app.get('/staff/exams/certificates', { config: { policy: 'exam_certificates.manage' } }, async (request, reply) => renderList(request, reply));

  app.get('/staff/exams/certificates/:certificateNumber/pdf', { config: { policy: 'exam_certificates.manage' } }, async (request, reply) => {
    const { fileName, bytes } = await getCertificatePdf(examResultsContext(request, deps), numberOf(request));
    return reply.header('Content-Type', 'application/pdf').header('Content-Disposition', `attachment; filename="${fileName}"`).send(Buffer.from(bytes));
  });

  const renderRevoke = (request: FastifyRequest, reply: FastifyReply, extra: { errors?: FormError[]; values?: Record<string, string> } = {}) =>
    reply.view('pages/exams-results/revoke.njk', { pageTitle: request.t('exams-results:certificates.revokeTitle', { number: numberOf(request) }), number: numberOf(request), errors: [], values: {}, ...extra });

  app.get('/staff/exams/certificates/:certificateNumber/revoke', { config: { policy: 'exam_certificates.manage' } }, async (request, reply) => renderRevoke(request, reply));

  app.post('/staff/exams/certificates/:certificateNumber/revoke', { config: { policy: 'exam_certificates.manage' } }, async (request, reply) => {
    const body = bodyOf(request);
    try {
      await revokeCertificate(useCaseContext(request, deps), { certificateNumber: numberOf(request), reason: body.reason ?? '' });
      return renderList(request, reply, { flash: { kind: 'success', message: request.t('exams-results:certificates.revokedFlash', { number: numberOf(request) }) } });
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      return renderRevoke(request, reply.code(400), { errors, values: body });
    }
  });
};
