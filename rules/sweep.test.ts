import { describe, expect, it } from 'vitest';
import { type LegalDate, type Period, addDays, legalDate, period, periodContains } from './core/index.js';
import { INSTRUMENTS } from './registry.js';

// For every rule and parameter: on each day of the sweep window at most one version is in force (no overlap), and
// between the first version's start and the last version's end every day is covered (no gap). Checked two ways:
// at every version boundary (exact, fast) and by walking every day of the window (a cross-check; ~4,000 days).

const WINDOW_FROM = legalDate('2019-04-01');
const WINDOW_TO = legalDate('2030-03-31'); // last day checked

type Dated = { readonly id: string; readonly periods: readonly Period[] };

const subjects = (): Dated[] =>
  INSTRUMENTS.flatMap((i) => [
    ...i.rules.map((r) => ({ id: `rule ${r.id}`, periods: r.versions.map((v) => v.period) })),
    ...i.parameters.map((p) => ({ id: `parameter ${p.id}`, periods: p.values.map((v) => v.period) })),
  ]);

const countOn = (periods: readonly Period[], day: LegalDate): number => {
  let n = 0;
  for (const p of periods) if (periodContains(p, day)) n += 1;
  return n;
};

/** Days where coverage may change: the window start and every version's start and end inside the window. */
const boundaryProblems = (s: Dated): string[] => {
  if (s.periods.length === 0) return [`${s.id}: no versions`];
  const first = s.periods.reduce((a, p) => (p.from < a ? p.from : a), s.periods[0]!.from);
  const ends = s.periods.map((p) => p.to);
  const last = ends.includes(null) ? null : ends.reduce<LegalDate>((a, t) => (t! > a ? t! : a), ends[0]!);
  const points = new Set<LegalDate>([WINDOW_FROM]);
  for (const p of s.periods) {
    points.add(p.from);
    if (p.to) points.add(p.to);
  }
  const problems: string[] = [];
  for (const day of [...points].sort()) {
    if (day < WINDOW_FROM || day > WINDOW_TO) continue;
    const n = countOn(s.periods, day);
    if (n > 1) problems.push(`${s.id}: ${n} versions overlap from ${day}`);
    const covered = day >= first && (last === null || day < last);
    if (covered && n === 0) problems.push(`${s.id}: gap from ${day}`);
  }
  return problems;
};

const dailyProblems = (s: Dated, days: readonly LegalDate[]): string[] => {
  if (s.periods.length === 0) return [`${s.id}: no versions`];
  const first = s.periods.reduce((a, p) => (p.from < a ? p.from : a), s.periods[0]!.from);
  const ends = s.periods.map((p) => p.to);
  const last = ends.includes(null) ? null : ends.reduce<LegalDate>((a, t) => (t! > a ? t! : a), ends[0]!);
  const problems: string[] = [];
  let previous = 'ok';
  for (const day of days) {
    const n = countOn(s.periods, day);
    const state = n > 1 ? 'overlap' : n === 0 && day >= first && (last === null || day < last) ? 'gap' : 'ok';
    if (state !== 'ok' && state !== previous) problems.push(`${s.id}: ${state === 'overlap' ? `${n} versions overlap` : 'gap'} from ${day}`);
    previous = state;
  }
  return problems;
};

const windowDays = (): LegalDate[] => {
  const days: LegalDate[] = [];
  for (let d = WINDOW_FROM; d <= WINDOW_TO; d = addDays(d, 1)) days.push(d);
  return days;
};

describe('sweep: versions neither overlap nor leave gaps (2019-04-01 … 2030-03-31)', () => {
  it('the window has every day once', () => {
    const days = windowDays();
    expect(days[0]).toBe('2019-04-01');
    expect(days.at(-1)).toBe('2030-03-31');
    expect(days).toHaveLength(4018);
  });

  it('the registry has rules to sweep', () => {
    expect(subjects().length).toBeGreaterThan(0);
  });

  it('at every version boundary: no overlap, no gap', () => {
    expect(subjects().flatMap(boundaryProblems)).toEqual([]);
  });

  it('on every day of the window: no overlap, no gap', () => {
    const days = windowDays();
    expect(subjects().flatMap((s) => dailyProblems(s, days))).toEqual([]);
  });
});

describe('the sweep itself can fail', () => {
  const days = windowDays();
  const check = (periods: Period[]) => ({ boundary: boundaryProblems({ id: 'x', periods }), daily: dailyProblems({ id: 'x', periods }, days) });

  it('accepts adjacent half-open versions', () => {
    expect(check([period('2019-03-26', '2025-05-26'), period('2025-05-26')])).toEqual({ boundary: [], daily: [] });
  });

  it('finds a one-day overlap', () => {
    const r = check([period('2019-03-26', '2025-05-27'), period('2025-05-26')]);
    expect(r.boundary).toEqual(['x: 2 versions overlap from 2025-05-26']);
    expect(r.daily).toEqual(['x: 2 versions overlap from 2025-05-26']);
  });

  it('finds a one-day gap', () => {
    const r = check([period('2019-03-26', '2025-05-25'), period('2025-05-26')]);
    expect(r.boundary).toEqual(['x: gap from 2025-05-25']);
    expect(r.daily).toEqual(['x: gap from 2025-05-25']);
  });

  it('does not call the time before the first version or after the last a gap', () => {
    expect(check([period('2024-09-30', '2026-01-01')])).toEqual({ boundary: [], daily: [] });
  });
});
