import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

export type LoadFigures = { requestsPerSecond: number; p99Ms: number; non2xx: number; errors: number };

/** autocannon against loopback, bounded: `connections` for `seconds`, paths drawn round-robin from `paths`. */
export const runLoad = async (url: string, paths: readonly string[], connections = 50, seconds = 10): Promise<LoadFigures> => {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  return { requestsPerSecond: Math.round(result.requests.average), p99Ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
};

export type ServerChild = { child: ChildProcess; info: Record<string, unknown>; stop(): Promise<void> };

/** Starts a bench server script with tsx and waits for its JSON "ready" line. */
export const startServerChild = async (script: string, env: Record<string, string>): Promise<ServerChild> => {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const info = await new Promise<Record<string, unknown>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        if (parsed.ready) resolve(parsed);
      } catch {
        // not our line
      }
    });
  });
  return {
    child,
    info,
    stop: async () => {
      child.removeAllListeners('exit');
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
};

export type Comparison = { bare: LoadFigures; app: LoadFigures; note: string };

const mean = (a: LoadFigures, b: LoadFigures): LoadFigures => ({
  requestsPerSecond: Math.round((a.requestsPerSecond + b.requestsPerSecond) / 2),
  p99Ms: Math.round((a.p99Ms + b.p99Ms) / 2),
  non2xx: a.non2xx + b.non2xx,
  errors: a.errors + b.errors,
});

/**
 * The app against its bare baseline on one machine: both warmed (2 s each), then measured in ABBA order (bare, app,
 * app, bare; 10 s each) and averaged per side, so load that drifts during the run weighs on both sides alike instead
 * of on whichever ran second. The note gives each run's figures.
 */
export const compareWithBare = async (bare: { url: string; paths: readonly string[] }, app: { url: string; paths: readonly string[] }): Promise<Comparison> => {
  await runLoad(bare.url, bare.paths, 10, 2);
  await runLoad(app.url, app.paths, 10, 2);
  const bare1 = await runLoad(bare.url, bare.paths);
  const app1 = await runLoad(app.url, app.paths);
  const app2 = await runLoad(app.url, app.paths);
  const bare2 = await runLoad(bare.url, bare.paths);
  return {
    bare: mean(bare1, bare2),
    app: mean(app1, app2),
    note: `ABBA 4 × 10 s; app ${app1.requestsPerSecond}/${app2.requestsPerSecond} req/s p99 ${app1.p99Ms}/${app2.p99Ms} ms, bare ${bare1.requestsPerSecond}/${bare2.requestsPerSecond} req/s p99 ${bare1.p99Ms}/${bare2.p99Ms} ms`,
  };
};
