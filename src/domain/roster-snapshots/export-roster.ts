import { isLegalDate, japanDateOf, legalDate, type LegalDate } from '../../../rules/core/index.js';
import { listListingsOn, type ExportListing } from '../../persistence/repositories/roster-snapshots.repository.js';
import { authorize } from '../access/policies.js';
import type { UseCaseContext } from '../accounts/context.js';
import { InvalidInput, type FieldProblem } from '../errors.js';
import { normaliseCorporateNumberInput } from '../membership/corporate-number.js';
import { isPrefectureCode, prefectureName } from '../membership/prefectures.js';
import { validRosterFor } from '../roster/valid-roster.js';
import { csvText, encodeCsv, type CsvEncoding } from './csv.js';
import { renderRosterPdf, ROSTER_PDF_MAX_ROWS } from './roster-pdf.js';

export type RosterExportInput = { asOf?: string; prefecture?: string; jsic?: string; roster?: string; corporateNumber?: string; format: 'csv' | 'pdf'; encoding?: string };
export type RosterExport = { filename: string; contentType: string; body: Buffer; count: number };

export const CSV_HEADER = ['名簿', '事業所名', '事業所名（フリガナ）', '旧名称', '法人名', '法人番号', '都道府県', '所在地', '日本標準産業分類', '掲載開始日', '掲載終了日'];

export const csvRow = (l: ExportListing): string[] => [
  l.roster === 'jaim' ? 'JAIM' : '協議会',
  l.establishmentName,
  l.establishmentNameKana ?? '',
  l.previousName ?? '',
  l.organisationName,
  l.corporateNumber ?? '',
  prefectureName(l.prefecture, 'ja'),
  l.address ?? '',
  l.jsicCodes.join(' '),
  l.listedFrom,
  l.listedUntil ?? '',
];

type Checked = { asOf: LegalDate; prefecture?: string; jsic?: string; roster?: 'council' | 'jaim'; corporateNumber?: string };

export const checkExportFilter = (input: Omit<RosterExportInput, 'format'>, today: LegalDate): Checked => {
  const problems: FieldProblem[] = [];
  const asOfRaw = input.asOf?.trim() ?? '';
  if (asOfRaw && !isLegalDate(asOfRaw)) problems.push({ field: 'asOf', message: { ja: '日付は 2026-04-01 の形式で入力してください', en: 'Enter the date as YYYY-MM-DD, for example 2026-04-01' } });
  const prefecture = input.prefecture?.trim() ?? '';
  if (prefecture && !isPrefectureCode(prefecture)) problems.push({ field: 'prefecture', message: { ja: '都道府県を選択してください', en: 'Choose a prefecture' } });
  const jsic = input.jsic ? input.jsic.normalize('NFKC').trim() : '';
  if (jsic && !/^[0-9]{2,4}$/.test(jsic)) problems.push({ field: 'jsic', message: { ja: '産業分類は2〜4桁の数字で入力してください', en: 'JSIC codes are 2 to 4 digits' } });
  const roster = input.roster?.trim() ?? '';
  if (roster && roster !== 'council' && roster !== 'jaim') problems.push({ field: 'roster', message: { ja: '名簿を選択してください', en: 'Choose a roster' } });
  const corporateNumber = input.corporateNumber ? normaliseCorporateNumberInput(input.corporateNumber) : '';
  if (corporateNumber && !/^[0-9]{13}$/.test(corporateNumber)) problems.push({ field: 'corporateNumber', message: { ja: '法人番号は13桁の数字で入力してください', en: 'The corporate number must be 13 digits' } });
  if (problems.length) throw new InvalidInput(problems);
  return {
    asOf: asOfRaw ? legalDate(asOfRaw) : today,
    ...(prefecture ? { prefecture } : {}),
    ...(jsic ? { jsic } : {}),
    ...(roster ? { roster: roster as 'council' | 'jaim' } : {}),
    ...(corporateNumber ? { corporateNumber } : {}),
  };
};

/** M9: the roster as of a date as CSV (UTF-8 with BOM, or Shift_JIS for Excel) or PDF. Public, like the roster. */
export const exportRoster = async (ctx: UseCaseContext, input: RosterExportInput): Promise<RosterExport> => {
  authorize(ctx.actor, 'roster.read');
  const filter = checkExportFilter(input, japanDateOf(ctx.clock.now()));
  const encoding: CsvEncoding = input.encoding === 'sjis' ? 'sjis' : 'utf8';
  if (input.format === 'pdf') {
    const listings = await listListingsOn(ctx.db, filter, ROSTER_PDF_MAX_ROWS + 1);
    if (listings.length > ROSTER_PDF_MAX_ROWS) {
      throw new InvalidInput([
        {
          field: 'format',
          message: {
            ja: `PDF は ${ROSTER_PDF_MAX_ROWS.toLocaleString('ja-JP')} 件までです。都道府県などで絞り込むか、CSV をご利用ください`,
            en: `A PDF holds at most ${ROSTER_PDF_MAX_ROWS.toLocaleString('en')} listings. Narrow the search (for example by prefecture) or download the CSV`,
          },
        },
      ]);
    }
    const filterNote = [filter.roster && `名簿=${filter.roster}`, filter.prefecture && `都道府県=${prefectureName(filter.prefecture, 'ja')}`, filter.jsic && `産業分類=${filter.jsic}`, filter.corporateNumber && `法人番号=${filter.corporateNumber}`].filter(Boolean).join(' ');
    const bytes = await renderRosterPdf({ asOf: filter.asOf, validRoster: validRosterFor(filter.asOf), listings, generatedAt: ctx.clock.now().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', filterNote });
    return { filename: `roster-${filter.asOf}.pdf`, contentType: 'application/pdf', body: Buffer.from(bytes), count: listings.length };
  }
  const listings = await listListingsOn(ctx.db, filter);
  const text = csvText([CSV_HEADER, ...listings.map(csvRow)]);
  return {
    filename: `roster-${filter.asOf}${encoding === 'sjis' ? '-sjis' : ''}.csv`,
    contentType: encoding === 'sjis' ? 'text/csv; charset=Shift_JIS' : 'text/csv; charset=utf-8',
    body: encodeCsv(text, encoding),
    count: listings.length,
  };
};
