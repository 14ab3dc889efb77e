import { type LegalDate, ageOn } from '../../../rules/core/index.js';
import type { Level, Part } from '../../../rules/skills-exam/index.js';

// Skill-level statistics (support-project-spec (エ)): pass rates and score distributions by category, level,
// country/region, gender, age group on the exam day and career (months of work experience), alone or crossed.
// Groups smaller than `suppressBelow` keep their count but hide rates and distributions, so published tables do not
// single people out.

export type ResultRow = {
  readonly category: string;
  readonly level: Level;
  /** Nationality (ISO alpha-2). */
  readonly country: string;
  /** Region of residence as recorded (free code, e.g. "VN-HN" or "JP-13"); null when unknown. */
  readonly region: string | null;
  readonly gender: 'female' | 'male' | 'other' | 'unknown';
  readonly birthDate: LegalDate;
  readonly examDate: LegalDate;
  /** Months of work experience in manufacturing; null when not declared. */
  readonly experienceMonths: number | null;
  readonly passed: boolean;
  readonly scores: Readonly<Partial<Record<Part, number>>>;
};

export const DIMENSIONS = ['category', 'level', 'country', 'region', 'gender', 'ageGroup', 'career'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const AGE_GROUPS = ['under_20', '20_24', '25_29', '30_34', '35_39', '40_plus'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const ageGroupOf = (age: number): AgeGroup =>
  age < 20 ? 'under_20' : age < 25 ? '20_24' : age < 30 ? '25_29' : age < 35 ? '30_34' : age < 40 ? '35_39' : '40_plus';

export const CAREER_BUCKETS = ['none', 'under_1y', '1_3y', '3_5y', '5y_plus', 'unknown'] as const;
export type CareerBucket = (typeof CAREER_BUCKETS)[number];
/** 3 years matters: it is the experience the level (ii) route asks for. */
export const careerBucketOf = (months: number | null): CareerBucket =>
  months === null ? 'unknown' : months <= 0 ? 'none' : months < 12 ? 'under_1y' : months < 36 ? '1_3y' : months < 60 ? '3_5y' : '5y_plus';

const valueOf = (r: ResultRow, d: Dimension): string => {
  switch (d) {
    case 'ageGroup':
      return ageGroupOf(ageOn(r.birthDate, r.examDate));
    case 'career':
      return careerBucketOf(r.experienceMonths);
    case 'region':
      return r.region ?? 'unknown';
    default:
      return r[d];
  }
};

export type Distribution = {
  readonly count: number;
  readonly mean: number | null;
  /** P10 … P90 (nearest-rank). */
  readonly deciles: readonly number[] | null;
  /** Counts in the bands 0–9, 10–19, …, 90–100. */
  readonly bands: readonly number[];
};

export type GroupStats = {
  readonly key: Readonly<Partial<Record<Dimension, string>>>;
  readonly candidates: number;
  readonly passed: number | null;
  /** Passed ÷ candidates, 0…1 rounded to 4 places; null when suppressed. */
  readonly passRate: number | null;
  readonly scores: Readonly<Partial<Record<Part, Distribution | null>>>;
};

/** Nearest-rank percentile of an ascending array. */
export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;

export const distribution = (scores: number[]): Distribution => {
  const bands = new Array<number>(10).fill(0);
  if (scores.length === 0) return { count: 0, mean: null, deciles: null, bands };
  scores.sort((a, b) => a - b);
  let sum = 0;
  for (const s of scores) {
    sum += s;
    bands[Math.min(9, Math.floor(s / 10))]! += 1;
  }
  const deciles = [10, 20, 30, 40, 50, 60, 70, 80, 90].map((p) => percentile(scores, p));
  return { count: scores.length, mean: Math.round((sum / scores.length) * 10) / 10, deciles, bands };
};

const PARTS: readonly Part[] = ['written', 'practical'];

export const aggregate = (rows: readonly ResultRow[], by: readonly Dimension[], options: { suppressBelow?: number } = {}): GroupStats[] => {
  const suppress = options.suppressBelow ?? 0;
  const groups = new Map<string, { key: Partial<Record<Dimension, string>>; n: number; passed: number; scores: Record<Part, number[]> }>();
  for (const r of rows) {
    const values = by.map((d) => valueOf(r, d));
    const id = values.join('\u0000');
    let g = groups.get(id);
    if (!g) {
      const key: Partial<Record<Dimension, string>> = {};
      by.forEach((d, i) => (key[d] = values[i]!));
      g = { key, n: 0, passed: 0, scores: { written: [], practical: [] } };
      groups.set(id, g);
    }
    g.n += 1;
    if (r.passed) g.passed += 1;
    for (const p of PARTS) {
      const s = r.scores[p];
      if (s !== undefined) g.scores[p].push(s);
    }
  }
  return [...groups.values()]
    .map((g) => {
      const hidden = g.n < suppress;
      const scores: Partial<Record<Part, Distribution | null>> = {};
      for (const p of PARTS) if (g.scores[p].length > 0) scores[p] = hidden ? null : distribution(g.scores[p]);
      return { key: g.key, candidates: g.n, passed: hidden ? null : g.passed, passRate: hidden ? null : Math.round((g.passed / g.n) * 10_000) / 10_000, scores };
    })
    .sort((a, b) => {
      for (const d of by) {
        const c = (a.key[d] ?? '').localeCompare(b.key[d] ?? '');
        if (c !== 0) return c;
      }
      return 0;
    });
};

/** A cell that a spreadsheet would read as a formula is prefixed with ' (CSV injection). */
const cell = (v: string | number | null): string => {
  if (v === null) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV with a UTF-8 BOM (so Excel opens Japanese text correctly) and CRLF line ends. */
export const renderStatisticsCsv = (stats: readonly GroupStats[], by: readonly Dimension[]): string => {
  const header = [...by, 'candidates', 'passed', 'pass_rate', ...PARTS.flatMap((p) => [`${p}_count`, `${p}_mean`, ...[10, 20, 30, 40, 50, 60, 70, 80, 90].map((d) => `${p}_p${d}`)])];
  const lines = [header.join(',')];
  for (const s of stats) {
    const row: (string | number | null)[] = [...by.map((d) => s.key[d] ?? ''), s.candidates, s.passed, s.passRate];
    for (const p of PARTS) {
      const dist = s.scores[p];
      row.push(dist ? dist.count : null, dist ? dist.mean : null, ...(dist?.deciles ?? new Array<null>(9).fill(null)));
    }
    lines.push(row.map(cell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
};
