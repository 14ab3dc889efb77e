import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, NotInForce, legalDate } from '../core/index.js';
import { coverageOn, jsicCoverage } from './coverage.js';
import { CURRENT_PARTIAL_LIST, PRE_2024_LIST, SEEDED_LISTS } from './lists.js';

const on = (date: string, code: string, track: 'ssw1' | 'ssw2' = 'ssw1') => new Evaluator(legalDate(date)).apply(jsicCoverage, { code, track });

describe('eligible-industries seeded lists', () => {
  it('the lists follow each other without gap or overlap', () => {
    expect(SEEDED_LISTS.map((l) => [l.period.from, l.period.to])).toEqual([
      ['2019-04-01', '2024-09-30'],
      ['2024-09-30', null],
    ]);
  });
  it('every entry has a code whose digits match its level and exclusions beneath it', () => {
    for (const list of SEEDED_LISTS) {
      for (const e of list.entries) {
        expect(e.code.length, e.code).toBe({ 中分類: 2, 小分類: 3, 細分類: 4 }[e.level]);
        for (const x of e.exclusions) expect(x.startsWith(e.code)).toBe(true);
      }
      expect(new Set(list.entries.map((e) => e.code)).size).toBe(list.entries.length);
    }
  });
  it('the current list is marked partial, with the official counts', () => {
    expect(CURRENT_PARTIAL_LIST.complete).toEqual({ ssw1: false, ssw2: false });
    expect(CURRENT_PARTIAL_LIST.officialCount).toEqual({ ssw1: 49, ssw2: 19 });
  });
});

describe('jsicCoverage (上乗せ基準告示 art.2(1), pre-2024 list)', () => {
  it('before the SSW system (2019-03-31) the rule is not in force', () => {
    expect(() => on('2019-03-31', '2194')).toThrow(NotInForce);
  });
  it('on 2019-04-01 and 2019-04-02: a listed 細分類 (2194) is eligible for SSW (i)', () => {
    expect(on('2019-04-01', '2194')).toBe('eligible');
    expect(on('2019-04-02', '2194')).toBe('eligible');
  });
  it('on 2023-01-10: a 小分類 (225) covers the 細分類 beneath it (2251)', () => {
    expect(on('2023-01-10', '2251')).toBe('eligible');
    expect(on('2023-01-10', '225')).toBe('eligible');
  });
  it('on 2023-01-10: a 中分類 (29) covers 2911 but not its exclusion 2922', () => {
    expect(on('2023-01-10', '2911')).toBe('eligible');
    expect(on('2023-01-10', '2922')).toBe('not_eligible');
  });
  it('on 2023-01-10: the 中分類 25 itself needs review because 2591 beneath it is excluded', () => {
    expect(on('2023-01-10', '25')).toBe(NEEDS_REVIEW);
    expect(on('2023-01-10', '2591')).toBe('not_eligible');
    expect(on('2023-01-10', '2534')).toBe('eligible');
  });
  it('on 2023-01-10: a 中分類 only partly listed (24) needs review; an unlisted code (0911) is not eligible', () => {
    expect(on('2023-01-10', '24')).toBe(NEEDS_REVIEW);
    expect(on('2023-01-10', '0911')).toBe('not_eligible');
    expect(on('2023-01-10', '11')).toBe('not_eligible');
  });
  it('on 2023-01-10: SSW (ii) answers need review (the 19-item list was not retrieved)', () => {
    expect(on('2023-01-10', '2194', 'ssw2')).toBe(NEEDS_REVIEW);
    expect(on('2023-01-10', '0911', 'ssw2')).toBe(NEEDS_REVIEW);
  });
  it('2024-03-28 / 2024-03-29 / 2024-03-30: from the Cabinet decision an unlisted code is no longer a plain "no"', () => {
    expect(on('2024-03-28', '11')).toBe('not_eligible');
    expect(on('2024-03-29', '11')).toBe(NEEDS_REVIEW);
    expect(on('2024-03-30', '11')).toBe(NEEDS_REVIEW);
    expect(on('2024-03-29', '2194')).toBe('eligible');
  });
  it('a malformed code needs review and says why', () => {
    const e = new Evaluator(legalDate('2023-01-10'));
    expect(e.apply(jsicCoverage, { code: '1', track: 'ssw1' })).toBe(NEEDS_REVIEW);
    expect(e.steps[0]?.message.en).toContain('2–4 digits');
  });
});

describe('jsicCoverage (上乗せ基準告示 art.2(1), current partial list)', () => {
  it('2024-09-29 / 2024-09-30 / 2024-10-01: the current list takes over (JSIC 15 becomes eligible)', () => {
    expect(on('2024-09-29', '15')).toBe(NEEDS_REVIEW);
    expect(on('2024-09-30', '15')).toBe('eligible');
    expect(on('2024-10-01', '1511')).toBe('eligible');
  });
  it('on 2025-10-01: confirmed entries decide (11, 15, 18, 2464, 484)', () => {
    for (const code of ['11', '1111', '15', '18', '2464', '484', '4841']) expect(on('2025-10-01', code), code).toBe('eligible');
  });
  it('on 2025-10-01: confirmed "not for SSW (ii)" is a no (JSIC 11 on SSW ii)', () => {
    expect(on('2025-10-01', '11', 'ssw2')).toBe('not_eligible');
  });
  it('on 2025-10-01: secondary, inferred and unresolved entries need review with the reason', () => {
    const e = new Evaluator(legalDate('2025-10-01'));
    expect(e.apply(jsicCoverage, { code: '141', track: 'ssw1' })).toBe(NEEDS_REVIEW);
    expect(e.steps[0]?.message.en).toContain('secondary');
    expect(e.apply(jsicCoverage, { code: '2194', track: 'ssw1' })).toBe(NEEDS_REVIEW);
    expect(e.steps[1]?.message.en).toContain('inferred');
    expect(e.apply(jsicCoverage, { code: '1453', track: 'ssw1' })).toBe(NEEDS_REVIEW);
  });
  it('on 2025-10-01: a code missing from the partial list is never a silent no', () => {
    const e = new Evaluator(legalDate('2025-10-01'));
    expect(e.apply(jsicCoverage, { code: '0911', track: 'ssw1' })).toBe(NEEDS_REVIEW);
    expect(e.steps[0]?.message.ja).toContain('49');
    expect(e.steps[0]?.citation).toBe('uwanose-kokuji art.2(1)');
  });
  it('results are shared and frozen (computed once per list, code and track)', () => {
    const a = coverageOn(PRE_2024_LIST, '2194', 'ssw1', legalDate('2020-01-01'));
    const b = coverageOn(PRE_2024_LIST, '2194', 'ssw1', legalDate('2021-01-01'));
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
  });
});
