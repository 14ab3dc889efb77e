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
