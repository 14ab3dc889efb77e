import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { testConfig } from '../src/config/env.js';
import { buildApp } from '../src/http/app.js';
import { createServices } from '../src/http/create-services.js';
import { openDatabase, type Database } from '../src/persistence/database.js';

// docs/openapi.json is generated from the routes' zod schemas; CI fails when the committed copy is stale.

export const renderOpenApi = async (app: FastifyInstance): Promise<string> => `${JSON.stringify(app.swagger(), null, 2)}\n`;

export const buildAppForDocs = async (database: Database): Promise<FastifyInstance> => {
  const config = testConfig();
  const app = await buildApp({ config, database, services: createServices(config, database) });
  await app.ready();
  return app;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = mkdtempSync(join(tmpdir(), 'jinzai-openapi-'));
  const database = await openDatabase({ dataDir: dir });
  try {
    const app = await buildAppForDocs(database);
    writeFileSync('docs/openapi.json', await renderOpenApi(app));
    await app.close();
    console.log('wrote docs/openapi.json');
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
