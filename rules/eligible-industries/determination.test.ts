import { describe, expect, it } from 'vitest';
import { FactsInvalid, NEEDS_REVIEW, NotInForce, determine } from '../core/index.js';
import { jsicEligibilityDetermination } from './determination.js';

describe('jsic-eligibility determination', () => {
  it('runs its worked example', () => {
    const { asOf, facts } = jsicEligibilityDetermination.example;
    const d = determine(jsicEligibilityDetermination, facts, asOf);
    expect(d.outcome).toBe('eligible');
    expect(d.trace).toHaveLength(2);
  });
  it('on 2025-10-01: one unconfirmed code makes the whole answer needs_review', () => {
    expect(determine(jsicEligibilityDetermination, { jsicCodes: ['15', '141'] }, '2025-10-01').outcome).toBe(NEEDS_REVIEW);
  });
  it('on 2023-01-10: a code off the complete pre-2024 list makes it not eligible', () => {
    const d = determine(jsicEligibilityDetermination, { jsicCodes: ['2194', '0911'] }, '2023-01-10');
    expect(d.outcome).toBe('not_eligible');
    expect(d.reasons[0]?.ja).toContain('0911');
  });
  it('rejects malformed codes as invalid facts and dates before 2019-04-01 as not in force', () => {
    expect(() => determine(jsicEligibilityDetermination, { jsicCodes: ['x'] }, '2025-10-01')).toThrow(FactsInvalid);
    expect(() => determine(jsicEligibilityDetermination, { jsicCodes: ['2194'] }, '2019-03-31')).toThrow(NotInForce);
  });
});
