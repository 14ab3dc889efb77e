import { isLegalDate, japanDateOf, legalDate, type LegalDate } from '../../../rules/core/index.js';
import { authorize } from '../access/policies.js';
import type { Actor } from '../access/actor.js';
import type { Db } from '../../persistence/database.js';
import { searchRoster as searchRosterRows, type RosterListing } from '../../persistence/repositories/roster.repository.js';
import { InvalidInput } from '../errors.js';
import { normaliseCorporateNumberInput } from '../membership/corporate-number.js';
import { isPrefectureCode } from '../membership/prefectures.js';
import { normaliseForSearch } from './search-text.js';
import { validRosterFor, type ValidRoster } from './valid-roster.js';

export const ROSTER_PAGE_SIZE = 20;

export type RosterSearchInput = { q?: string; corporateNumber?: string; prefecture?: string; jsic?: string; asOf?: string; page?: number };

export type RosterSearchResult = {
  asOf: LegalDate;
  validRoster: ValidRoster | undefined;
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  items: RosterListing[];
};

/** M9: the public roster as of any date, searchable by name (any width or script), 法人番号, prefecture and JSIC. */
export const searchRoster = async (ctx: { actor: Actor; db: Db; clock: { now(): Date } }, input: RosterSearchInput): Promise<RosterSearchResult> => {
  authorize(ctx.actor, 'roster.read');
  const problems = [];
  const asOfRaw = input.asOf?.trim();
  if (asOfRaw && !isLegalDate(asOfRaw)) problems.push({ field: 'asOf', message: { ja: '日付は 2026-04-01 の形式で入力してください', en: 'Enter the date as YYYY-MM-DD, for example 2026-04-01' } });
  const corporateNumber = input.corporateNumber ? normaliseCorporateNumberInput(input.corporateNumber) : '';
  if (corporateNumber && !/^[0-9]{13}$/.test(corporateNumber)) problems.push({ field: 'corporateNumber', message: { ja: '法人番号は13桁の数字で入力してください', en: 'The corporate number must be 13 digits' } });
  const prefecture = input.prefecture?.trim() ?? '';
  if (prefecture && !isPrefectureCode(prefecture)) problems.push({ field: 'prefecture', message: { ja: '都道府県を選択してください', en: 'Choose a prefecture' } });
  const jsic = input.jsic ? input.jsic.normalize('NFKC').trim() : '';
  if (jsic && !/^[0-9]{2,4}$/.test(jsic)) problems.push({ field: 'jsic', message: { ja: '産業分類は2〜4桁の数字で入力してください', en: 'JSIC codes are 2 to 4 digits' } });
  if (problems.length) throw new InvalidInput(problems);

  const asOf = asOfRaw ? legalDate(asOfRaw) : japanDateOf(ctx.clock.now());
  const text = input.q ? normaliseForSearch(input.q).slice(0, 100) : '';
  const page = Math.max(1, Math.min(10_000, Math.floor(input.page ?? 1)));
  const { total, items } = await searchRosterRows(ctx.db, {
    asOf,
    ...(text ? { text } : {}),
    ...(corporateNumber ? { corporateNumber } : {}),
    ...(prefecture ? { prefecture } : {}),
    ...(jsic ? { jsic } : {}),
    limit: ROSTER_PAGE_SIZE,
    offset: (page - 1) * ROSTER_PAGE_SIZE,
  });
  return { asOf, validRoster: validRosterFor(asOf), total, page, pageCount: Math.max(1, Math.ceil(total / ROSTER_PAGE_SIZE)), pageSize: ROSTER_PAGE_SIZE, items };
};
