import { createClamdScanner } from './clamd-scanner.js';

// Malware scanning behind an interface. In production clamd (ClamAV's daemon) scans each file over INSTREAM; where
// no clamd is configured the "not configured" scanner records files as unscanned — it never claims they are clean.
// Note: clamd is only as good as its signature database (freshclam needs the internet); in development and CI it
// runs, if at all, with a hand-made test signature only (stack-notes §1).

export type ScanResult =
  | { readonly status: 'clean'; readonly scanner: string }
  | { readonly status: 'infected'; readonly scanner: string; readonly signature: string }
  | { readonly status: 'unscanned'; readonly scanner: string; readonly reason: string }
  | { readonly status: 'error'; readonly scanner: string; readonly detail: string };

export interface Scanner {
  readonly name: string;
  scan(bytes: Uint8Array): Promise<ScanResult>;
}

/** Used when CLAMD_HOST is not set: files are accepted and marked unscanned. */
export const notConfiguredScanner: Scanner = {
  name: 'none',
  scan: async () => ({ status: 'unscanned', scanner: 'none', reason: 'no malware scanner is configured (CLAMD_HOST unset)' }),
};

/** The scanner for the configuration (`config.clamd`). */
export const scannerFor = (clamd: { host: string; port: number } | undefined): Scanner => (clamd ? createClamdScanner(clamd) : notConfiguredScanner);
