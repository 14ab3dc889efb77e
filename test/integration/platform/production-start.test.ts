import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPglite } from '../../../src/persistence/drivers/pglite.js';
import { preparePgliteTemplate } from '../../helpers/test-database.js';

// `npm start` runs a prebuilt bundle (scripts/start.mjs), not the sources the other tests load through tsx. This
// runs the same command for real on its own embedded database and checks what a bundle gets wrong first: files found
// relative to the source tree (migrations, views, locales, public/, the design tokens package) and graceful shutdown.
// Always on the embedded database, whichever database the rest of the suite runs on.

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The command line of package.json's "start" script, run without npm so the test sees the server's own exit. */
const startCommand = (): string[] => {
  const line: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start;
  expect(line, 'the start script is one plain command').toMatch(/^[\w./@=-]+( [\w./@=-]+)*$/);
  return line.split(' ');
};

/**
 * A migrated embedded database in <dataDir>/pglite, from the suite's PGlite template (made once and kept in .tmp/).
 * Creating one from nothing (initdb) takes many seconds on a busy machine and is not what is tested here; start-up
 * still checks every migration file against it, so the migrations must be found from the bundle.
 */
const seedEmbeddedDatabase = async (dataDir: string): Promise<void> => {
  const template = new Blob([new Uint8Array(readFileSync(await preparePgliteTemplate()))]);
  const onDisk = await createPglite({ dataDir: join(dataDir, 'pglite'), loadDataDir: template });
  await onDisk.close();
};

const locale = (lang: string): { skipLink: string; home: { title: string } } =>
  JSON.parse(readFileSync(join(root, 'src/locales', lang, 'common.json'), 'utf8'));

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

const waitForReady = async (url: string, child: ChildProcess, output: () => string): Promise<number> => {
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) return res.status;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server did not become ready within 40 s:\n${output()}`);
};

describe('the npm start command (the production start path)', () => {
  let dataDir: string;
  let child: ChildProcess;
  let url: string;
  let stdout = '';
  let stderr = '';
  let readyStatus: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jinzai-start-'));
    await seedEmbeddedDatabase(dataDir);
    const [command, ...args] = startCommand();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    delete env.DATABASE_URL; // the embedded database, as after `npm ci && npm start`
    delete env.DEMO_DATA; // the default: demo logins on a fresh embedded development database
    child = spawn(command!, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    readyStatus = await waitForReady(url, child, () => stdout + stderr);
  }, 60_000);

  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the bundle, not the sources, and is ready on a freshly migrated embedded database', () => {
    expect(readyStatus).toBe(200);
    expect(stderr).not.toContain('running from the sources');
    expect(stdout).toContain('Jinzai is listening');
  });

  it('prints the demo logins on first start', () => {
    expect(stdout).toContain('Demo data loaded (development only)');
    expect(stdout).toMatch(/secretariat_admin\s+\S+@demo\.jinzai\.invalid\s+\S+\s+TOTP secret: [A-Z2-7]+/);
  });

  it('renders a Japanese page through its template and the English one after ?lang=en', async () => {
    const ja = await fetch(`${url}/`);
    expect(ja.status).toBe(200);
    const jaHtml = await ja.text();
    expect(jaHtml).toContain('<html lang="ja">');
    expect(jaHtml).toContain(locale('ja').skipLink); // from layout.njk
    expect(jaHtml).toContain(`<h1>${locale('ja').home.title}</h1>`); // from pages/home.njk

    const en = await fetch(`${url}/?lang=en`);
    const enHtml = await en.text();
    expect(enHtml).toContain('<html lang="en">');
    expect(enHtml).toContain(`<h1>${locale('en').home.title}</h1>`);
    expect(en.headers.get('set-cookie')).toContain('lang=en');
  });

  it('reads the database through the migrated schema', async () => {
    const res = await fetch(`${url}/roster`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<html lang="ja">');
  });

  it('serves the design tokens from the installed package and the files in public/', async () => {
    const tokens = await fetch(`${url}/assets/tokens.css`);
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get('content-type')).toContain('text/css');
    const installed = createRequire(import.meta.url).resolve('@digital-go-jp/design-tokens/dist/tokens.css');
    expect(await tokens.text()).toBe(readFileSync(installed, 'utf8'));

    const appCss = await fetch(`${url}/assets/app.css`);
    expect(appCss.status).toBe(200);
    expect(await appCss.text()).toBe(readFileSync(join(root, 'public/app.css'), 'utf8'));
  });

  // The bundle holds most packages; a few stay in node_modules (scripts/build-server.mjs). Each is first loaded by one
  // of these requests, so a package that breaks when bundled, or an external one that cannot be found, fails here.
  it('exports the roster as Shift_JIS CSV and as PDF (iconv-lite bundled; pdf-lib and fontkit loaded on first use)', async () => {
    const csv = await fetch(`${url}/roster/export.csv?encoding=sjis`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('Shift_JIS');
    const header = new TextDecoder('shift_jis').decode(new Uint8Array(await csv.arrayBuffer())).split('\n')[0] ?? '';
    expect(header).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/); // Japanese column names survived the round trip

    const pdf = await fetch(`${url}/roster/export.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('publishes the OpenAPI document (@fastify/swagger from node_modules)', async () => {
    const res = await fetch(`${url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/v1/roster/snapshots');
  });

  it('signs a demo user in (form body, CSRF cookie, argon2 from node_modules, session)', async () => {
    const credentials = /^\s+company_admin \([^)]*\)\s+(\S+@demo\.jinzai\.invalid)\s+(\S+)/m.exec(stdout);
    expect(credentials, 'the demo logins list a company administrator').not.toBeNull();
    const form = await fetch(`${url}/login`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
    const cookies = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect(csrf).toBeTruthy();
    const res = await fetch(`${url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
      body: new URLSearchParams({ _csrf: csrf!, email: credentials![1]!, password: credentials![2]! }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().join('\n')).toMatch(/HttpOnly/i);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    child.kill('SIGTERM'); // as a service manager stops it
    const { code, signal } = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(stdout).toContain('shutting down');
    await expect(fetch(`${url}/readyz`)).rejects.toThrow();
  });
});
