import { ConfigError, loadConfig } from './config/env.js';
import { openDatabase } from './persistence/database.js';

// `npm start`: validate configuration, open the database (embedded by default), migrate, serve.
// The database starts opening before the web app's modules load, so the two overlap (see the cold-start benchmark);
// the bundle `npm start` runs keeps ./server.js in a chunk of its own for this (scripts/build-server.mjs).
try {
  const config = loadConfig();
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  database.catch(() => undefined); // reported below, once awaited
  const { startServer } = await import('./server.js');
  await startServer(config, { database });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
