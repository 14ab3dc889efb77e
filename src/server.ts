import type { FastifyInstance } from 'fastify';
import type { Config } from './config/env.js';
import { buildApp } from './http/app.js';
import { createServices } from './http/create-services.js';
import { openDatabase, type Database } from './persistence/database.js';
import { loadDemoDataIfEmpty } from './demo/load-demo-data.js';
import { startBackgroundWork } from './jobs/start.js';
import { resealTotpSecrets } from './domain/accounts/reseal-totp-secrets.js';
import type { AppServices } from './http/services.js';

export type RunningServer = { app: FastifyInstance; database: Database; url: string; stop(): Promise<void> };

/** Opens the database, builds the app and listens; shuts down gracefully on SIGINT/SIGTERM. */
export const startServer = async (
  config: Config,
  { handleSignals = true, database: opening }: { handleSignals?: boolean; database?: Promise<Database> } = {},
): Promise<RunningServer> => {
  const database = await (opening ?? openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const services = createServices(config, database);
  const app = await buildApp({ config, database, services });
  await sealStoredSecrets(database, services, app);
  const logins = config.demoData ? await loadDemoDataIfEmpty(database, services) : null;
  const background = startBackgroundWork({ config, database, services, logger: app.log });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  app.log.info({ url, database: database.kind }, 'Jinzai is listening');
  if (logins) printDemoLogins(logins, url);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await background.stop();
      await app.close(); // stops accepting, finishes in-flight requests
      await database.close();
    })();
    return stopping;
  };
  if (handleSignals) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        app.log.info({ signal }, 'shutting down');
        stop().then(
          () => process.exit(0),
          (error) => {
            app.log.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      });
    }
  }
  return { app, database, url, stop };
};

/** TOTP secrets stored in plaintext (before encryption) or under a retired key are sealed with the current key. */
const sealStoredSecrets = async (database: Database, services: AppServices, app: FastifyInstance): Promise<void> => {
  const report = await resealTotpSecrets(database.db, services.dataKeys, services.clock);
  if (report.resealed > 0) app.log.info({ resealed: report.resealed, plaintext: report.plaintext }, 'TOTP secrets sealed with the current data-encryption key');
  if (report.unreadable.length > 0) {
    app.log.error({ users: report.unreadable }, 'TOTP secrets no data-encryption key opens: list the old key in DATA_ENCRYPTION_KEY_PREVIOUS, or these users must enrol again');
  }
};

const printDemoLogins = (logins: { email: string; password: string; role: string; totpSecret?: string }[], url: string): void => {
  const lines = [
    '',
    `Jinzai is running at ${url}`,
    `Demo data loaded (development only). Sign in at ${url}/login with:`,
    ...logins.map((l) => `  ${l.role.padEnd(24)} ${l.email.padEnd(36)} ${l.password}${l.totpSecret ? `   TOTP secret: ${l.totpSecret}` : ''}`),
    '',
  ];
  console.log(lines.join('\n'));
};
