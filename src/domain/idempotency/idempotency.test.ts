import { describe, expect, it } from 'vitest';
import { idempotencyKeyOf, isIdempotencyKey, keepOrDrawKey } from './idempotency.js';

describe('form idempotency keys', () => {
  it('keeps the key a form posted when it is shown again after bad input', () => {
    const posted = 'b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
    expect(keepOrDrawKey(posted)).toBe(posted);
  });

  it('draws a fresh, valid key for a new form or a posted value that is not a key', () => {
    for (const posted of [undefined, '', 'short', 'has spaces in it but is long enough', 42]) {
      const key = keepOrDrawKey(posted);
      expect(isIdempotencyKey(key)).toBe(true);
      expect(key).not.toBe(posted);
    }
    expect(keepOrDrawKey(undefined)).not.toBe(keepOrDrawKey(undefined));
  });

  it('treats anything but a well-formed key as no key', () => {
    expect(idempotencyKeyOf('x'.repeat(101))).toBeUndefined();
    expect(idempotencyKeyOf('abcdefghijklmnop')).toBe('abcdefghijklmnop');
  });
});
