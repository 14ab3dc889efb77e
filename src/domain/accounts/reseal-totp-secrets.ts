import type { Db } from '../../persistence/database.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { listTotpSecretsWithoutPrefix, replaceTotpSecret } from '../../persistence/repositories/users.repository.js';
import type { DataKeyring } from '../crypto/data-encryption.js';
import type { Clock } from './context.js';
import { currentEnvelopePrefix, openTotpSecret, sealTotpSecret } from './totp-secret-storage.js';

// Keeps users.totp_secret sealed under the current key: plaintext rows from before encryption, and rows sealed with a
// key now listed in DATA_ENCRYPTION_KEY_PREVIOUS, are sealed again. Runs at start-up (so no plaintext outlives an
// upgrade and a retired key can be dropped after one restart) and after each successful use of a stale value.

/** Stores `secret` sealed with the current key, unless the row changed since `expected` was read. */
export const resealTotpSecret = async (db: Db, keys: DataKeyring, userId: string, expected: string, secret: string): Promise<boolean> =>
  replaceTotpSecret(db, userId, expected, sealTotpSecret(keys, userId, secret));

export type ResealReport = { resealed: number; plaintext: number; unreadable: string[] };

/**
 * Seals again every TOTP secret not sealed with the current key. A value no key opens is left as it is and reported
 * (its user re-enrols; the operator sees which ids), so one bad row cannot stop the application from starting.
 */
export const resealTotpSecrets = async (db: Db, keys: DataKeyring, clock: Clock): Promise<ResealReport> => {
  const report: ResealReport = { resealed: 0, plaintext: 0, unreadable: [] };
  for (const row of await listTotpSecretsWithoutPrefix(db, currentEnvelopePrefix(keys))) {
    let secret: string;
    try {
      secret = openTotpSecret(keys, row.id, row.totpSecret).secret;
    } catch {
      report.unreadable.push(row.id);
      continue;
    }
    if (await resealTotpSecret(db, keys, row.id, row.totpSecret, secret)) {
      report.resealed += 1;
      if (!row.totpSecret.includes(':')) report.plaintext += 1;
    }
  }
  if (report.resealed > 0) {
    await writeAuditEvent(db, {
      action: 'user.totp_secrets_resealed',
      actor: { kind: 'system' },
      target: { type: 'users', id: 'totp_secret' },
      summary: { after: { resealed: report.resealed, plaintext: report.plaintext, keyId: keys.current.kid } },
      occurredAt: clock.now(),
    });
  }
  return report;
};
