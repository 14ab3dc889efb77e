import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import type { ExportListing } from '../../persistence/repositories/roster-snapshots.repository.js';
import type { ValidRoster } from '../roster/valid-roster.js';

// A published roster snapshot. What is signed is the canonical JSON (object keys sorted, no whitespace, UTF-8) of
// the payload below; the sha-256 is over the same bytes. Anyone can check a downloaded snapshot offline: recompute
// the canonical JSON of `snapshot`, compare its sha-256, and verify the Ed25519 signature with the key `kid`
// published at /.well-known/jinzai-keys.json (use "roster").

export const SNAPSHOT_TYPE = 'jinzai.roster-snapshot';

export type SnapshotListing = Omit<ExportListing, 'establishmentId'> & { establishmentId: string };

export type SnapshotPayload = {
  type: typeof SNAPSHOT_TYPE;
  version: 1;
  id: string;
  asOf: string;
  publishedAt: string;
  validRoster: { roster: 'council' | 'jaim'; citation: string } | null;
  listingCount: number;
  listings: SnapshotListing[];
};

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
};

/** Canonical JSON: keys sorted at every level, no whitespace, undefined dropped. */
export const canonicalJson = (value: unknown): string => JSON.stringify(sortKeys(value));

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const buildSnapshotPayload = (input: { id: string; asOf: string; publishedAt: Date; validRoster: ValidRoster | undefined; listings: readonly ExportListing[] }): SnapshotPayload => ({
  type: SNAPSHOT_TYPE,
  version: 1,
  id: input.id,
  asOf: input.asOf,
  publishedAt: input.publishedAt.toISOString(),
  validRoster: input.validRoster ? { roster: input.validRoster.roster, citation: input.validRoster.citation } : null,
  listingCount: input.listings.length,
  listings: input.listings.map((l) => ({ ...l, jsicCodes: [...l.jsicCodes] })),
});

export type SignedContent = { content: string; sha256: string; signature: string };

export const signSnapshot = (payload: SnapshotPayload, privateKey: KeyObject): SignedContent => {
  const content = canonicalJson(payload);
  return { content, sha256: sha256Hex(content), signature: sign(null, Buffer.from(content, 'utf8'), privateKey).toString('base64url') };
};

export type SnapshotVerification = {
  verified: boolean;
  checks: { canonical: boolean; hashMatches: boolean; keyKnown: boolean; signatureValid: boolean; idMatches: boolean };
};

/** Recomputes everything from the stored content: canonical form, sha-256, and the signature under the published key. */
export const verifySnapshot = (row: { id: string; content: string; sha256: string; signature: string; kid: string }, keys: ReadonlyMap<string, KeyObject>): SnapshotVerification => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.content);
  } catch {
    parsed = undefined;
  }
  const canonical = parsed !== undefined && canonicalJson(parsed) === row.content;
  const hashMatches = sha256Hex(row.content) === row.sha256;
  const key = keys.get(row.kid);
  let signatureValid = false;
  if (key) {
    try {
      signatureValid = verify(null, Buffer.from(row.content, 'utf8'), key, Buffer.from(row.signature, 'base64url'));
    } catch {
      signatureValid = false;
    }
  }
  const idMatches = !!parsed && typeof parsed === 'object' && (parsed as { id?: unknown }).id === row.id;
  const checks = { canonical, hashMatches, keyKnown: !!key, signatureValid, idMatches };
  return { verified: Object.values(checks).every(Boolean), checks };
};

/** The downloadable signed JSON, built without re-serialising the (possibly large) content. */
export const signedDocument = (row: { content: string; sha256: string; signature: string; kid: string }): string =>
  `{"signature":${JSON.stringify({ alg: 'Ed25519', kid: row.kid, value: row.signature, keys: '/.well-known/jinzai-keys.json' })},"sha256":${JSON.stringify(row.sha256)},"verify":${JSON.stringify(
    'Ed25519 signature over the UTF-8 bytes of the canonical JSON (keys sorted, no whitespace) of "snapshot"; sha256 is over the same bytes.',
  )},"snapshot":${row.content}}`;
