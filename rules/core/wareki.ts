import { type LegalDate, parts } from './legal-date.js';

// Japanese era (和暦) display. Era start dates are fixed facts; the newest era is open-ended.
const ERAS = [
  { from: '2019-05-01', ja: '令和', en: 'Reiwa' },
  { from: '1989-01-08', ja: '平成', en: 'Heisei' },
  { from: '1926-12-25', ja: '昭和', en: 'Showa' },
  { from: '1912-07-30', ja: '大正', en: 'Taisho' },
] as const;

export const formatWareki = (date: LegalDate): string => {
  const era = ERAS.find((e) => date >= e.from);
  const { year, month, day } = parts(date);
  if (!era) return `${year}年${month}月${day}日`;
  const eraYear = year - Number(era.from.slice(0, 4)) + 1;
  return `${era.ja}${eraYear === 1 ? '元' : eraYear}年${month}月${day}日`;
};

/** "2025年12月26日（令和7年12月26日）": Western first, era beside it, as Japanese forms commonly show. */
export const formatJapaneseDate = (date: LegalDate): string => {
  const { year, month, day } = parts(date);
  return `${year}年${month}月${day}日（${formatWareki(date)}）`;
};
