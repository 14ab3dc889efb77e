import { testConfig } from '../../src/config/env.js';
import { dataKeyring, type DataKeyring } from '../../src/domain/crypto/data-encryption.js';

/** The data-encryption keys of a test app (testConfig's key), for provisioning users with a sealed TOTP secret. */
export const testDataKeys = (): DataKeyring => {
  const { key, previousKeys } = testConfig().dataEncryption;
  return dataKeyring(key, previousKeys);
};
