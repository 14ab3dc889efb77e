import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchResult, round } from './result.js';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

/** Starts `npm start` on a data dir and returns seconds until /readyz answers 200; stops the server. */
const timeStart = async (dataDir: string): Promise<number> => {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO_DATA: 'false', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  try {
    const deadline = started + 60_000;
    for (;;) {
      if (performance.now() > deadline) throw new Error('server did not become ready within 60 s');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (res.status === 200) return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  }
};

/** cold-start: seconds from `npm start` to /readyz = 200 on an existing embedded database. Target ≤ 3 s. */
export const benchColdStart = async (): Promise<BenchResult[]> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jinzai-bench-cold-'));
  try {
    // The first start creates and migrates the database, and (re)builds the server bundle if the sources changed,
    // so the timed starts are the everyday case: an existing database and a current bundle (see scripts/start.mjs).
    await timeStart(dataDir);
    const runs = [await timeStart(dataDir), await timeStart(dataDir), await timeStart(dataDir)].sort((a, b) => a - b);
    const median = round(runs[1]!, 2);
    return [{ name: 'cold-start', value: median, unit: 's', baseline: 3, ratio: round(median / 3, 2), target: '≤ 3 s (ratio ≤ 1)', note: `median of 3 restarts on an existing embedded database` }];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchColdStart());
}
