import { writeFileSync } from 'node:fs';
import { type BenchResult, formatResult } from './result.js';

// `npm run bench`: every figure the issues ask for, measured in one run, written to bench-results.json.
// Loads go to loopback only and are bounded in time (autocannon runs are 10 s each).

type Bench = { name: string; run: () => Promise<BenchResult[]> };

const BENCHES: Bench[] = [
  { name: 'rules-eval', run: async () => (await import('./rules-eval.js')).benchRulesEval() },
  { name: 'roster-search', run: async () => (await import('./roster-search.js')).benchRosterSearch() },
  { name: 'cold-start', run: async () => (await import('./cold-start.js')).benchColdStart() },
  { name: 'exam-scoring', run: async () => (await import('./exam-scoring.js')).benchExamScoring() },
  { name: 'certificate-verify', run: async () => (await import('./certificate-verify.js')).benchCertificateVerify() },
  { name: 'roster-asof', run: async () => (await import('./roster-asof.js')).benchRosterAsOf() },
  { name: 'migration-import', run: async () => (await import('./migration-import.js')).benchMigrationImport() },
];

const only = process.argv.slice(2);
const results: BenchResult[] = [];
for (const bench of BENCHES.filter((b) => only.length === 0 || only.includes(b.name))) {
  try {
    const figures = await bench.run();
    for (const f of figures) console.log(formatResult(f));
    results.push(...figures);
  } catch (error) {
    console.error(`${bench.name}: failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  }
}
writeFileSync('bench-results.json', JSON.stringify(results, null, 2) + '\n');
console.log(`wrote bench-results.json (${results.length} figures)`);
