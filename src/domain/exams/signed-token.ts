import { type KeyObject, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';

// Compact signed tokens for QR codes (admission tickets, certificates): `base64url(json).base64url(signature)`.
// The JSON carries the key id (`kid`), the token type (`typ`, so a ticket can never pass as a certificate), the issue
// time (`iat`) and optionally an expiry (`exp`), both in seconds since the epoch; the rest is the payload. The
// signature is Ed25519 over the ASCII of the first part, so no JSON canonicalisation is needed. Verification is
// strict: canonical base64url only, a known key, a valid signature, the expected type and not expired. The caller
// passes the time in (domain code never reads the clock).

export type TokenType = 'ticket' | 'cert';
export type SigningKey = { readonly kid: string; readonly privateKey: KeyObject; readonly publicKey: KeyObject };
export type TokenClaims = { readonly kid: string; readonly typ: TokenType; readonly iat: number; readonly exp?: number };
export type Payload = Readonly<Record<string, string | number | boolean | null>>;

export const generateSigningKey = (kid: string): SigningKey => {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(kid)) throw new RangeError('Key id must be 1–32 characters of A–Z a–z 0–9 _ -');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { kid, privateKey, publicKey };
};

/** The public key as a base64url raw 32-byte value (for configuration and publication). */
export const exportPublicKey = (key: KeyObject): string => Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url').toString('base64url');
export const importPublicKey = (raw: string): KeyObject => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw }, format: 'jwk' });

const RESERVED = new Set(['kid', 'typ', 'iat', 'exp']);
const seconds = (at: Date): number => Math.floor(at.getTime() / 1000);

export const signToken = (payload: Payload, key: Pick<SigningKey, 'kid' | 'privateKey'>, options: { typ: TokenType; issuedAt: Date; expiresAt?: Date }): string => {
  for (const k of Object.keys(payload)) if (RESERVED.has(k)) throw new RangeError(`Payload may not use the reserved claim ${k}`);
  const claims: TokenClaims = { kid: key.kid, typ: options.typ, iat: seconds(options.issuedAt), ...(options.expiresAt ? { exp: seconds(options.expiresAt) } : {}) };
  const body = Buffer.from(JSON.stringify({ ...claims, ...payload }), 'utf8').toString('base64url');
  const signature = sign(null, Buffer.from(body, 'ascii'), key.privateKey).toString('base64url');
  return `${body}.${signature}`;
};

export type VerifyFailure = 'malformed' | 'unknown_key' | 'bad_signature' | 'wrong_type' | 'expired' | 'not_yet_valid';
export type VerifiedToken = { ok: true; claims: TokenClaims; payload: Payload } | { ok: false; reason: VerifyFailure };

const B64URL = /^[A-Za-z0-9_-]+$/;
/** Decodes base64url only when the text is its canonical encoding (no padding, no stray bits). */
const strictB64 = (s: string): Buffer | null => {
  if (!B64URL.test(s)) return null;
  const b = Buffer.from(s, 'base64url');
  return b.toString('base64url') === s ? b : null;
};

export type VerifyOptions = {
  /** Public keys by key id (retired keys stay here until their tokens are no longer honoured). */
  readonly keys: ReadonlyMap<string, KeyObject>;
  readonly now: Date;
  readonly typ: TokenType;
  /** Clock skew allowed for `iat` in the future, seconds (default 300). */
  readonly leewaySeconds?: number;
  /** Refuse longer input before doing any work (default 2,048 characters: a QR code's worth). */
  readonly maxLength?: number;
};

export const verifyToken = (token: string, options: VerifyOptions): VerifiedToken => {
  if (typeof token !== 'string' || token.length > (options.maxLength ?? 2048)) return { ok: false, reason: 'malformed' };
  const parts = token.trim().split('.');
  if (parts.length !== 2) return { ok: false, reason: 'malformed' };
  const [body, sig] = parts as [string, string];
  const json = strictB64(body);
  const signature = strictB64(sig);
  if (!json || !signature || signature.length !== 64) return { ok: false, reason: 'malformed' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(json.toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) return { ok: false, reason: 'malformed' };
  const { kid, typ, iat, exp, ...payload } = decoded as Record<string, unknown>;
  if (typeof kid !== 'string' || (typ !== 'ticket' && typ !== 'cert') || !Number.isInteger(iat) || (exp !== undefined && !Number.isInteger(exp))) {
    return { ok: false, reason: 'malformed' };
  }
  const key = options.keys.get(kid);
  if (!key) return { ok: false, reason: 'unknown_key' };
  let good: boolean;
  try {
    good = verify(null, Buffer.from(body, 'ascii'), key, signature);
  } catch {
    good = false;
  }
  if (!good) return { ok: false, reason: 'bad_signature' };
  if (typ !== options.typ) return { ok: false, reason: 'wrong_type' };
  const now = seconds(options.now);
  if ((iat as number) > now + (options.leewaySeconds ?? 300)) return { ok: false, reason: 'not_yet_valid' };
  if (exp !== undefined && now >= (exp as number)) return { ok: false, reason: 'expired' };
  for (const v of Object.values(payload)) if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) return { ok: false, reason: 'malformed' };
  const claims: TokenClaims = { kid, typ, iat: iat as number, ...(exp === undefined ? {} : { exp: exp as number }) };
  return { ok: true, claims, payload: payload as Payload };
};
