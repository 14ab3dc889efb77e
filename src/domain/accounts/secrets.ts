import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Secrets handed to users (session ids, mail links, API tokens) are random and only their sha-256 is stored.

/** 32 random bytes, base64url: 256 bits, safe in URLs and cookies. */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** Constant-time comparison of two strings (different lengths compare unequal without early exit on content). */
export const constantTimeEqual = (a: string, b: string): boolean => {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
};
