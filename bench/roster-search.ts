import pg from 'pg';
import { compareWithBare, startServerChild } from './load.js';
import { type BenchResult, round } from './result.js';

const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'jinzai_bench_roster';

const recreateDatabase = async (): Promise<string> => {
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${BENCH_DB}`);
  await client.end();
  const url = new URL(PG_ADMIN);
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
};

const dropDatabase = async (): Promise<void> => {
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await client.end();
};

/**
 * roster-search: the public roster API looking up one establishment by 法人番号 among 10,000, against a bare Fastify route
 * running the same query on the same database, 50 connections × 10 s each. Targets on PostgreSQL: ratio ≥ 0.6, p99 ≤ 50 ms.
 */
export const benchRosterSearch = async (count = 10_000): Promise<BenchResult[]> => {
  const results: BenchResult[] = [];
  for (const backend of ['postgres', 'pglite'] as const) {
    const url = backend === 'postgres' ? await recreateDatabase() : '';
    const server = await startServerChild('bench/roster-server.ts', { BENCH_DATABASE_URL: url, BENCH_COUNT: String(count), LOG_LEVEL: 'warn' });
    try {
      const numbers = server.info.numbers as string[];
      const sample = Array.from({ length: 2000 }, (_, i) => numbers[(i * 4999) % numbers.length]!);
      const base = (port: unknown) => `http://127.0.0.1:${String(port)}`;
      const { bare, app, note: runs } = await compareWithBare(
        { url: base(server.info.barePort), paths: sample.map((n) => `/bare/${n}?asOf=2026-11-22`) },
        { url: base(server.info.appPort), paths: sample.map((n) => `/api/v1/roster/corporate-number/${n}?asOf=2026-11-22`) },
      );
      const note = `${count} listed; ${runs}; app non-2xx ${app.non2xx}, errors ${app.errors}`;
      results.push(
        { name: `roster-search.${backend}.req_per_s`, value: app.requestsPerSecond, unit: 'req/s', baseline: bare.requestsPerSecond, ratio: round(app.requestsPerSecond / bare.requestsPerSecond), target: backend === 'postgres' ? 'ratio ≥ 0.6' : 'reported', note },
        { name: `roster-search.${backend}.p99`, value: app.p99Ms, unit: 'ms', baseline: bare.p99Ms, ratio: bare.p99Ms ? round(app.p99Ms / bare.p99Ms) : null, target: backend === 'postgres' ? '≤ 50 ms' : 'reported' },
      );
    } finally {
      await server.stop();
      if (backend === 'postgres') await dropDatabase();
    }
  }
  return results;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchRosterSearch());
}
