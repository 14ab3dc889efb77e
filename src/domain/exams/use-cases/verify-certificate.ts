import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { authorize } from '../../access/policies.js';
import type { Actor } from '../../access/actor.js';
import type { Db } from '../../../persistence/database.js';
import {
  findVerifiableByCertificateNumber,
  findVerifiableByExamNumber,
  type VerifiableCertificate,
} from '../../../persistence/repositories/exam-certificates.repository.js';
import { verificationKeys } from '../../signing/signing-keys.js';
import { certificateNumberFromToken, verifyCertificate as checkCertificate, type CertificateCheck, type CertificateRecord } from '../certificate.js';
import { normaliseExamNumber } from '../exam-number.js';

// Public verification of a pass certificate (no sign-in): by exam number and date of birth, or by the QR token. One
// indexed lookup per request (the certificate row keeps what it says); the answer is certificate.ts's public view only.
// The public keys are cached for a minute, so the QR path costs no extra query either.

export type VerifyContext = { actor: Actor; db: Db; clock: { now(): Date } };

const byExamNumber = z.object({ examNumber: z.string().max(40), dateOfBirth: z.string().max(10) });
const byToken = z.object({ token: z.string().max(2048) });

const KEY_CACHE_MS = 60_000;
const keyCache = new WeakMap<object, { at: number; keys: Map<string, KeyObject> }>();

/** A key made after the cache was filled is picked up at most once a second (an unknown kid forces a refresh). */
const KEY_REFRESH_MIN_MS = 1_000;

const certificateKeys = async (db: Db, now: number, refresh = false): Promise<Map<string, KeyObject>> => {
  const cached = keyCache.get(db);
  if (cached && now - cached.at < (refresh ? KEY_REFRESH_MIN_MS : KEY_CACHE_MS)) return cached.keys;
  const keys = await verificationKeys(db, 'exam_certificate');
  keyCache.set(db, { at: now, keys });
  return keys;
};

/** Forget cached keys (after a key is generated or retired). */
export const clearCertificateKeyCache = (db: Db): void => void keyCache.delete(db);

const toRecord = (c: VerifiableCertificate): CertificateRecord => ({
  certificateNumber: c.certificateNumber,
  examNumber: c.examNumber,
  holder: { familyName: c.holderFamilyName, givenName: c.holderGivenName, dateOfBirth: c.holderDateOfBirth, nationality: c.holderNationality, passportNumber: '' },
  category: { id: c.categoryCode, ja: c.categoryNameJa, en: c.categoryNameEn },
  level: c.level,
  passDate: c.passDate,
  status: c.status,
  ...(c.revokedAt ? { revokedOn: c.revokedAt.toISOString().slice(0, 10) } : {}),
});

const NOT_FOUND: CertificateCheck = { valid: false, status: 'not_found', publicFields: null };

export const verifyCertificateByExamNumber = async (ctx: VerifyContext, raw: z.input<typeof byExamNumber>): Promise<CertificateCheck> => {
  authorize(ctx.actor, 'certificates.verify');
  const parsed = byExamNumber.safeParse(raw);
  if (!parsed.success) return NOT_FOUND;
  const examNumber = normaliseExamNumber(parsed.data.examNumber);
  const found = examNumber.length >= 10 && examNumber.length <= 30 ? await findVerifiableByExamNumber(ctx.db, examNumber) : undefined;
  return checkCertificate(found ? toRecord(found) : undefined, { kind: 'exam_number', examNumber, dateOfBirth: parsed.data.dateOfBirth });
};

export const verifyCertificateByToken = async (ctx: VerifyContext, raw: z.input<typeof byToken>): Promise<CertificateCheck> => {
  authorize(ctx.actor, 'certificates.verify');
  const parsed = byToken.safeParse(raw);
  if (!parsed.success) return NOT_FOUND;
  const now = ctx.clock.now();
  let qr = { keys: await certificateKeys(ctx.db, Date.now()), now };
  let number = certificateNumberFromToken(parsed.data.token.trim(), qr);
  if (!number) {
    qr = { keys: await certificateKeys(ctx.db, Date.now(), true), now };
    number = certificateNumberFromToken(parsed.data.token.trim(), qr);
  }
  if (!number) return NOT_FOUND;
  const found = await findVerifiableByCertificateNumber(ctx.db, number);
  return checkCertificate(found ? toRecord(found) : undefined, { kind: 'qr', token: parsed.data.token.trim() }, qr);
};
