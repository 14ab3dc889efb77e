// Writes docs/rules.md from the rules registry. `--check` only compares and exits 1 when the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRulesCatalogue } from '../rules/catalogue.js';

export const CATALOGUE_PATH = fileURLToPath(new URL('../docs/rules.md', import.meta.url));

const readOrEmpty = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

const main = (): void => {
  const text = renderRulesCatalogue();
  if (process.argv.includes('--check')) {
    if (readOrEmpty(CATALOGUE_PATH) !== text) {
      process.stderr.write('docs/rules.md is stale: run `npm run rules:catalogue`.\n');
      process.exit(1);
    }
    process.stdout.write('docs/rules.md is up to date.\n');
    return;
  }
  writeFileSync(CATALOGUE_PATH, text, 'utf8');
  process.stdout.write(`Wrote ${CATALOGUE_PATH} (${text.length} characters).\n`);
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
