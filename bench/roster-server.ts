// Child process for the roster benchmarks: the real app and a bare Fastify route running the same repository query
// on the same database, so the load generator in the parent does not share their event loop. BENCH_SEED=asof seeds
// listings over several dates (roster-asof); otherwise every company is listed from 2025-12-26 (roster-search).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { testConfig } from '../src/config/env.js';
import { buildApp } from '../src/http/app.js';
import { createServices } from '../src/http/create-services.js';
import { openDatabase } from '../src/persistence/database.js';
import { bulkInsertListedCompanies, countRosterEntries } from '../src/persistence/repositories/bench-seed.repository.js';
import { rosterListingsByCorporateNumber } from '../src/persistence/repositories/roster.repository.js';
import { closeCouncilListingsForBench } from '../src/persistence/repositories/roster-snapshots.repository.js';
import { syntheticCompanies } from './synthetic-companies.js';

const [databaseUrl, countArg] = [process.env.BENCH_DATABASE_URL || undefined, process.env.BENCH_COUNT ?? '10000'];
const count = Number(countArg);
const database = await openDatabase({ databaseUrl, dataDir: process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'jinzai-bench-')) });
const companies = syntheticCompanies(count);
if ((await countRosterEntries(database.db)) < count) {
  if (process.env.BENCH_SEED === 'asof') {
    // Listings starting on three dates; the last third were council members whose listings closed on 2025-12-26.
    const third = Math.ceil(count / 3);
    await bulkInsertListedCompanies(database.db, companies.slice(0, third), '2025-12-26');
    await bulkInsertListedCompanies(database.db, companies.slice(third, 2 * third), '2026-03-01');
    await bulkInsertListedCompanies(database.db, companies.slice(2 * third), '2024-04-01');
    await closeCouncilListingsForBench(database.db, '2024-04-01', '2025-12-26');
  } else {
    await bulkInsertListedCompanies(database.db, companies, '2025-12-26');
  }
}

const config = testConfig({ logLevel: 'warn', rateLimitAllow: ['127.0.0.1'] });
const app = await buildApp({ config, database, services: createServices(config, database) });
await app.listen({ port: 0, host: '127.0.0.1' });

const bare = Fastify({ logger: false });
bare.get<{ Params: { number: string }; Querystring: { asOf?: string } }>('/bare/:number', async (request) => {
  const listings = await rosterListingsByCorporateNumber(database.db, request.params.number, request.query.asOf ?? '2026-11-22');
  return { corporateNumber: request.params.number, listed: listings.length > 0, listings };
});
await bare.listen({ port: 0, host: '127.0.0.1' });

const portOf = (server: typeof app.server): number => {
  const a = server.address();
  return typeof a === 'object' && a ? a.port : 0;
};
process.stdout.write(JSON.stringify({ ready: true, kind: database.kind, appPort: portOf(app.server), barePort: portOf(bare.server), numbers: companies.map((c) => c.corporateNumber) }) + '\n');

process.once('SIGTERM', async () => {
  await bare.close();
  await app.close();
  await database.close();
  process.exit(0);
});
