import { describe, expect, it } from 'vitest';
import { NotInForce, legalDate, parameterAt } from '../core/index.js';
import { BUSINESS_CATEGORIES } from '../eligible-industries/business-categories.js';
import { EXAM_CATEGORIES, EXAM_PARAMETERS, EXAM_PARTS, MINIMUM_AGE, MIN_QUESTION_SETS, PASS_MARKS_LEVEL_I, PASS_MARKS_LEVEL_II } from './params.js';

const at = <T>(p: Parameters<typeof parameterAt<T>>[0], d: string) => parameterAt(p, legalDate(d)).value;
const levelCount = (d: string, level: 'i' | 'ii') => at(EXAM_CATEGORIES, d).filter((c) => c.levels.includes(level)).length;

describe('skills-exam parameters', () => {
  it('pass-criteria level (i) on 2019-03-31, 2019-04-01, 2019-04-02: written 65, practical 60 from the SSW start', () => {
    expect(() => at(PASS_MARKS_LEVEL_I, '2019-03-31')).toThrow(NotInForce);
    expect(at(PASS_MARKS_LEVEL_I, '2019-04-01')).toEqual({ written: 65, practical: 60 });
    expect(at(PASS_MARKS_LEVEL_I, '2019-04-02')).toEqual({ written: 65, practical: 60 });
  });

  it('pass-criteria level (ii) on 2023-08-30, 2023-08-31, 2023-09-01: 60 % from the level (ii) start', () => {
    expect(() => at(PASS_MARKS_LEVEL_II, '2023-08-30')).toThrow(NotInForce);
    expect(at(PASS_MARKS_LEVEL_II, '2023-08-31')).toEqual({ written: 60, practical: 60 });
    expect(at(PASS_MARKS_LEVEL_II, '2023-09-01').practical).toBe(60);
  });

  it('exam parts on 2023-08-30, 2023-08-31, 2023-09-01: level (ii) practical only (inferred) from its start', () => {
    expect(at(EXAM_PARTS, '2023-08-30')).toEqual({ i: ['written', 'practical'], ii: [] });
    expect(at(EXAM_PARTS, '2023-08-31').ii).toEqual(['practical']);
    expect(at(EXAM_PARTS, '2023-09-01').ii).toEqual(['practical']);
    expect(parameterAt(EXAM_PARTS, legalDate('2023-08-31')).status).toBe('inferred');
  });

  it('eligibility on 2025-06-01: minimum age 17, Indonesia 18, marked secondary', () => {
    const v = parameterAt(MINIMUM_AGE, legalDate('2025-06-01'));
    expect(v.value).toEqual({ general: 17, byNationality: { ID: 18 } });
    expect(v.status).toBe('secondary');
    expect(v.citation.confidence).toBe('secondary');
  });

  it('categories on 2022-07-31, 2022-08-01, 2022-08-02: three level (i) categories from the consolidation', () => {
    expect(() => at(EXAM_CATEGORIES, '2022-07-31')).toThrow(NotInForce);
    expect(levelCount('2022-08-01', 'i')).toBe(3);
    expect(levelCount('2022-08-02', 'ii')).toBe(0);
  });

  it('categories on 2023-08-30, 2023-08-31, 2023-09-01: level (ii) gets the three categories', () => {
    expect(levelCount('2023-08-30', 'ii')).toBe(0);
    expect(levelCount('2023-08-31', 'ii')).toBe(3);
    expect(levelCount('2023-09-01', 'ii')).toBe(3);
  });

  it('categories on 2024-03-28, 2024-03-29, 2024-03-30: ten level (i) and three level (ii) from the Cabinet decision', () => {
    expect(levelCount('2024-03-28', 'i')).toBe(3);
    expect(levelCount('2024-03-29', 'i')).toBe(10);
    expect(levelCount('2024-03-30', 'i')).toBe(10);
    expect(levelCount('2024-03-30', 'ii')).toBe(3);
  });

  it('the seven 2024 categories are marked: exam start uncertain', () => {
    const added = at(EXAM_CATEGORIES, '2025-06-01').filter((c) => c.since === '2024-03-29');
    expect(added).toHaveLength(7);
    for (const c of added) {
      expect(c.sinceStatus).toBe('uncertain');
      expect(c.note).toMatch(/不明/);
      expect(c.levels).toEqual(['i']);
    }
  });

  it('category ids match the business categories of eligible-industries on 2025-06-01', () => {
    const ours = at(EXAM_CATEGORIES, '2025-06-01').map((c) => c.id).sort();
    const theirs = at(BUSINESS_CATEGORIES, '2025-06-01').map((c) => c.id).sort();
    expect(ours).toEqual(theirs);
  });

  it('(ア) question sets on 2025-03-31, 2025-04-01, 2025-04-02 and 2026-04-01: six, FY2025 only', () => {
    expect(() => at(MIN_QUESTION_SETS, '2025-03-31')).toThrow(NotInForce);
    expect(at(MIN_QUESTION_SETS, '2025-04-01')).toBe(6);
    expect(at(MIN_QUESTION_SETS, '2025-04-02')).toBe(6);
    expect(at(MIN_QUESTION_SETS, '2026-03-31')).toBe(6);
    expect(() => at(MIN_QUESTION_SETS, '2026-04-01')).toThrow(NotInForce);
  });

  it('every value not from a source we hold is marked and has a note', () => {
    for (const p of EXAM_PARAMETERS) {
      for (const v of p.values) {
        expect(v.note?.length).toBeGreaterThan(0);
        if (v.citation.document === 'exam-implementation-guidelines') {
          expect(v.citation.confidence).toBe('secondary');
          expect(v.status).not.toBe('official');
        }
      }
    }
  });
});
