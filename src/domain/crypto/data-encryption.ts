import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// Field encryption at rest for secrets we must read back (TOTP seeds): AES-256-GCM under a key derived with
// HKDF-SHA256 from DATA_ENCRYPTION_KEY. The stored envelope is
//   v1:<kid>:<iv>:<ciphertext>:<tag>      (each part base64url)
// `v1` names the format (algorithm and derivation), `kid` names the key that sealed it: a short HKDF output of the
// secret, so it reveals nothing about the key but lets us decrypt with a retired key (DATA_ENCRYPTION_KEY_PREVIOUS)
// and re-seal under the current one. The caller's `context` (table, column and row id) is bound as additional
// authenticated data, so a ciphertext copied into another row or column does not open.

export const ENVELOPE_VERSION = 'v1';
const SALT = Buffer.from('jinzai-data-encryption');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type DataKey = { readonly kid: string; readonly key: Buffer };
/** The key new values are sealed with, and the retired keys that may still open old values. */
export type DataKeyring = { readonly current: DataKey; readonly previous: readonly DataKey[] };

const derive = (secret: string, info: string, length: number): Buffer => Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), SALT, Buffer.from(info), length));

export const dataKeyOf = (secret: string): DataKey => ({ kid: derive(secret, 'key-id/v1', 6).toString('base64url'), key: derive(secret, 'aes-256-gcm/v1', 32) });

export const dataKeyring = (secret: string, previousSecrets: readonly string[] = []): DataKeyring => {
  const current = dataKeyOf(secret);
  return { current, previous: previousSecrets.map(dataKeyOf).filter((k) => k.kid !== current.kid) };
};

/** A stored value that cannot be opened: tampered, sealed for another row, or sealed with a key we no longer have. */
export class DataDecryptionError extends Error {
  constructor(reason: string) {
    super(`Encrypted value cannot be opened: ${reason}`);
    this.name = 'DataDecryptionError';
  }
}

export const isSealed = (stored: string): boolean => stored.startsWith(`${ENVELOPE_VERSION}:`);

/** The kid of a sealed value (undefined when it is not an envelope). */
export const sealedKid = (stored: string): string | undefined => (isSealed(stored) ? stored.split(':')[1] : undefined);

export const seal = (keys: DataKeyring, plaintext: string, context: string): string => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [ENVELOPE_VERSION, keys.current.kid, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(':');
};

export type Opened = { value: string; /** Sealed with a retired key: seal it again under the current one. */ stale: boolean };

export const open = (keys: DataKeyring, stored: string, context: string): Opened => {
  const parts = stored.split(':');
  if (parts.length !== 5 || parts[0] !== ENVELOPE_VERSION) throw new DataDecryptionError('unknown envelope');
  const [, kid, ivText, bodyText, tagText] = parts as [string, string, string, string, string];
  const key = kid === keys.current.kid ? keys.current : keys.previous.find((k) => k.kid === kid);
  if (!key) throw new DataDecryptionError(`no key ${kid} (set DATA_ENCRYPTION_KEY, or list the old key in DATA_ENCRYPTION_KEY_PREVIOUS)`);
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new DataDecryptionError('malformed envelope');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    const value = Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString('utf8');
    return { value, stale: key !== keys.current };
  } catch {
    throw new DataDecryptionError('authentication failed');
  }
};
