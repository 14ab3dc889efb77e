import { describe, expect, it } from 'vitest';
import { legalDate } from './legal-date.js';
import { formatJapaneseDate, formatWareki } from './wareki.js';

const d = legalDate;

describe('和暦', () => {
  it('2019-04-30 is the last day of Heisei (平成31年), 2019-05-01 is 令和元年', () => {
    expect(formatWareki(d('2019-04-30'))).toBe('平成31年4月30日');
    expect(formatWareki(d('2019-05-01'))).toBe('令和元年5月1日');
    expect(formatWareki(d('2019-12-31'))).toBe('令和元年12月31日');
    expect(formatWareki(d('2020-01-01'))).toBe('令和2年1月1日');
  });

  it('the rules’ own dates read as written in the seed', () => {
    expect(formatWareki(d('2019-03-26'))).toBe('平成31年3月26日');
    expect(formatWareki(d('2025-05-26'))).toBe('令和7年5月26日');
    expect(formatJapaneseDate(d('2025-12-26'))).toBe('2025年12月26日（令和7年12月26日）');
  });

  it('Heisei and Showa boundaries, and 元年 for the first year of an era', () => {
    expect(formatWareki(d('1989-01-07'))).toBe('昭和64年1月7日');
    expect(formatWareki(d('1989-01-08'))).toBe('平成元年1月8日');
    expect(formatWareki(d('1990-01-01'))).toBe('平成2年1月1日');
  });
});
