import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, generateTotpSecret, hotp, totpCode, totpStep, verifyTotp } from './totp.js';

// RFC 6238 Appendix B: the seeds are ASCII "12345678901234567890" repeated to the hash length; 8 digits.
const SEED_SHA1 = Buffer.from('12345678901234567890', 'ascii');
const SEED_SHA256 = Buffer.from('12345678901234567890123456789012', 'ascii');
const SEED_SHA512 = Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii');

const VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('RFC 6238 test vectors', () => {
  for (const [seconds, sha1, sha256, sha512] of VECTORS) {
    it(`T=${seconds}`, () => {
      const step = totpStep(new Date(seconds * 1000));
      expect(hotp(SEED_SHA1, step, 8, 'sha1')).toBe(sha1);
      expect(hotp(SEED_SHA256, step, 8, 'sha256')).toBe(sha256);
      expect(hotp(SEED_SHA512, step, 8, 'sha512')).toBe(sha512);
    });
  }
  it('RFC 4226 Appendix D HOTP values (6 digits)', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expected.forEach((code, counter) => expect(hotp(SEED_SHA1, counter)).toBe(code));
  });
});

describe('base32', () => {
  it('round-trips and matches RFC 4648 examples', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar');
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  });
});

describe('verifyTotp', () => {
  const secret = base32Encode(SEED_SHA1);
  const at = new Date(1_111_111_111_000);
  it('accepts the current step and one step either side, not two', () => {
    expect(verifyTotp(secret, totpCode(secret, at), at)).toBe(totpStep(at));
    expect(verifyTotp(secret, totpCode(secret, new Date(at.getTime() - 30_000)), at)).toBe(totpStep(at) - 1);
    expect(verifyTotp(secret, totpCode(secret, new Date(at.getTime() + 30_000)), at)).toBe(totpStep(at) + 1);
    expect(verifyTotp(secret, totpCode(secret, new Date(at.getTime() - 60_000)), at)).toBeUndefined();
  });
  it('refuses a replayed code and malformed input', () => {
    const code = totpCode(secret, at);
    const step = verifyTotp(secret, code, at);
    expect(verifyTotp(secret, code, at, step)).toBeUndefined();
    expect(verifyTotp(secret, '12345', at)).toBeUndefined();
    expect(verifyTotp(secret, 'abcdef', at)).toBeUndefined();
  });
});
