import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, NotInForce, legalDate } from '../core/index.js';
import { highlySkilledTalent } from './ii-2.js';
import type { TalentFacts } from './facts.js';

const on = (date = '2024-06-03') => new Evaluator(legalDate(date));
const engineer: TalentFacts = { statusCategory: 'engineer-humanities-international', jobKind: 'researcher-engineer', education: 'university-or-higher' };

describe('jetro-talent-package-guide II.2(1)', () => {
  it('II.2(1)①–③ on 2024-06-03: an engineer with a degree is highly skilled talent', () => {
    const e = on();
    expect(e.apply(highlySkilledTalent, engineer)).toBe('highly-skilled');
    expect(e.steps[0]?.citation).toBe('jetro-talent-package-guide II.2(1)');
    expect(e.steps[0]?.citations.map((c) => c.item)).toEqual([undefined, '①', '②', '③']);
  });
  it('II.2(1)① on 2024-06-03: SSW and technical interns are not; another professional status needs review ("原則")', () => {
    expect(on().apply(highlySkilledTalent, { ...engineer, statusCategory: 'specified-skilled-worker' })).toBe('not-highly-skilled');
    expect(on().apply(highlySkilledTalent, { ...engineer, statusCategory: 'technical-intern' })).toBe('not-highly-skilled');
    expect(on().apply(highlySkilledTalent, { ...engineer, statusCategory: 'other-professional-technical' })).toBe(NEEDS_REVIEW);
  });
  it('II.2(1)②③ on 2024-06-03: another job kind needs review; education below university level is not', () => {
    expect(on().apply(highlySkilledTalent, { ...engineer, jobKind: 'other' })).toBe(NEEDS_REVIEW);
    expect(on().apply(highlySkilledTalent, { ...engineer, education: 'equivalent' })).toBe('highly-skilled');
    expect(on().apply(highlySkilledTalent, { ...engineer, education: 'below' })).toBe('not-highly-skilled');
  });
  it('FY2024 only: 2024-03-31 and 2025-04-01 are not in force; 2024-04-01, 2024-04-02 and 2025-03-31 are', () => {
    for (const d of ['2024-03-31', '2025-04-01']) expect(() => on(d).apply(highlySkilledTalent, engineer)).toThrow(NotInForce);
    for (const d of ['2024-04-01', '2024-04-02', '2025-03-31']) expect(on(d).apply(highlySkilledTalent, engineer)).toBe('highly-skilled');
  });
});
