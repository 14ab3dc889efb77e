// Signing in through the real login form, and the TOTP step when the account has a second factor (staff).
import type { Page } from 'playwright-core';
import type { Journey } from '../../helpers/browser.js';
import { currentTotp } from '../test-server.js';

export type Credentials = { email: string; password: string; totpSecret?: string };

export type SignInOptions = {
  /** Scan and screenshot the login page (and the TOTP page when `totp` is named) as steps of this journey. */
  scan?: { journey: Journey; login: string; totp?: string };
  /** The code for the TOTP step; by default the code of the real clock (a server on a fixed clock passes its own). */
  code?: (totpSecret: string) => string;
};

/** Signs in from `/login?next=…` and waits until the browser lands on `next` (its path). */
export const signIn = async (page: Page, baseUrl: string, who: Credentials, next: string, options: SignInOptions = {}): Promise<void> => {
  const { scan, code = currentTotp } = options;
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  if (scan) await scan.journey.check(page, scan.login);
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await page.click('form[action="/login"] button[type="submit"]');
  if (who.totpSecret) {
    await page.waitForURL(/\/login\/totp/);
    if (scan?.totp) await scan.journey.check(page, scan.totp);
    await page.fill('#code', code(who.totpSecret));
    await page.click('form[action="/login/totp"] button[type="submit"]');
  }
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
};
