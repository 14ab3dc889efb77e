import { createHash, timingSafeEqual } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Level } from '../../../rules/skills-exam/index.js';
import { normaliseExamNumber } from './exam-number.js';
import { signToken, type SigningKey, verifyToken } from './signed-token.js';

// Public verification of pass certificates (合格証明書). Anyone holding the certificate (an employer, an immigration
// officer) can check it either with the exam number and the holder's date of birth, or by scanning the signed QR.
// The answer reveals only what is needed to match the paper: a masked name, category, level, pass date, certificate
// number and status — never the date of birth, passport or nationality. A wrong date of birth and an unknown exam
// number give the same answer ("not_found"), so the service cannot be used to confirm who sat the exam.

export type CertificateRecord = {
  readonly certificateNumber: string;
  readonly examNumber: string;
  readonly holder: {
    readonly familyName: string;
    readonly givenName: string;
    readonly dateOfBirth: string;
    readonly nationality: string;
    readonly passportNumber: string;
  };
  readonly category: { readonly id: string; readonly ja: string; readonly en: string };
  readonly level: Level;
  readonly passDate: string;
  readonly status: 'issued' | 'revoked';
  readonly revokedOn?: string;
};

export type PublicCertificateFields = {
  readonly certificateNumber: string;
  readonly maskedName: string;
  readonly category: { readonly ja: string; readonly en: string };
  readonly level: Level;
  readonly passDate: string;
  readonly revokedOn?: string;
};

export type CertificateCheck = {
  readonly valid: boolean;
  readonly status: 'valid' | 'revoked' | 'not_found';
  readonly publicFields: PublicCertificateFields | null;
};

export type SuppliedCredentials =
  | { readonly kind: 'exam_number'; readonly examNumber: string; readonly dateOfBirth: string }
  | { readonly kind: 'qr'; readonly token: string };

export type QrVerification = { readonly keys: ReadonlyMap<string, KeyObject>; readonly now: Date };

const NOT_FOUND: CertificateCheck = { valid: false, status: 'not_found', publicFields: null };

/** Constant-time string equality (hashing first makes the lengths equal, so length is not revealed either). */
export const safeEqual = (a: string, b: string): boolean => {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
};

const initial = (s: string): string => {
  const first = [...s.normalize('NFKC').trim()][0];
  return first ? first.toUpperCase() : '';
};

/** "NGUYEN Van An" → "N*** V. A.": the family name's first letter and the given names' initials, fixed-length mask. */
export const maskName = (familyName: string, givenName: string): string => {
  const given = givenName.normalize('NFKC').trim().split(/\s+/).filter(Boolean).map((g) => `${initial(g)}.`).join(' ');
  const family = initial(familyName);
  return [family ? `${family}***` : '', given].filter(Boolean).join(' ');
};

export const publicFieldsOf = (r: CertificateRecord): PublicCertificateFields => ({
  certificateNumber: r.certificateNumber,
  maskedName: maskName(r.holder.familyName, r.holder.givenName),
  category: { ja: r.category.ja, en: r.category.en },
  level: r.level,
  passDate: r.passDate,
  ...(r.status === 'revoked' && r.revokedOn ? { revokedOn: r.revokedOn } : {}),
});

const answer = (r: CertificateRecord): CertificateCheck =>
  r.status === 'revoked' ? { valid: false, status: 'revoked', publicFields: publicFieldsOf(r) } : { valid: true, status: 'valid', publicFields: publicFieldsOf(r) };

/** The certificate number a QR token names, for the caller to look the record up (null when the token is not good). */
export const certificateNumberFromToken = (token: string, qr: QrVerification): string | null => {
  const v = verifyToken(token, { keys: qr.keys, now: qr.now, typ: 'cert' });
  return v.ok && typeof v.payload.cn === 'string' ? v.payload.cn : null;
};

/** The QR printed on the certificate: certificate number and exam number, signed; it does not expire. */
export const certificateToken = (r: CertificateRecord, key: Pick<SigningKey, 'kid' | 'privateKey'>, issuedAt: Date): string =>
  signToken({ cn: r.certificateNumber, en: r.examNumber }, key, { typ: 'cert', issuedAt });

/**
 * Checks what the verifier supplied against the record the caller found (by exam number, or by the certificate
 * number read from the token). `record` is undefined when nothing was found.
 */
export const verifyCertificate = (record: CertificateRecord | undefined, supplied: SuppliedCredentials, qr?: QrVerification): CertificateCheck => {
  if (supplied.kind === 'exam_number') {
    // Compare even when nothing was found, so both paths take the same time.
    const dob = record?.holder.dateOfBirth ?? '0000-00-00';
    const exam = record?.examNumber ?? '';
    const dobMatches = safeEqual(dob, supplied.dateOfBirth.trim());
    const examMatches = safeEqual(exam, normaliseExamNumber(supplied.examNumber));
    return record && dobMatches && examMatches ? answer(record) : NOT_FOUND;
  }
  if (!qr || !record) return NOT_FOUND;
  const v = verifyToken(supplied.token, { keys: qr.keys, now: qr.now, typ: 'cert' });
  if (!v.ok || typeof v.payload.cn !== 'string' || typeof v.payload.en !== 'string') return NOT_FOUND;
  if (!safeEqual(v.payload.cn, record.certificateNumber) || !safeEqual(v.payload.en, record.examNumber)) return NOT_FOUND;
  return answer(record);
};
