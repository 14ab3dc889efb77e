// roster-asof: with 100,000 establishments seeded (listings starting on three dates, one third on the council roster
// closed on 2025-12-26), the as-of lookup by 法人番号 over HTTP on PostgreSQL, 50 connections × 10 s, against a bare
// Fastify route running the same repository query on the same database in the same run. The dates mix today,
// a date before some listings started and a date on the council roster. Targets: ratio ≥ 0.6, p99 ≤ 50 ms.
import pg from 'pg';
import { compareWithBare, startServerChild } from './load.js';
import { type BenchResult, round } from './result.js';

const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'jinzai_bench_roster_asof';
const DATES = ['2026-11-22', '2025-12-01', '2025-06-30', '2026-03-15', '2025-12-25', '2026-01-10'];

const admin = async (q: string): Promise<void> => {
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  try {
    await client.query(q);
  } finally {
    await client.end();
  }
};

export const benchRosterAsOf = async (count = Number(process.env.BENCH_COUNT ?? 100_000)): Promise<BenchResult[]> => {
  await admin(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${BENCH_DB}`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${BENCH_DB}`;
  const server = await startServerChild('bench/roster-server.ts', { BENCH_SEED: 'asof', BENCH_DATABASE_URL: url.toString(), BENCH_COUNT: String(count), LOG_LEVEL: 'warn' });
  try {
    const numbers = server.info.numbers as string[];
    const sample = Array.from({ length: 3000 }, (_, i) => [numbers[(i * 4999) % numbers.length]!, DATES[i % DATES.length]!] as const);
    const base = (port: unknown) => `http://127.0.0.1:${String(port)}`;
    const barePaths = sample.map(([n, d]) => `/bare/${n}?asOf=${d}`);
    const appPaths = sample.map(([n, d]) => `/api/v1/roster/corporate-number/${n}?asOf=${d}`);
    const { bare, app, note: runs } = await compareWithBare({ url: base(server.info.barePort), paths: barePaths }, { url: base(server.info.appPort), paths: appPaths });
    const note = `${count} establishments; dates ${DATES.join(' ')}; ${runs}; app non-2xx ${app.non2xx}, errors ${app.errors}`;
    return [
      { name: 'roster-asof.postgres.req_per_s', value: app.requestsPerSecond, unit: 'req/s', baseline: bare.requestsPerSecond, ratio: round(app.requestsPerSecond / bare.requestsPerSecond), target: 'ratio ≥ 0.6', note },
      { name: 'roster-asof.postgres.p99', value: app.p99Ms, unit: 'ms', baseline: bare.p99Ms, ratio: bare.p99Ms ? round(app.p99Ms / bare.p99Ms) : null, target: '≤ 50 ms' },
    ];
  } finally {
    await server.stop();
    await admin(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  }
};

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchRosterAsOf());
