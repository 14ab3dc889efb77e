import { describe, expect, it } from 'vitest';
import { type CertificateRecord, certificateNumberFromToken, certificateToken, maskName, safeEqual, verifyCertificate } from './certificate.js';
import { formatExamNumber } from './exam-number.js';
import { generateSigningKey, signToken } from './signed-token.js';

const examNumber = formatExamNumber({ level: 'i', year: 2026, sequence: 1234 });
const record: CertificateRecord = {
  certificateNumber: 'C-2026-000123',
  examNumber,
  holder: { familyName: 'Nguyen', givenName: 'Van An', dateOfBirth: '2001-05-09', nationality: 'VN', passportNumber: 'C1234567' },
  category: { id: 'kikai_kinzoku', ja: '機械金属加工', en: 'Machining and metalworking' },
  level: 'i',
  passDate: '2026-03-10',
  status: 'issued',
};
const key = generateSigningKey('cert-2026');
const qr = { keys: new Map([[key.kid, key.publicKey]]), now: new Date('2027-01-01T00:00:00Z') };
const PRIVATE = ['2001-05-09', 'VN', 'C1234567', 'Nguyen', 'Van An'];

const leaks = (x: unknown) => PRIVATE.filter((p) => JSON.stringify(x).includes(p));

describe('public certificate verification', () => {
  it('exam number + date of birth: valid, with only the public fields', () => {
    const r = verifyCertificate(record, { kind: 'exam_number', examNumber: examNumber.toLowerCase(), dateOfBirth: '2001-05-09' });
    expect(r).toEqual({
      valid: true,
      status: 'valid',
      publicFields: { certificateNumber: 'C-2026-000123', maskedName: 'N*** V. A.', category: { ja: '機械金属加工', en: 'Machining and metalworking' }, level: 'i', passDate: '2026-03-10' },
    });
    expect(leaks(r)).toEqual([]);
  });

  it('a wrong date of birth and an unknown exam number look the same: not_found, nothing revealed', () => {
    expect(verifyCertificate(record, { kind: 'exam_number', examNumber, dateOfBirth: '2001-05-10' })).toEqual({ valid: false, status: 'not_found', publicFields: null });
    expect(verifyCertificate(undefined, { kind: 'exam_number', examNumber, dateOfBirth: '2001-05-09' })).toEqual({ valid: false, status: 'not_found', publicFields: null });
    const other = formatExamNumber({ level: 'i', year: 2026, sequence: 1235 });
    expect(verifyCertificate(record, { kind: 'exam_number', examNumber: other, dateOfBirth: '2001-05-09' }).status).toBe('not_found');
  });

  it('revoked certificates say so, with the revocation date', () => {
    const r = verifyCertificate({ ...record, status: 'revoked', revokedOn: '2026-09-01' }, { kind: 'exam_number', examNumber, dateOfBirth: '2001-05-09' });
    expect(r.valid).toBe(false);
    expect(r.status).toBe('revoked');
    expect(r.publicFields?.revokedOn).toBe('2026-09-01');
    expect(leaks(r)).toEqual([]);
  });

  it('signed QR: the caller reads the certificate number, looks it up, and the check is valid', () => {
    const token = certificateToken(record, key, new Date('2026-03-10T00:00:00Z'));
    expect(certificateNumberFromToken(token, qr)).toBe('C-2026-000123');
    expect(verifyCertificate(record, { kind: 'qr', token }, qr).status).toBe('valid');
    // The signature part is random bytes and may spell anything; what must not leak is in the signed body.
    const body = Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8');
    expect(JSON.parse(body)).toMatchObject({ cn: 'C-2026-000123', typ: 'cert' });
    expect(leaks(body)).toEqual([]);
  });

  it('QR: a token for another certificate, a forged token or a ticket token is not_found', () => {
    const otherCert = certificateToken({ ...record, certificateNumber: 'C-2026-000999' }, key, new Date('2026-03-10T00:00:00Z'));
    expect(verifyCertificate(record, { kind: 'qr', token: otherCert }, qr).status).toBe('not_found');
    const forged = certificateToken(record, generateSigningKey('cert-2026'), new Date('2026-03-10T00:00:00Z'));
    expect(verifyCertificate(record, { kind: 'qr', token: forged }, qr).status).toBe('not_found');
    expect(certificateNumberFromToken(forged, qr)).toBeNull();
    const ticket = signToken({ cn: record.certificateNumber, en: examNumber }, key, { typ: 'ticket', issuedAt: new Date('2026-03-10T00:00:00Z') });
    expect(verifyCertificate(record, { kind: 'qr', token: ticket }, qr).status).toBe('not_found');
    expect(verifyCertificate(record, { kind: 'qr', token: otherCert }).status).toBe('not_found');
  });

  it('QR of a revoked certificate shows it revoked', () => {
    const token = certificateToken(record, key, new Date('2026-03-10T00:00:00Z'));
    expect(verifyCertificate({ ...record, status: 'revoked', revokedOn: '2026-09-01' }, { kind: 'qr', token }, qr).status).toBe('revoked');
  });

  it('masks names to initials with a fixed-length mask', () => {
    expect(maskName('Nguyen', 'Van An')).toBe('N*** V. A.');
    expect(maskName('Sari', 'Dewi')).toBe('S*** D.');
    expect(maskName('', 'Budi')).toBe('B.');
    expect(maskName('ｓａｎｔｏｓ', '')).toBe('S***');
  });

  it('safeEqual compares strings of any length', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});
