import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildSnapshotPayload, canonicalJson, sha256Hex, signedDocument, signSnapshot, verifySnapshot } from './snapshot.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const listing = {
  id: 'e1', roster: 'jaim' as const, listedFrom: '2025-12-26', listedUntil: null, establishmentId: 'est1', establishmentName: '本社工場', establishmentNameKana: null,
  organisationName: '株式会社東海精機', corporateNumber: '7123456789012', prefecture: '23', address: '名古屋市', jsicCodes: ['2592'], previousName: null,
};

describe('signed roster snapshots', () => {
  const payload = buildSnapshotPayload({ id: 'snap-1', asOf: '2026-04-01', publishedAt: new Date('2026-04-01T00:00:00Z'), validRoster: { roster: 'jaim', citation: 'jaim-membership-faq Q2-2-7', message: { ja: '', en: '' } }, listings: [listing] });
  const signed = signSnapshot(payload, privateKey);
  const row = { id: 'snap-1', kid: 'rst-1', ...signed };
  const keys = new Map([['rst-1', publicKey]]);

  it('canonical JSON sorts keys and the sha-256 is over it', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3] } })).toBe('{"a":{"c":[3],"d":2},"b":1}');
    expect(signed.sha256).toBe(sha256Hex(signed.content));
  });
  it('verifies an untouched snapshot', () => {
    expect(verifySnapshot(row, keys)).toEqual({ verified: true, checks: { canonical: true, hashMatches: true, keyKnown: true, signatureValid: true, idMatches: true } });
  });
  it('fails when one character of the content changes, or the key is unknown', () => {
    const tampered = { ...row, content: row.content.replace('東海精機', '東海精器') };
    expect(verifySnapshot(tampered, keys).checks).toMatchObject({ hashMatches: false, signatureValid: false });
    expect(verifySnapshot({ ...tampered, sha256: sha256Hex(tampered.content) }, keys).checks.signatureValid).toBe(false);
    expect(verifySnapshot(row, new Map()).verified).toBe(false);
  });
  it('the downloaded document carries the snapshot whose canonical form is what was signed', () => {
    const doc = JSON.parse(signedDocument(row)) as { snapshot: unknown; sha256: string; signature: { kid: string; value: string } };
    expect(canonicalJson(doc.snapshot)).toBe(row.content);
    expect(doc.signature.kid).toBe('rst-1');
  });
});
