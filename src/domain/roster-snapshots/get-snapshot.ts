import { findRosterSnapshot, listRosterSnapshots, type RosterSnapshotRow, type RosterSnapshotSummary } from '../../persistence/repositories/roster-snapshots.repository.js';
import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { NotFound } from '../errors.js';
import { verificationKeys } from '../signing/signing-keys.js';
import { validRosterFor, type ValidRoster } from '../roster/valid-roster.js';
import { verifySnapshot, type SnapshotVerification } from './snapshot.js';
import type { LegalDate } from '../../../rules/core/index.js';

export type VerifiedSnapshot = { snapshot: RosterSnapshotRow; verification: SnapshotVerification; validRoster: ValidRoster | undefined };

/** Public: a published snapshot, verified afresh (canonical form, sha-256, Ed25519 signature under the published key). */
export const getVerifiedSnapshot = async (ctx: UseCaseContext, id: string): Promise<VerifiedSnapshot> => {
  authorize(ctx.actor, 'roster.read');
  const snapshot = await findRosterSnapshot(ctx.db, id);
  if (!snapshot) throw new NotFound('roster snapshot');
  const verification = verifySnapshot(snapshot, await verificationKeys(ctx.db, 'roster'));
  return { snapshot, verification, validRoster: validRosterFor(snapshot.asOf as LegalDate) };
};

export const listPublishedSnapshots = async (ctx: UseCaseContext): Promise<RosterSnapshotSummary[]> => {
  authorize(ctx.actor, 'roster.read');
  return listRosterSnapshots(ctx.db);
};
