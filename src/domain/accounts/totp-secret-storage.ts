import { DataDecryptionError, ENVELOPE_VERSION, isSealed, open, seal, type DataKeyring } from '../crypto/data-encryption.js';

// How a user's TOTP secret is kept in users.totp_secret: sealed (../crypto/data-encryption.ts) and bound to the user's
// id. Rows written before encryption hold the bare base32 secret; they are still read (once), and the caller seals
// them again after the next successful use, as it does for values sealed with a retired key.

const BASE32_SECRET = /^[A-Z2-7]{16,128}=*$/;

export const totpSecretContext = (userId: string): string => `users.totp_secret:${userId}`;

export const sealTotpSecret = (keys: DataKeyring, userId: string, secretBase32: string): string => seal(keys, secretBase32, totpSecretContext(userId));

export type StoredTotpSecret = { secret: string; /** Plaintext, or sealed with a retired key: store it sealed again. */ reseal: boolean };

export const openTotpSecret = (keys: DataKeyring, userId: string, stored: string): StoredTotpSecret => {
  if (isSealed(stored)) {
    const { value, stale } = open(keys, stored, totpSecretContext(userId));
    return { secret: value, reseal: stale };
  }
  if (BASE32_SECRET.test(stored)) return { secret: stored, reseal: true };
  throw new DataDecryptionError('users.totp_secret holds neither an envelope nor a base32 secret');
};

/** How every value sealed with the current key begins: rows without it need sealing again. */
export const currentEnvelopePrefix = (keys: DataKeyring): string => `${ENVELOPE_VERSION}:${keys.current.kid}:`;
