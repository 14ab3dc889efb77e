// The hooks every browser journey file starts with: a fresh server (own database) and Chromium before its tests,
// both closed after them.
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type TestBrowser } from '../../helpers/browser.js';
import { resetSecretariat, startE2eServer, type E2eServer } from '../test-server.js';

export type JourneyServer = { readonly server: E2eServer; readonly browser: TestBrowser };

/** Registers the hooks; the returned object gives the server and browser once `beforeAll` has run. */
export const useJourneyServer = (): JourneyServer => {
  let server: E2eServer | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    resetSecretariat(); // each file has its own database, so its own secretariat organisation
    server = await startE2eServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the journey's ${what} is not started yet (use it inside a hook or test)`);
    return value;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
};
