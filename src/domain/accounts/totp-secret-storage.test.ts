import { describe, expect, it } from 'vitest';
import { dataKeyring } from '../crypto/data-encryption.js';
import { currentEnvelopePrefix, openTotpSecret, sealTotpSecret } from './totp-secret-storage.js';

const keys = dataKeyring('a-long-enough-data-encryption-key-for-tests-0001');
const USER = '5b0c0e0e-0000-4000-8000-000000000001';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('TOTP secret storage', () => {
  it('seals under the current key, bound to the user', () => {
    const stored = sealTotpSecret(keys, USER, SECRET);
    expect(stored.startsWith(currentEnvelopePrefix(keys))).toBe(true);
    expect(stored).not.toContain(SECRET.slice(0, 8));
    expect(openTotpSecret(keys, USER, stored)).toEqual({ secret: SECRET, reseal: false });
    expect(() => openTotpSecret(keys, '5b0c0e0e-0000-4000-8000-000000000002', stored)).toThrow();
  });

  it('a legacy plaintext row is read once and flagged to be sealed', () => {
    expect(openTotpSecret(keys, USER, SECRET)).toEqual({ secret: SECRET, reseal: true });
  });

  it('a value under a retired key is flagged to be sealed again', () => {
    const old = dataKeyring('the-previous-data-encryption-key-for-tests-00');
    const stored = sealTotpSecret(old, USER, SECRET);
    expect(openTotpSecret(dataKeyring('a-long-enough-data-encryption-key-for-tests-0001', ['the-previous-data-encryption-key-for-tests-00']), USER, stored)).toEqual({ secret: SECRET, reseal: true });
  });

  it('anything else is refused rather than used as a secret', () => {
    expect(() => openTotpSecret(keys, USER, 'not a secret')).toThrow(/neither an envelope nor a base32 secret/);
  });
});
