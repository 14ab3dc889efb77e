import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderRulesCatalogue } from '../rules/catalogue.js';
import { INSTRUMENTS } from '../rules/registry.js';

const CATALOGUE = fileURLToPath(new URL('../docs/rules.md', import.meta.url));

describe('rules catalogue (docs/rules.md)', () => {
  it('the committed catalogue matches the generator (run `npm run rules:catalogue` when this fails)', () => {
    const committed = readFileSync(CATALOGUE, 'utf8');
    // Compare line by line first for a readable diff, then exactly.
    expect(committed.split('\n')).toEqual(renderRulesCatalogue().split('\n'));
    expect(committed).toBe(renderRulesCatalogue());
  });

  it('is deterministic', () => {
    expect(renderRulesCatalogue()).toBe(renderRulesCatalogue());
  });

  it('lists every instrument, rule, parameter and determination id', () => {
    const text = renderRulesCatalogue();
    for (const i of INSTRUMENTS) {
      expect(text).toContain(`Instrument \`${i.id}\``);
      for (const r of i.rules) expect(text).toContain(`#### \`${r.id}\``);
      for (const p of i.parameters) expect(text).toContain(`#### \`${p.id}\``);
      for (const d of i.determinations) expect(text).toContain(`#### \`${d.id}\``);
    }
  });

  it('shows citations, periods, both summaries and the worked example of the council instrument', () => {
    const text = renderRulesCatalogue();
    expect(text).toContain('`council-operating-rules art.10(4)(ii)`');
    expect(text).toContain('[2025-05-26, …)');
    expect(text).toContain('[2019-03-26, 2025-05-26)');
    expect(text).toContain('(inferred)');
    expect(text).toContain('#### `council-join`');
    expect(text).toContain('Example outcome: `accept`');
  });
});
