// Geometry for the server-rendered SVG charts (no chart library, no script, no inline style: presentation attributes
// only, which the CSP allows). The templates draw what these return and put the same figures in a table beside them.

export type Bar = { label: string; value: number | null; display: string; x: number; y: number; width: number; height: number; labelX: number; labelY: number; valueX: number };

export type BarChart = { width: number; height: number; bars: Bar[]; axisX: number };

/** Horizontal bars (pass rate 0…1 per group). */
export const horizontalBars = (items: readonly { label: string; value: number | null; display: string }[], options: { labelWidth?: number; barMax?: number; row?: number } = {}): BarChart => {
  const labelWidth = options.labelWidth ?? 180;
  const barMax = options.barMax ?? 360;
  const row = options.row ?? 28;
  const bars = items.map((it, i) => {
    const width = it.value === null ? 0 : Math.max(1, Math.round(it.value * barMax));
    const y = 8 + i * row;
    return { ...it, x: labelWidth, y, width, height: row - 8, labelX: labelWidth - 8, labelY: y + (row - 8) / 2 + 5, valueX: labelWidth + width + 6 };
  });
  return { width: labelWidth + barMax + 80, height: 16 + items.length * row, bars, axisX: labelWidth };
};

/** Vertical bars (candidates per score band). */
export const verticalBars = (items: readonly { label: string; value: number }[], options: { height?: number; column?: number } = {}): BarChart => {
  const plot = options.height ?? 160;
  const column = options.column ?? 44;
  const max = Math.max(1, ...items.map((i) => i.value));
  const bars = items.map((it, i) => {
    const height = Math.round((it.value / max) * plot);
    const x = 32 + i * column;
    return { label: it.label, value: it.value, display: String(it.value), x, y: 16 + plot - height, width: column - 8, height, labelX: x + (column - 8) / 2, labelY: 16 + plot + 18, valueX: x + (column - 8) / 2 };
  });
  return { width: 40 + items.length * column, height: plot + 44, bars, axisX: 16 + plot };
};
