import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportPublicKey, generateSigningKey, importPublicKey, signToken, verifyToken } from './signed-token.js';

const key = generateSigningKey('k2026a');
const other = generateSigningKey('k2026a'); // same id, different key: a forgery attempt
const keys = new Map([[key.kid, key.publicKey]]);
const issuedAt = new Date('2026-02-01T00:00:00Z');
const now = new Date('2026-02-15T09:00:00Z');
const ticket = (payload = { en: 'SSW1-2026-0000001-X', s: 'S-2026-03' }, expiresAt = new Date('2026-02-16T00:00:00Z')) =>
  signToken(payload, key, { typ: 'ticket', issuedAt, expiresAt });

describe('signed tokens (Ed25519)', () => {
  it('round-trips the payload and claims', () => {
    const r = verifyToken(ticket(), { keys, now, typ: 'ticket' });
    expect(r).toEqual({ ok: true, claims: { kid: 'k2026a', typ: 'ticket', iat: 1769904000, exp: 1771200000 }, payload: { en: 'SSW1-2026-0000001-X', s: 'S-2026-03' } });
  });

  it('is compact enough for a QR code', () => {
    expect(ticket().length).toBeLessThan(300);
    expect(ticket()).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
  });

  it('rejects tampering with the payload', () => {
    const [body, sig] = ticket().split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), en: 'SSW1-2026-0000002-Y' })).toString('base64url');
    expect(verifyToken(`${forged}.${sig}`, { keys, now, typ: 'ticket' })).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('(property) flipping any character of the token never verifies', () => {
    const t = ticket();
    fc.assert(
      fc.property(fc.nat({ max: t.length - 1 }), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'), (i, ch) => {
        fc.pre(t[i] !== ch);
        expect(verifyToken(t.slice(0, i) + ch + t.slice(i + 1), { keys, now, typ: 'ticket' }).ok).toBe(false);
      }),
    );
  });

  it('rejects a token signed with another key under the same id, and an unknown key id', () => {
    const forged = signToken({ en: 'x' }, other, { typ: 'ticket', issuedAt });
    expect(verifyToken(forged, { keys, now, typ: 'ticket' })).toEqual({ ok: false, reason: 'bad_signature' });
    const stranger = signToken({ en: 'x' }, generateSigningKey('old'), { typ: 'ticket', issuedAt });
    expect(verifyToken(stranger, { keys, now, typ: 'ticket' })).toEqual({ ok: false, reason: 'unknown_key' });
  });

  it('rejects expired tokens at the expiry second, and tokens issued in the future beyond the leeway', () => {
    const exp = new Date('2026-02-15T09:00:00Z');
    expect(verifyToken(ticket(undefined, exp), { keys, now: new Date(exp.getTime() - 1000), typ: 'ticket' }).ok).toBe(true);
    expect(verifyToken(ticket(undefined, exp), { keys, now: exp, typ: 'ticket' })).toEqual({ ok: false, reason: 'expired' });
    const future = signToken({ en: 'x' }, key, { typ: 'ticket', issuedAt: new Date('2026-03-01T00:00:00Z') });
    expect(verifyToken(future, { keys, now, typ: 'ticket' })).toEqual({ ok: false, reason: 'not_yet_valid' });
  });

  it('a ticket never passes as a certificate', () => {
    expect(verifyToken(ticket(), { keys, now, typ: 'cert' })).toEqual({ ok: false, reason: 'wrong_type' });
  });

  it('rejects malformed input: wrong shape, padding, non-canonical base64url, not JSON, too long', () => {
    const t = ticket();
    for (const bad of ['', 'abc', `${t}.x`, `${t}=`, `${t.split('.')[0]}.AAAA`, `${Buffer.from('not json').toString('base64url')}.${t.split('.')[1]}`, 'a'.repeat(5000)]) {
      expect(verifyToken(bad, { keys, now, typ: 'ticket' })).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses reserved claim names in the payload', () => {
    expect(() => signToken({ exp: 1 }, key, { typ: 'cert', issuedAt })).toThrow(RangeError);
  });

  it('public keys round-trip through their raw base64url form', () => {
    const raw = exportPublicKey(key.publicKey);
    expect(raw).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifyToken(ticket(), { keys: new Map([[key.kid, importPublicKey(raw)]]), now, typ: 'ticket' }).ok).toBe(true);
  });
});
