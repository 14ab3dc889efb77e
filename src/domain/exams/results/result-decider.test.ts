import { describe, expect, it } from 'vitest';
import { legalDate } from '../../../../rules/core/index.js';
import { createResultDecider, decideResult } from './result-decider.js';

const examDay = legalDate('2026-02-15');

describe('decideResult (level i: written 65, practical 60)', () => {
  it('passes when both parts reach their marks, exactly at the mark included', () => {
    const r = decideResult('i', examDay, { written: 65, practical: 60 });
    expect(r).toMatchObject({ outcome: 'pass', writtenOutcome: 'pass', practicalOutcome: 'pass' });
    expect(r.determination.trace.length).toBe(3);
  });
  it('fails a part one point under its mark', () => {
    expect(decideResult('i', examDay, { written: 64, practical: 90 })).toMatchObject({ outcome: 'fail', writtenOutcome: 'fail', practicalOutcome: 'pass' });
    expect(decideResult('i', examDay, { written: 90, practical: 59 })).toMatchObject({ outcome: 'fail', practicalOutcome: 'fail' });
  });
  it('is incomplete while a part is unscored, but a failed part already fails', () => {
    expect(decideResult('i', examDay, { written: 80 })).toMatchObject({ outcome: 'incomplete', writtenOutcome: 'pass', practicalOutcome: null });
    expect(decideResult('i', examDay, { written: 10 })).toMatchObject({ outcome: 'fail' });
  });
  it('level ii needs only the practical part', () => {
    expect(decideResult('ii', examDay, { practical: 60 })).toMatchObject({ outcome: 'pass' });
  });
});

describe('createResultDecider', () => {
  it('returns the same determination (same hash) for the same scores, different for others', () => {
    const decide = createResultDecider('i', examDay);
    const a = decide({ written: 70, practical: 70 });
    expect(decide({ written: 70, practical: 70 })).toBe(a);
    expect(decide({ written: 71, practical: 70 }).hash).not.toBe(a.hash);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
