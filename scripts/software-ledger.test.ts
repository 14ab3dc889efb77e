import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSoftwareLedger } from './software-ledger.js';

describe('software ledger', () => {
  it('docs/software-ledger.md matches package-lock.json (run `npm run ledger` after changing dependencies)', () => {
    expect(readFileSync('docs/software-ledger.md', 'utf8')).toBe(renderSoftwareLedger());
  });
});
