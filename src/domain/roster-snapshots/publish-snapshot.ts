import { randomUUID } from 'node:crypto';
import { isLegalDate, japanDateOf, legalDate } from '../../../rules/core/index.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { insertRosterSnapshot, listListingsOn, type RosterSnapshotSummary } from '../../persistence/repositories/roster-snapshots.repository.js';
import { authorize } from '../access/policies.js';
import { auditMeta } from '../accounts/context.js';
import { InvalidInput } from '../errors.js';
import { validRosterFor } from '../roster/valid-roster.js';
import { getSigningKey } from '../signing/signing-keys.js';
import type { RosterExportContext } from './context.js';
import { buildSnapshotPayload, signSnapshot } from './snapshot.js';

/** The secretariat publishes the whole roster as of a date: canonical JSON, sha-256 and an Ed25519 signature. */
export const publishRosterSnapshot = async (ctx: RosterExportContext, input: { asOf?: string }): Promise<RosterSnapshotSummary> => {
  authorize(ctx.actor, 'roster_snapshots.publish');
  const raw = input.asOf?.trim() ?? '';
  if (raw && !isLegalDate(raw)) throw new InvalidInput([{ field: 'asOf', message: { ja: '日付は 2026-04-01 の形式で入力してください', en: 'Enter the date as YYYY-MM-DD, for example 2026-04-01' } }]);
  const asOf = raw ? legalDate(raw) : japanDateOf(ctx.clock.now());
  if (!ctx.signingSecret) throw new Error('signingSecret missing from the roster export context');
  const key = await getSigningKey({ db: ctx.db, secret: ctx.signingSecret, clock: ctx.clock }, 'roster');
  const publishedAt = ctx.clock.now();
  const listings = await listListingsOn(ctx.db, { asOf });
  const id = randomUUID();
  const payload = buildSnapshotPayload({ id, asOf, publishedAt, validRoster: validRosterFor(asOf), listings });
  const signed = signSnapshot(payload, key.privateKey);
  return ctx.db.transaction(async (tx) => {
    const row = await insertRosterSnapshot(tx, { id, asOf, listingCount: listings.length, ...signed, kid: key.kid, publishedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, publishedAt });
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'roster_snapshot.published', target: { type: 'roster_snapshot', id }, summary: { after: { asOf, listingCount: listings.length, sha256: signed.sha256, kid: key.kid } } });
    return row;
  });
};
