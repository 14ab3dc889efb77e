// The hash chain: each entry's hash covers the previous entry's hash and this entry's fields, so editing,
// deleting or reordering any row breaks every link after it.
import { createHash } from 'node:crypto';
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
  return createHash('sha256').update(prevHash).update('\n').update(payload).digest('hex');
}
