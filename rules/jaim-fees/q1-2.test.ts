import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, NotInForce, legalDate } from '../core/index.js';
import { adjacentPlantsAsOne } from './q1-2.js';

describe('jaim-membership-faq Q1-2-4: adjacent plants', () => {
  it('Q1-2-4 on 2026-09-01: two adjacent plants claimed as one establishment need review', () => {
    const e = new Evaluator(legalDate('2026-09-01'));
    const r = e.applyFull(adjacentPlantsAsOne, { establishmentId: 'honsha', plantsCombined: 2 });
    expect(r.outcome).toBe(NEEDS_REVIEW);
    expect(r.message.en).toContain('judgement');
    expect(e.steps[0]?.citation).toBe('jaim-membership-faq Q1-2-4');
  });

  it('Q1-2-4 on 2026-09-01: a single plant is simply one establishment', () => {
    expect(new Evaluator(legalDate('2026-09-01')).apply(adjacentPlantsAsOne, { establishmentId: 'a', plantsCombined: 1 })).toBe('single-plant');
  });

  it('Q1-2-4 on 2025-06-24 is not in force; on 2025-06-25 and 2025-06-26 it applies', () => {
    expect(() => new Evaluator(legalDate('2025-06-24')).apply(adjacentPlantsAsOne, { establishmentId: 'a', plantsCombined: 1 })).toThrow(NotInForce);
    for (const day of ['2025-06-25', '2025-06-26']) {
      expect(new Evaluator(legalDate(day)).apply(adjacentPlantsAsOne, { establishmentId: 'a', plantsCombined: 2 })).toBe(NEEDS_REVIEW);
    }
  });
});
