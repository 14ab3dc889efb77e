import type { KeyObject } from 'node:crypto';
import { parseExamNumber } from './exam-number.js';
import { type SigningKey, type VerifyFailure, signToken, verifyToken } from './signed-token.js';

// The QR on the admission ticket (受験票): exam number and sitting, signed, valid until the end of the exam day
// (Japan time). At check-in the proctor's scanner reads it; identity is then checked against the photo ID.

export type AdmissionTicket = { readonly examNumber: string; readonly sittingId: string; readonly sittingDate: string };

/** Midnight at the end of the exam day in Japan (UTC+9, no daylight saving). */
const endOfJapanDay = (date: string): Date => new Date(Date.parse(`${date}T00:00:00+09:00`) + 86_400_000);

export const admissionTicketToken = (t: AdmissionTicket, key: Pick<SigningKey, 'kid' | 'privateKey'>, issuedAt: Date): string =>
  signToken({ en: t.examNumber, s: t.sittingId, d: t.sittingDate }, key, { typ: 'ticket', issuedAt, expiresAt: endOfJapanDay(t.sittingDate) });

export type CheckInScan = { ok: true; ticket: AdmissionTicket } | { ok: false; reason: VerifyFailure | 'other_sitting' };

/** Reads a scanned ticket at a sitting: the signature, the expiry and that it belongs to this sitting. */
export const readAdmissionTicket = (token: string, ctx: { keys: ReadonlyMap<string, KeyObject>; now: Date; sittingId: string }): CheckInScan => {
  const v = verifyToken(token, { keys: ctx.keys, now: ctx.now, typ: 'ticket' });
  if (!v.ok) return v;
  const { en, s, d } = v.payload;
  if (typeof en !== 'string' || typeof s !== 'string' || typeof d !== 'string' || !parseExamNumber(en).ok) return { ok: false, reason: 'malformed' };
  if (s !== ctx.sittingId) return { ok: false, reason: 'other_sitting' };
  return { ok: true, ticket: { examNumber: en, sittingId: s, sittingDate: d } };
};
