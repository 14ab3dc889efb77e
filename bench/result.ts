/** One benchmark figure, as written to bench-results.json. `ratio` = value / baseline (higher is better unless `lowerIsBetter`). */
export type BenchResult = {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string;
  note?: string;
};

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

export const formatResult = (r: BenchResult): string =>
  `${r.name.padEnd(34)} ${String(r.value).padStart(12)} ${r.unit.padEnd(8)} baseline ${String(r.baseline ?? '-').padStart(10)}  ratio ${String(r.ratio ?? '-').padStart(6)}  target ${r.target}${r.note ? `  (${r.note})` : ''}`;
