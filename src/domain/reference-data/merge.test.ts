import { describe, expect, it } from 'vitest';
import { legalDate, parameterAt } from '../../../rules/core/index.js';
import { annualFeePerEstablishment } from '../../../rules/jaim-fees/index.js';
import { mergeParameter } from './merge.js';

const op = (from: string, value: number, certainty: 'official' | 'uncertain' = 'official') => ({ id: from, effectiveFrom: legalDate(from), value, certainty, sourceNote: '会費規程' });

describe('mergeParameter', () => {
  it('leaves the seeded versions before the first operator value and puts the operator value in force from its date', () => {
    const merged = mergeParameter(annualFeePerEstablishment, [op('2026-04-01', 120_000)]);
    expect(parameterAt(merged, legalDate('2026-03-31')).value).toBe(50_000);
    expect(parameterAt(merged, legalDate('2026-03-31')).status).toBe('example');
    expect(parameterAt(merged, legalDate('2026-04-01')).value).toBe(120_000);
    expect(parameterAt(merged, legalDate('2026-04-01')).status).toBe('official');
    expect(annualFeePerEstablishment.values).toHaveLength(2);
  });
  it('closes a seeded version the day before an operator value that starts inside it, and chains operator values', () => {
    const merged = mergeParameter(annualFeePerEstablishment, [op('2025-10-01', 60_000, 'uncertain'), op('2027-04-01', 130_000)]);
    expect(parameterAt(merged, legalDate('2025-09-30')).value).toBe(50_000);
    expect(parameterAt(merged, legalDate('2025-10-01'))).toMatchObject({ value: 60_000, status: 'uncertain' });
    expect(parameterAt(merged, legalDate('2027-03-31')).value).toBe(60_000);
    expect(parameterAt(merged, legalDate('2027-04-01')).value).toBe(130_000);
  });
});
