import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblems, verifyPassword } from './password.js';

describe('password policy', () => {
  const email = 'taro.yamada@example.jp';
  it('accepts 12+ characters and four-word passphrases', () => {
    expect(passwordProblems('kiwi-Orbit-2291', email)).toEqual([]);
    expect(passwordProblems('red fox big sky', email)).toEqual([]);
  });
  it('refuses short passwords, the email, and trivial ones', () => {
    expect(passwordProblems('short1!', email)[0]?.message.en).toMatch(/at least 12/);
    expect(passwordProblems('taro.yamada@example.jp', email)[0]?.message.en).toMatch(/email/);
    expect(passwordProblems('aaaaaaaaaaaaaa', email)[0]?.message.en).toMatch(/easy/);
    expect(passwordProblems('password1234', email)[0]?.message.en).toMatch(/easy/);
    expect(passwordProblems('', email)).toHaveLength(1);
  });
});

describe('argon2id', () => {
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('correct horse battery staple');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(h, 'wrong horse battery staple')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});
