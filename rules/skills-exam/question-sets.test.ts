import { describe, expect, it } from 'vitest';
import { Evaluator, NotInForce, legalDate } from '../core/index.js';
import { questionSetSufficiency } from './question-sets.js';

const on = (d: string) => new Evaluator(legalDate(d));
const facts = (approvedSets: number) => ({ level: 'i' as const, category: 'kikai_kinzoku', approvedSets });

describe('support-project-spec (ア)(イ) question sets', () => {
  it('(ア) on 2025-09-01: six sets suffice, five do not', () => {
    const e = on('2025-09-01');
    expect(e.apply(questionSetSufficiency, facts(6))).toBe('sufficient');
    expect(e.apply(questionSetSufficiency, facts(5))).toBe('insufficient');
    expect(e.steps[0]?.citation).toBe('support-project-spec (ア)');
  });

  it('(ア) on 2025-03-31, 2025-04-01, 2025-04-02: in force for FY2025', () => {
    expect(() => on('2025-03-31').apply(questionSetSufficiency, facts(6))).toThrow(NotInForce);
    expect(on('2025-04-01').apply(questionSetSufficiency, facts(6))).toBe('sufficient');
    expect(on('2025-04-02').apply(questionSetSufficiency, facts(0))).toBe('insufficient');
  });

  it('(ア) on 2026-03-31 and 2026-04-01: ends with FY2025 (the next specification is not held)', () => {
    expect(on('2026-03-31').apply(questionSetSufficiency, facts(7))).toBe('sufficient');
    expect(() => on('2026-04-01').apply(questionSetSufficiency, facts(7))).toThrow(NotInForce);
  });
});
