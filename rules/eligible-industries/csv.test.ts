import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, legalDate } from '../core/index.js';
import { makeJsicCoverageRule } from './coverage.js';
import { parseCsvRecords, parseEligibleIndustriesCsv, withNewList } from './csv.js';
import { SEEDED_LISTS } from './lists.js';

const CSV = [
  '\ufeffcode,level,name,ssw1,ssw2,exclusions,source,confidence',
  '11,中分類,繊維工業,yes,no,,https://example.invalid/kokuji,confirmed',
  '"25",中分類,"はん用機械器具製造業, 一部除く",yes,yes,2591,,',
  '0911,細分類,食料品,no,no,,,',
].join('\r\n');

describe('parseEligibleIndustriesCsv', () => {
  it('reads a valid file into a complete list in force from the effective date', () => {
    const { list, errors } = parseEligibleIndustriesCsv(CSV, legalDate('2026-04-01'));
    expect(errors).toEqual([]);
    expect(list?.period).toEqual({ from: '2026-04-01', to: null });
    expect(list?.complete).toEqual({ ssw1: true, ssw2: true });
    expect(list?.entries.map((e) => e.code)).toEqual(['11', '25', '0911']);
    expect(list?.entries[1]).toMatchObject({ name: 'はん用機械器具製造業, 一部除く', exclusions: ['2591'], ssw2: true, confidence: 'confirmed' });
  });
  it('reports each bad row with its line and column and keeps the good rows', () => {
    const bad = ['code,level,name,ssw1,ssw2', '11,中分類,繊維工業,yes,no', '123,中分類,x,yes,no', '15,中分類,,maybe,no', '11,中分類,dup,yes,no'].join('\n');
    const { list, errors } = parseEligibleIndustriesCsv(bad, legalDate('2026-04-01'));
    expect(list?.entries.map((e) => e.code)).toEqual(['11']);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'level'],
      [4, 'name'],
      [4, 'ssw1'],
      [5, 'code'],
    ]);
    expect(errors[0]?.message.ja).toContain('2桁');
  });
  it('rejects a file without the required columns', () => {
    const { list, errors } = parseEligibleIndustriesCsv('code,name\n11,繊維工業', legalDate('2026-04-01'));
    expect(list).toBeNull();
    expect(errors[0]?.message.en).toContain('level');
  });
  it('rejects exclusions that are not beneath the code', () => {
    const { errors } = parseEligibleIndustriesCsv('code,level,name,ssw1,ssw2,exclusions\n25,中分類,x,yes,yes,2922', legalDate('2026-04-01'));
    expect(errors[0]?.column).toBe('exclusions');
  });
  it('property: quoted fields round-trip through the CSV reader', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\n');
        expect(parseCsvRecords(text).map((r) => r.fields)).toEqual(rows);
      }),
    );
  });
});

describe('withNewList', () => {
  const loaded = parseEligibleIndustriesCsv(CSV, legalDate('2026-04-01')).list!;
  const lists = withNewList(SEEDED_LISTS, loaded);
  const rule = makeJsicCoverageRule(lists);
  const on = (d: string, code: string) => new Evaluator(legalDate(d)).apply(rule, { code, track: 'ssw1' });

  it('closes the current list the day the new one starts', () => {
    expect(lists.map((l) => [l.period.from, l.period.to])).toEqual([
      ['2019-04-01', '2024-09-30'],
      ['2024-09-30', '2026-04-01'],
      ['2026-04-01', null],
    ]);
  });
  it('2026-03-31: the old partial list still answers (0911 needs review)', () => {
    expect(on('2026-03-31', '0911')).toBe(NEEDS_REVIEW);
  });
  it('2026-04-01 / 2026-04-02: the loaded complete list answers (0911 no, 2591 excluded, 2511 yes)', () => {
    expect(on('2026-04-01', '0911')).toBe('not_eligible');
    expect(on('2026-04-02', '2591')).toBe('not_eligible');
    expect(on('2026-04-02', '2511')).toBe('eligible');
    expect(on('2026-04-02', '3011')).toBe('not_eligible');
  });
  it('loading again for the same day replaces the list; a list starting later is an error', () => {
    expect(withNewList(lists, { ...loaded, id: 'again' }).map((l) => l.id)).toEqual(['pre-2024-three-fields', 'current-partial-2024', 'again']);
    const earlier = parseEligibleIndustriesCsv(CSV, legalDate('2025-04-01')).list!;
    expect(() => withNewList(lists, earlier)).toThrow(RangeError);
  });
});
