import type { FastifyInstance } from 'fastify';
import { testConfig, type Config } from '../../src/config/env.js';
import { buildApp } from '../../src/http/app.js';
import { createServices } from '../../src/http/create-services.js';
import type { Clock } from '../../src/http/services.js';
import type { Database } from '../../src/persistence/database.js';
import { createTestDatabase } from './test-database.js';

/** A controllable clock for tests of timeouts and dated behaviour. */
export const fixedClock = (start: Date | string): Clock & { advance(ms: number): void; set(d: Date | string): void } => {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    set: (d) => {
      now = new Date(d);
    },
  };
};

export type TestApp = { app: FastifyInstance; database: Database; config: Config; close(): Promise<void> };

/** The whole app on a fresh database (embedded, or PostgreSQL when TEST_DATABASE_URL is set), driven with app.inject. */
export const createTestApp = async (options: { clock?: Clock; config?: Partial<Config> } = {}): Promise<TestApp> => {
  const database = await createTestDatabase();
  const config = testConfig(options.config);
  const services = createServices(config, database, options.clock ? { clock: options.clock } : {});
  const app = await buildApp({ config, database, services });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
};
