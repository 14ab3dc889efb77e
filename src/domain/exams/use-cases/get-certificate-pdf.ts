import { authorize } from '../../access/policies.js';
import { NotFound } from '../../errors.js';
import { findCertificate, findCertificateOfRegistration, listCertificates, type CertificateListItem } from '../../../persistence/repositories/exam-certificates.repository.js';
import { renderCertificatePdf } from '../results/certificate-pdf.js';
import { verifyPageUrl, verifyTokenUrl, type ExamResultsContext } from '../results/context.js';
import type { UseCaseContext } from '../../accounts/context.js';

/** The certificate PDF (Japanese and English, signed QR) for staff to print or send. */
export const getCertificatePdf = async (ctx: ExamResultsContext, certificateNumber: string): Promise<{ fileName: string; bytes: Uint8Array }> => {
  authorize(ctx.actor, 'exam_certificates.manage');
  const c = await findCertificate(ctx.db, certificateNumber);
  if (!c) throw new NotFound('certificate');
  const bytes = await renderCertificatePdf({
    certificateNumber: c.certificateNumber,
    examNumber: c.examNumber,
    holderName: `${c.holderFamilyName} ${c.holderGivenName}`.trim(),
    dateOfBirth: c.holderDateOfBirth,
    nationality: c.holderNationality,
    category: { ja: c.categoryNameJa, en: c.categoryNameEn },
    level: c.level,
    examDate: c.examDate,
    passDate: c.passDate,
    issuedOn: c.passDate,
    qrText: verifyTokenUrl(ctx.baseUrl, c.token),
    verifyUrl: verifyPageUrl(ctx.baseUrl),
    revokedOn: c.revokedAt ? c.revokedAt.toISOString().slice(0, 10) : null,
  });
  return { fileName: `certificate-${c.certificateNumber}.pdf`, bytes };
};

export const findCertificateForRegistration = async (ctx: UseCaseContext, registrationId: string) => {
  authorize(ctx.actor, 'exam_certificates.manage');
  return findCertificateOfRegistration(ctx.db, registrationId);
};

export const listIssuedCertificates = async (ctx: UseCaseContext, filter: { examNumber?: string; page?: number }): Promise<CertificateListItem[]> => {
  authorize(ctx.actor, 'exam_certificates.manage');
  const page = Math.max(1, filter.page ?? 1);
  return listCertificates(ctx.db, { ...(filter.examNumber ? { examNumber: filter.examNumber.trim().toUpperCase() } : {}), limit: 50, offset: (page - 1) * 50 });
};
