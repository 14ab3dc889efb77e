import { describe, expect, it } from 'vitest';
import { legalDate } from '../../../rules/core/index.js';
import { type ResultRow, ageGroupOf, aggregate, careerBucketOf, distribution, percentile, renderStatisticsCsv } from './statistics.js';

const row = (over: Partial<ResultRow> = {}): ResultRow => ({
  category: 'kikai_kinzoku',
  level: 'i',
  country: 'VN',
  region: 'VN-HN',
  gender: 'male',
  birthDate: legalDate('2000-06-01'),
  examDate: legalDate('2026-02-15'),
  experienceMonths: 24,
  passed: true,
  scores: { written: 70, practical: 65 },
  ...over,
});

describe('exam statistics', () => {
  it('age groups on the exam day: 19 / 20 / 24 / 25 / 39 / 40', () => {
    expect([19, 20, 24, 25, 39, 40].map(ageGroupOf)).toEqual(['under_20', '20_24', '20_24', '25_29', '35_39', '40_plus']);
  });

  it('career buckets by months: none, under a year, 1–3, 3–5, 5+, unknown', () => {
    expect([0, 11, 12, 35, 36, 59, 60, null].map(careerBucketOf)).toEqual(['none', 'under_1y', '1_3y', '1_3y', '3_5y', '3_5y', '5y_plus', 'unknown']);
  });

  it('deciles (nearest rank) and bands', () => {
    const d = distribution(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(d.deciles).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(d.bands).toEqual([9, 10, 10, 10, 10, 10, 10, 10, 10, 11]);
    expect(d.mean).toBe(50.5);
    expect(percentile([5], 90)).toBe(5);
    expect(distribution([])).toEqual({ count: 0, mean: null, deciles: null, bands: new Array(10).fill(0) });
  });

  it('pass rates by country and age group (age taken on the exam day, birthday that day counts)', () => {
    const rows = [
      row({ country: 'VN', birthDate: legalDate('2006-02-15'), passed: true }), // 20 on the exam day
      row({ country: 'VN', birthDate: legalDate('2006-02-16'), passed: false }), // 19
      row({ country: 'ID', passed: false }),
      row({ country: 'ID', passed: true }),
      row({ country: 'ID', passed: true }),
    ];
    const byCountry = aggregate(rows, ['country']);
    expect(byCountry.map((g) => [g.key.country, g.candidates, g.passed, g.passRate])).toEqual([
      ['ID', 3, 2, 0.6667],
      ['VN', 2, 1, 0.5],
    ]);
    const byAge = aggregate(rows, ['ageGroup']);
    expect(byAge.map((g) => [g.key.ageGroup, g.candidates])).toEqual([
      ['20_24', 1],
      ['25_29', 3],
      ['under_20', 1],
    ]);
  });

  it('crossed dimensions and small-group suppression', () => {
    const rows = [row({ gender: 'female' }), row({ gender: 'female', passed: false, scores: { written: 50 } }), row({ gender: 'male' })];
    const stats = aggregate(rows, ['level', 'gender'], { suppressBelow: 2 });
    expect(stats[0]).toMatchObject({ key: { level: 'i', gender: 'female' }, candidates: 2, passed: 1, passRate: 0.5 });
    expect(stats[0]?.scores.written?.count).toBe(2);
    expect(stats[0]?.scores.practical?.count).toBe(1);
    expect(stats[1]).toMatchObject({ key: { level: 'i', gender: 'male' }, candidates: 1, passed: null, passRate: null, scores: { written: null, practical: null } });
  });

  it('region and career dimensions; unknown region is its own group', () => {
    const stats = aggregate([row({ region: null, experienceMonths: null }), row()], ['region', 'career']);
    expect(stats.map((s) => s.key)).toEqual([{ region: 'unknown', career: 'unknown' }, { region: 'VN-HN', career: '1_3y' }]);
  });

  it('CSV: UTF-8 BOM, CRLF, header, suppressed cells empty, formula-looking values neutralised', () => {
    const stats = aggregate([row({ category: '=HYPERLINK("x")' }), row({ category: '機械金属加工' })], ['category']);
    const csv = renderStatisticsCsv(stats, ['category']);
    expect(csv.startsWith('\uFEFFcategory,candidates,passed,pass_rate,written_count,written_mean,written_p10')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""x""\)",1,1,1,1,70,70/);
    expect(lines[2]).toMatch(/^機械金属加工,1,1,1,/);
    const hidden = renderStatisticsCsv(aggregate([row()], ['country'], { suppressBelow: 5 }), ['country']);
    // 26 columns: country, candidates, then 24 empty cells (passed, rate and 11 per part).
    expect(hidden.split('\r\n')[1]).toBe(`VN,1${','.repeat(24)}`);
  });

  it('aggregates 100,000 rows by three dimensions quickly', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => row({ country: ['VN', 'ID', 'PH', 'MM'][i % 4]!, passed: i % 3 !== 0, scores: { written: i % 101, practical: (i * 7) % 101 } }));
    const started = performance.now();
    const stats = aggregate(rows, ['country', 'ageGroup', 'career']);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(stats.reduce((n, s) => n + s.candidates, 0)).toBe(100_000);
  });
});
