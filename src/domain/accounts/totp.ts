import { createHmac, randomBytes } from 'node:crypto';
import { constantTimeEqual } from './secrets.js';

// RFC 6238 TOTP (HMAC-SHA-1, 30-second steps, 6 digits) over RFC 4226 HOTP, with base32 (RFC 4648) secrets.

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export const base32Encode = (bytes: Uint8Array): string => {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
};

export const base32Decode = (text: string): Buffer => {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('invalid base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
};

/** A new 160-bit secret (the size RFC 4226 recommends), base32. */
export const generateTotpSecret = (): string => base32Encode(randomBytes(20));

/** HOTP (RFC 4226 §5.3) for a counter; `algorithm` is sha1 for authenticator apps (sha256/512 only for the RFC vectors). */
export const hotp = (key: Buffer, counter: number, digits = TOTP_DIGITS, algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1'): string => {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac(algorithm, key).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary =
    ((digest[offset]! & 0x7f) << 24) | ((digest[offset + 1]! & 0xff) << 16) | ((digest[offset + 2]! & 0xff) << 8) | (digest[offset + 3]! & 0xff);
  return String(binary % 10 ** digits).padStart(digits, '0');
};

export const totpStep = (at: Date): number => Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);

export const totpCode = (secretBase32: string, at: Date): string => hotp(base32Decode(secretBase32), totpStep(at));

/**
 * Checks a code against the steps now-1, now and now+1 (clock drift). Returns the matched step, or undefined.
 * A step at or before `lastUsedStep` is refused, so a code cannot be replayed within its window.
 */
export const verifyTotp = (secretBase32: string, code: string, at: Date, lastUsedStep?: number | null): number | undefined => {
  const candidate = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(candidate)) return undefined;
  const key = base32Decode(secretBase32);
  const now = totpStep(at);
  let matched: number | undefined;
  for (const step of [now - 1, now, now + 1]) {
    // Check every window (no early exit) so timing does not reveal which one matched.
    if (constantTimeEqual(hotp(key, step), candidate) && matched === undefined) matched = step;
  }
  if (matched === undefined) return undefined;
  if (lastUsedStep !== undefined && lastUsedStep !== null && matched <= lastUsedStep) return undefined;
  return matched;
};

/** The otpauth:// URI authenticator apps read from a QR code (Key Uri Format). */
export const otpauthUri = (secretBase32: string, accountName: string, issuer = 'Jinzai'): string =>
  `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${TOTP_DIGITS}&period=${TOTP_STEP_SECONDS}`;
