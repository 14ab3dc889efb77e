import type { UseCaseContext } from '../../accounts/context.js';

export { auditMeta, auditActorOf } from '../../accounts/context.js';

/** What the exam-results use cases are given: the usual context, plus the signing secret and public base URL. */
export type ExamResultsContext = UseCaseContext & {
  /** config.signingKeySecret: decrypts the certificate signing key. */
  signingSecret: string;
  /** config.publicBaseUrl: where the verification page is, for the QR code and notices. */
  baseUrl: string;
};

export const verifyPageUrl = (baseUrl: string): string => `${baseUrl.replace(/\/$/, '')}/certificates/verify`;
export const verifyTokenUrl = (baseUrl: string, token: string): string => `${verifyPageUrl(baseUrl)}?token=${encodeURIComponent(token)}`;

/** C1-2026-0001234 from SSW1-2026-0001234-K: unique because the exam number is, and it reveals nothing more. */
export const certificateNumberOf = (examNumber: string): string => {
  const m = /^SSW([12])-(\d{4})-(\d{7})-[0-9A-Z*]$/.exec(examNumber);
  if (!m) throw new RangeError(`Not an exam number: ${examNumber}`);
  return `C${m[1]}-${m[2]}-${m[3]}`;
};
