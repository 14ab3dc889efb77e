import { describe, expect, it } from 'vitest';
import { determine, isCompleteCitation, periodsOverlap } from '../core/index.js';
import { instrument } from './index.js';

// The registry-wide sweep and citation tests will cover this instrument once the lead registers it; until then the
// same checks run here on our own folder.

describe('skills-exam instrument (pre-registration checks)', () => {
  it('no rule or parameter has overlapping versions', () => {
    const periods = [...instrument.rules.map((r) => ({ id: r.id, ps: r.versions.map((v) => v.period) })), ...instrument.parameters.map((p) => ({ id: p.id, ps: p.values.map((v) => v.period) }))];
    const problems = periods.flatMap(({ id, ps }) => ps.flatMap((a, i) => ps.slice(i + 1).filter((b) => periodsOverlap(a, b)).map(() => id)));
    expect(problems).toEqual([]);
  });

  it('every rule version and parameter value has a complete citation and every rule version a ja/en summary', () => {
    for (const r of instrument.rules) {
      for (const v of r.versions) {
        expect(isCompleteCitation(v.citation)).toBe(true);
        expect(v.summary.ja.length * v.summary.en.length).toBeGreaterThan(0);
      }
    }
    for (const p of instrument.parameters) for (const v of p.values) expect(isCompleteCitation(v.citation)).toBe(true);
  });

  it('every determination example runs to a declared outcome', () => {
    for (const d of instrument.determinations) {
      const r = determine(d, d.example.facts, d.example.asOf);
      expect(d.outcomes).toContain(r.outcome);
    }
  });
});
