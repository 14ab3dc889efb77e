// The hash chain: each entry's hash covers the previous entry's hash and this entry's fields, so editing,
// deleting or reordering any row breaks every link after it.
import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers (seq is not included: the chain itself fixes the order). */
export type HashedAuditFields = {
  id: string;
  occurredAt: Date;
  actorKind: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  summary: unknown;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
};

export function computeAuditHash(prevHash: string, fields: HashedAuditFields): string {
  const payload = canonicalJson({ ...fields, occurredAt: fields.occurredAt.toISOString(), summary: fields.summary ?? null });
  // One-shot hash of prev_hash, a newline and the payload (UTF-8): bulk writers hash tens of thousands of these.
  return hash('sha256', `${prevHash}\n${payload}`, 'hex');
}
