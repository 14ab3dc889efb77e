import { createCipheriv, createDecipheriv, createPrivateKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import type { Db } from '../../persistence/database.js';
import { findActiveSigningKey, insertSigningKeyIfAbsent, listSigningKeys } from '../../persistence/repositories/signing-keys.repository.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { exportPublicKey, generateSigningKey, importPublicKey, type SigningKey } from '../exams/signed-token.js';

// Ed25519 signing keys for documents others verify offline: admission tickets, pass certificates, roster extracts.
// One active key per purpose, made on first use. The private key is stored as PKCS#8 encrypted with AES-256-GCM
// under a key derived (HKDF-SHA256) from the configured secret (SIGNING_KEY_SECRET, default SESSION_SECRET), so a
// database dump alone cannot forge a ticket. Public keys (active and retired) are published at
// /.well-known/jinzai-keys.json so verifiers can check signatures without us.

export const SIGNING_PURPOSES = ['exam_ticket', 'exam_certificate', 'roster'] as const;
export type SigningPurpose = (typeof SIGNING_PURPOSES)[number];

export type SigningDeps = { db: Db; secret: string; clock: { now(): Date } };

const kek = (secret: string): Buffer => Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from('jinzai-signing-keys'), Buffer.from('aes-256-gcm/v1'), 32));

export const encryptPrivateKey = (key: KeyObject, secret: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek(secret), iv);
  const der = key.export({ format: 'der', type: 'pkcs8' });
  const body = Buffer.concat([cipher.update(der), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
};

export const decryptPrivateKey = (stored: string, secret: string): KeyObject => {
  const [v, iv, tag, body] = stored.split('.');
  if (v !== 'v1' || !iv || !tag || !body) throw new Error('Unknown signing key encoding');
  const decipher = createDecipheriv('aes-256-gcm', kek(secret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const der = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
};

const newKid = (purpose: SigningPurpose, at: Date): string => {
  const short = { exam_ticket: 'tkt', exam_certificate: 'crt', roster: 'rst' }[purpose];
  return `${short}-${at.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;
};

/** The active key of a purpose, generated (and audited) on first use. Safe when two instances race. */
export const getSigningKey = async (deps: SigningDeps, purpose: SigningPurpose): Promise<SigningKey> => {
  for (let attempt = 0; attempt < 2; attempt++) {
    const row = await findActiveSigningKey(deps.db, purpose);
    if (row) return { kid: row.kid, privateKey: decryptPrivateKey(row.privateKeyEncrypted, deps.secret), publicKey: importPublicKey(row.publicKey) };
    const now = deps.clock.now();
    const key = generateSigningKey(newKid(purpose, now));
    await deps.db.transaction(async (tx) => {
      const made = await insertSigningKeyIfAbsent(tx, {
        kid: key.kid,
        purpose,
        publicKey: exportPublicKey(key.publicKey),
        privateKeyEncrypted: encryptPrivateKey(key.privateKey, deps.secret),
        createdAt: now,
      });
      if (made) {
        await writeAuditEvent(tx, {
          action: 'signing_key.generated',
          actor: { kind: 'system' },
          target: { type: 'signing_key', id: key.kid },
          summary: { after: { purpose, alg: 'Ed25519' } },
          occurredAt: now,
        });
      }
    });
  }
  throw new Error(`Could not obtain a signing key for ${purpose}`);
};

/** Public keys by kid for a purpose (active and retired), for verifyToken. */
export const verificationKeys = async (db: Db, purpose: SigningPurpose): Promise<Map<string, KeyObject>> =>
  new Map((await listSigningKeys(db, purpose)).map((r) => [r.kid, importPublicKey(r.publicKey)]));

export type PublishedKey = { kid: string; alg: 'Ed25519'; kty: 'OKP'; crv: 'Ed25519'; x: string; use: string; status: 'active' | 'retired'; created: string; retired?: string };

/** What /.well-known/jinzai-keys.json publishes (JWK-shaped so standard tools read it). */
export const publishedKeys = async (db: Db): Promise<{ keys: PublishedKey[] }> => ({
  keys: (await listSigningKeys(db)).map((r) => ({
    kid: r.kid,
    alg: 'Ed25519',
    kty: 'OKP',
    crv: 'Ed25519',
    x: r.publicKey,
    use: r.purpose,
    status: r.retiredAt ? 'retired' : 'active',
    created: r.createdAt.toISOString(),
    ...(r.retiredAt ? { retired: r.retiredAt.toISOString() } : {}),
  })),
});
