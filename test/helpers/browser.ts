// A real browser for the e2e journeys: Debian Chromium driven by playwright-core (never `playwright install`), with
// an axe scan and a full-page screenshot of every page visited.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type TestBrowser = { browser: Browser; newContext(options?: { locale?: string }): Promise<BrowserContext>; close(): Promise<void> };

/**
 * Launches Chromium with a fresh profile: playwright's launch() always starts the browser on a new temporary
 * user-data-dir (it refuses an explicit --user-data-dir) and deletes it on close.
 */
export const launchBrowser = async (): Promise<TestBrowser> => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  return {
    browser,
    newContext: (options = {}) => browser.newContext({ locale: options.locale ?? 'ja-JP', viewport: { width: 1280, height: 900 } }),
    close: async () => {
      await browser.close();
    },
  };
};

export type AxeViolation = { id: string; impact?: string | null; help: string; nodes: { target: unknown; failureSummary?: string }[] };

/** Every page of a journey is scanned with axe (WCAG 2.x A/AA rules) and saved as a numbered full-page screenshot. */
export class Journey {
  private n = 0;
  readonly dir: string;
  readonly visited: string[] = [];
  constructor(readonly name: string) {
    this.dir = join(process.cwd(), 'test-results', name);
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  /** Scans the page the browser is on now; throws listing every violation. */
  async check(page: Page, label: string): Promise<void> {
    this.n += 1;
    const file = join(this.dir, `${String(this.n).padStart(2, '0')}-${label.replace(/[^a-z0-9-]+/gi, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true });
    this.visited.push(`${label} ${new URL(page.url()).pathname}`);
    const results = await new AxeBuilder({ page }).analyze();
    const violations = results.violations as AxeViolation[];
    if (violations.length) {
      const detail = violations
        .map((v) => `  - ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((node) => `      ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`).join('\n')}`)
        .join('\n');
      throw new Error(`axe found ${violations.length} violation(s) on ${label} (${page.url()}):\n${detail}`);
    }
  }
}
