import { describe, expect, it } from 'vitest';
import { horizontalBars, verticalBars } from './charts.js';

describe('chart geometry', () => {
  it('horizontal bars: length proportional to the rate, a hidden group draws no bar', () => {
    const chart = horizontalBars([
      { label: 'VN', value: 0.5, display: '50%' },
      { label: 'ID', value: 1, display: '100%' },
      { label: 'PH', value: null, display: 'hidden' },
    ], { barMax: 400 });
    expect(chart.bars.map((b) => b.width)).toEqual([200, 400, 0]);
    expect(chart.bars[1]!.y).toBeGreaterThan(chart.bars[0]!.y);
    expect(chart.height).toBeGreaterThanOrEqual(chart.bars[2]!.y + chart.bars[2]!.height);
  });
  it('vertical bars: the tallest band fills the plot, the bars sit on the axis', () => {
    const chart = verticalBars([{ label: '0–9', value: 0 }, { label: '10–19', value: 5 }, { label: '20–29', value: 10 }], { height: 100 });
    expect(chart.bars.map((b) => b.height)).toEqual([0, 50, 100]);
    for (const b of chart.bars) expect(b.y + b.height).toBe(chart.axisX);
  });
});
