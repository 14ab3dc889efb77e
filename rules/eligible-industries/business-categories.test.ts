import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, NotInForce, legalDate } from '../core/index.js';
import { businessCategoriesOn, categoryJsicCombination, makeCategoryCombinationRule } from './business-categories.js';

describe('business categories (業務区分)', () => {
  it('before the 2022 consolidation (2022-07-31) the categories are not modelled', () => {
    expect(() => businessCategoriesOn(legalDate('2022-07-31'), 'ssw1')).toThrow(NotInForce);
  });
  it('2022-08-01 / 2022-08-02: three categories for SSW (i) and (ii)', () => {
    expect(businessCategoriesOn(legalDate('2022-08-01'), 'ssw1')).toHaveLength(3);
    expect(businessCategoriesOn(legalDate('2022-08-02'), 'ssw2')).toHaveLength(3);
  });
  it('2024-03-28 / 2024-03-29 / 2024-03-30: seven categories added for SSW (i) only', () => {
    expect(businessCategoriesOn(legalDate('2024-03-28'), 'ssw1')).toHaveLength(3);
    expect(businessCategoriesOn(legalDate('2024-03-29'), 'ssw1')).toHaveLength(10);
    expect(businessCategoriesOn(legalDate('2024-03-30'), 'ssw1')).toHaveLength(10);
    expect(businessCategoriesOn(legalDate('2024-03-30'), 'ssw2').map((c) => c.name)).toEqual(['機械金属加工', '電気電子機器組立て', '金属表面処理']);
  });
});

describe('category × JSIC combination', () => {
  it('on 2025-10-01: the unverified table gives NEEDS_REVIEW, mentioning the inference', () => {
    const e = new Evaluator(legalDate('2025-10-01'));
    expect(e.apply(categoryJsicCombination, { category: '印刷・製本', jsicCode: '1511', track: 'ssw1' })).toBe(NEEDS_REVIEW);
    expect(e.steps[0]?.used).toMatchObject({ inferred: 'expected' });
    expect(e.steps[0]?.parameters[0]?.status).toBe('uncertain');
  });
  it('on 2025-10-01: a category that does not exist for SSW (ii) is named as such', () => {
    expect(new Evaluator(legalDate('2025-10-01')).apply(categoryJsicCombination, { category: 'housei', jsicCode: '11', track: 'ssw2' })).toBe('unknown_category');
  });
  it('on 2025-10-01: a confirmed mapping decides', () => {
    const rule = makeCategoryCombinationRule([{ category: 'insatsu_seihon', jsicPrefixes: ['15'], confirmed: true }]);
    const e = new Evaluator(legalDate('2025-10-01'));
    expect(e.apply(rule, { category: 'insatsu_seihon', jsicCode: '1511', track: 'ssw1' })).toBe('expected');
    expect(e.apply(rule, { category: 'insatsu_seihon', jsicCode: '2464', track: 'ssw1' })).toBe('not_expected');
  });
});
