import type { Config } from '../config/env.js';
import { createMailer } from '../domain/mail/mailer.js';
import type { Database } from '../persistence/database.js';
import { createIdentityResolver } from './pages/accounts/session-cookie.js';
import { systemClock, type AppServices } from './services.js';
import { dataKeyring } from '../domain/crypto/data-encryption.js';

/**
 * The services the app and jobs share. Tests override parts (a fixed clock, a mail transport); the identity resolver
 * uses the overridden clock so every time decision in a test follows it.
 */
export const createServices = (config: Config, database: Database, overrides: Partial<AppServices> = {}): AppServices => {
  const clock = overrides.clock ?? systemClock;
  return {
    clock,
    mailer: overrides.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }),
    identity: overrides.identity ?? createIdentityResolver(config, database, clock),
    dataKeys: overrides.dataKeys ?? dataKeyring(config.dataEncryption.key, config.dataEncryption.previousKeys),
    ...withoutUndefined(overrides),
  };
};

const withoutUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
