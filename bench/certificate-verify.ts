import { createScratchPostgresDatabase } from '../test/helpers/test-database.js';
import { compareWithBare, startServerChild } from './load.js';
import { type BenchResult, round } from './result.js';

const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * certificate-verify: the public verification API (GET /api/v1/certificates/verify, exam number + date of birth) over
 * 10,000 issued certificates on PostgreSQL, 50 connections × 10 s, against a bare Fastify route running the same
 * repository query on the same database in the same run (server in a child process). Target: ratio ≥ 0.6.
 */
export const benchCertificateVerify = async (count = 10_000): Promise<BenchResult[]> => {
  const scratch = await createScratchPostgresDatabase(PG_ADMIN);
  const server = await startServerChild('bench/certificate-verify-server.ts', { BENCH_DATABASE_URL: scratch.url, BENCH_COUNT: String(count), LOG_LEVEL: 'warn' });
  try {
    const sample = server.info.sample as { examNumber: string; dateOfBirth: string }[];
    const query = (s: { examNumber: string; dateOfBirth: string }) => `examNumber=${encodeURIComponent(s.examNumber)}&dateOfBirth=${s.dateOfBirth}`;
    const barePaths = sample.map((s) => `/bare/verify?${query(s)}`);
    const appPaths = sample.map((s) => `/api/v1/certificates/verify?${query(s)}`);
    const base = (port: unknown) => `http://127.0.0.1:${String(port)}`;
    // Check once that the app really answers "valid" (a benchmark of 404s would prove nothing).
    const probe = (await (await fetch(`${base(server.info.appPort)}${appPaths[0]}`)).json()) as { status?: string };
    if (probe.status !== 'valid') throw new Error(`verification probe answered ${JSON.stringify(probe)}`);
    const { bare, app, note: runs } = await compareWithBare({ url: base(server.info.barePort), paths: barePaths }, { url: base(server.info.appPort), paths: appPaths });
    const note = `${count} certificates; ${runs}; app non-2xx ${app.non2xx}, errors ${app.errors}`;
    return [
      { name: 'certificate-verify.postgres.req_per_s', value: app.requestsPerSecond, unit: 'req/s', baseline: bare.requestsPerSecond, ratio: round(app.requestsPerSecond / bare.requestsPerSecond), target: 'ratio ≥ 0.6', note },
      { name: 'certificate-verify.postgres.p99', value: app.p99Ms, unit: 'ms', baseline: bare.p99Ms, ratio: bare.p99Ms ? round(app.p99Ms / bare.p99Ms) : null, target: 'reported' },
    ];
  } finally {
    await server.stop();
    await scratch.drop();
  }
};

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchCertificateVerify());
}
