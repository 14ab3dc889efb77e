import { describe, expect, it } from 'vitest';
import { DataDecryptionError, dataKeyOf, dataKeyring, open, seal } from './data-encryption.js';

const KEY = 'a-long-enough-data-encryption-key-for-tests-0001';
const OTHER = 'another-data-encryption-key-for-the-tests-00002';
const keys = dataKeyring(KEY);
const CONTEXT = 'users.totp_secret:5b0c0e0e-0000-4000-8000-000000000001';

/** Flips one bit of one base64url part of an envelope (0 iv, 1 ciphertext, 2 tag). */
const flip = (envelope: string, part: 0 | 1 | 2, byte = 0): string => {
  const pieces = envelope.split(':');
  const bytes = Buffer.from(pieces[2 + part]!, 'base64url');
  bytes[byte] = bytes[byte]! ^ 0x01;
  pieces[2 + part] = bytes.toString('base64url');
  return pieces.join(':');
};

describe('data encryption (AES-256-GCM, HKDF key)', () => {
  it('round trip: what is sealed opens to the same text, under the current key', () => {
    const sealed = seal(keys, 'JBSWY3DPEHPK3PXP', CONTEXT);
    expect(open(keys, sealed, CONTEXT)).toEqual({ value: 'JBSWY3DPEHPK3PXP', stale: false });
    expect(open(keys, seal(keys, '日本語も', CONTEXT), CONTEXT).value).toBe('日本語も');
  });

  it('the envelope is v1:<kid>:<iv>:<ciphertext>:<tag> in base64url and never holds the plaintext', () => {
    const sealed = seal(keys, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', CONTEXT);
    const [v, kid, iv, body, tag, ...rest] = sealed.split(':');
    expect(v).toBe('v1');
    expect(kid).toBe(keys.current.kid);
    expect(rest).toEqual([]);
    for (const part of [kid, iv, body, tag]) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
    expect(sealed).not.toContain('JBSWY3DP');
  });

  it('a fresh IV each time: the same secret seals to different envelopes', () => {
    expect(seal(keys, 'same', CONTEXT)).not.toBe(seal(keys, 'same', CONTEXT));
  });

  it('tamper detection: one flipped bit in the iv, the ciphertext or the tag fails', () => {
    const sealed = seal(keys, 'JBSWY3DPEHPK3PXP', CONTEXT);
    for (const part of [0, 1, 2] as const) {
      expect(() => open(keys, flip(sealed, part), CONTEXT)).toThrow(DataDecryptionError);
    }
    expect(() => open(keys, flip(sealed, 1, 5), CONTEXT)).toThrow(/authentication failed/);
  });

  it('bound to its context: a value copied to another row does not open', () => {
    const sealed = seal(keys, 'JBSWY3DPEHPK3PXP', CONTEXT);
    expect(() => open(keys, sealed, 'users.totp_secret:5b0c0e0e-0000-4000-8000-000000000002')).toThrow(DataDecryptionError);
  });

  it('wrong key fails: an unknown kid, and a different key under the same kid', () => {
    const sealed = seal(keys, 'JBSWY3DPEHPK3PXP', CONTEXT);
    expect(() => open(dataKeyring(OTHER), sealed, CONTEXT)).toThrow(/no key/);
    const impostor = { current: { kid: keys.current.kid, key: dataKeyOf(OTHER).key }, previous: [] };
    expect(() => open(impostor, sealed, CONTEXT)).toThrow(/authentication failed/);
  });

  it('rotation: a retired key still opens (marked stale); a ring without it does not', () => {
    const old = seal(dataKeyring(OTHER), 'JBSWY3DPEHPK3PXP', CONTEXT);
    const rotated = dataKeyring(KEY, [OTHER]);
    expect(open(rotated, old, CONTEXT)).toEqual({ value: 'JBSWY3DPEHPK3PXP', stale: true });
    expect(open(rotated, seal(rotated, 'x', CONTEXT), CONTEXT).stale).toBe(false);
    expect(() => open(keys, old, CONTEXT)).toThrow(DataDecryptionError);
  });

  it('the key id depends on the secret only, and a retired key equal to the current one is ignored', () => {
    expect(dataKeyOf(KEY).kid).toBe(dataKeyOf(KEY).kid);
    expect(dataKeyOf(KEY).kid).not.toBe(dataKeyOf(OTHER).kid);
    expect(dataKeyring(KEY, [KEY]).previous).toEqual([]);
  });

  it('refuses what is not an envelope', () => {
    for (const bad of ['', 'JBSWY3DPEHPK3PXP', 'v2:a:b:c:d', 'v1:a:b:c', `v1:${keys.current.kid}:AAAA:AAAA:AAAA`]) {
      expect(() => open(keys, bad, CONTEXT)).toThrow(DataDecryptionError);
    }
  });
});
