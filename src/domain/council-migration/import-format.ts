import { isLegalDate, type LegalDate } from '../../../rules/core/index.js';
import { JAIM_DATES } from '../../../rules/jaim-membership-faq/instrument.js';
import { checkCorporateNumber, CORPORATE_NUMBER_MESSAGES } from '../membership/corporate-number.js';
import { PREFECTURES } from '../membership/prefectures.js';
import { parseCsv } from '../roster-snapshots/csv.js';

// The council member export we import (M11). One row per establishment; a header row names the columns, in English
// or Japanese. Rows are checked one by one; nothing is written until the secretariat has seen the dry-run report.

export const IMPORT_COLUMNS = [
  { key: 'councilMemberId', en: 'council_member_id', ja: '構成員番号' },
  { key: 'corporateNumber', en: 'corporate_number', ja: '法人番号' },
  { key: 'companyName', en: 'company_name', ja: '法人名' },
  { key: 'companyNameKana', en: 'company_name_kana', ja: '法人名カナ' },
  { key: 'establishmentName', en: 'establishment_name', ja: '事業所名' },
  { key: 'address', en: 'address', ja: '所在地' },
  { key: 'prefecture', en: 'prefecture', ja: '都道府県' },
  { key: 'jsicCodes', en: 'jsic_codes', ja: '産業分類' },
  { key: 'listedDate', en: 'listed_date', ja: '掲載日' },
  { key: 'migrationChoice', en: 'migration_choice', ja: '移行区分' },
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['key'];

export type MigrationChoice = 'full' | 'information_only';

export type ImportRow = {
  line: number;
  councilMemberId: string;
  corporateNumber: string;
  companyName: string;
  companyNameKana: string | null;
  establishmentName: string;
  address: string;
  prefecture: string;
  jsicCodes: string[];
  listedDate: LegalDate;
  choice: MigrationChoice;
};

export type RowError = { line: number; field: ImportColumn | 'row'; message: { ja: string; en: string } };

export const MAX_IMPORT_ROWS = 100_000;

// A Map, not an object literal: a cell reading "constructor" must not find Object.prototype's.
const CHOICES = new Map<string, MigrationChoice>([
  ['full', 'full'],
  ['jaim', 'full'],
  ['入会', 'full'],
  ['information_only', 'information_only'],
  ['information-only', 'information_only'],
  ['情報移行', 'information_only'],
  ['情報移行のみ', 'information_only'],
]);

const PREFECTURE_CODES = new Set(PREFECTURES.map((p) => p.code));
const PREFECTURE_BY_NAME = new Map<string, string>(PREFECTURES.flatMap((p) => [[p.ja, p.code], [p.en.toLowerCase(), p.code]]));

const prefectureCode = (raw: string): string | undefined => {
  const v = raw.normalize('NFKC').trim();
  if (/^[0-9]{1,2}$/.test(v)) {
    const code = v.padStart(2, '0');
    return PREFECTURE_CODES.has(code) ? code : undefined;
  }
  return PREFECTURE_BY_NAME.get(v) ?? PREFECTURE_BY_NAME.get(v.toLowerCase());
};

// Printable ASCII is unchanged by NFKC; most cells (ids, numbers, codes, dates) are ASCII, so skip the Unicode tables there.
const NON_ASCII = /[^\x20-\x7e]/;
const normaliseCell = (raw: string): string => (NON_ASCII.test(raw) ? raw.normalize('NFKC') : raw).trim();

const msg = (ja: string, en: string) => ({ ja, en });
const rowError = (line: number, field: RowError['field'], ja: string, en: string): RowError => ({ line, field, message: msg(ja, en) });

export type ParsedImport = { rows: ImportRow[]; errors: RowError[]; total: number; headerProblem?: { ja: string; en: string } };

/** Parses and validates every row; a row with any problem is reported (every problem) and left out of `rows`. */
export const parseCouncilImport = (csv: string): ParsedImport => {
  const table = parseCsv(csv);
  const header = (table[0] ?? []).map((h) => h.normalize('NFKC').trim().toLowerCase());
  const index = new Map<ImportColumn, number>();
  for (const c of IMPORT_COLUMNS) {
    const i = header.findIndex((h) => h === c.en || h === c.ja.toLowerCase());
    if (i >= 0) index.set(c.key, i);
  }
  const missing = IMPORT_COLUMNS.filter((c) => c.key !== 'companyNameKana' && !index.has(c.key));
  if (missing.length) {
    return { rows: [], errors: [], total: Math.max(0, table.length - 1), headerProblem: msg(`見出し行に次の列がありません：${missing.map((c) => c.ja).join('、')}`, `The header row lacks: ${missing.map((c) => c.en).join(', ')}`) };
  }
  if (table.length - 1 > MAX_IMPORT_ROWS) return { rows: [], errors: [], total: table.length - 1, headerProblem: msg(`1回に取り込めるのは ${MAX_IMPORT_ROWS} 行までです`, `At most ${MAX_IMPORT_ROWS} rows per import`) };
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  // Column positions resolved once; the per-row work below is plain loops (50,000 rows per import).
  const at = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, index.get(c.key) ?? -1])) as Record<ImportColumn, number>;
  const cellOf = (cells: readonly string[], i: number): string => (i < 0 ? '' : normaliseCell(cells[i] ?? ''));
  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    const line = r + 1;
    const rowErrors: RowError[] = [];

    const councilMemberId = cellOf(cells, at.councilMemberId);
    if (!councilMemberId) rowErrors.push(rowError(line, 'councilMemberId', '構成員番号がありません', 'The council member id is missing'));
    else if (councilMemberId.length > 40) rowErrors.push(rowError(line, 'councilMemberId', '構成員番号は40文字以内です', 'The council member id is at most 40 characters'));
    const cn = checkCorporateNumber(cellOf(cells, at.corporateNumber));
    if (!cn.ok) rowErrors.push({ line, field: 'corporateNumber', message: CORPORATE_NUMBER_MESSAGES[cn.problem] });
    const companyName = cellOf(cells, at.companyName);
    if (!companyName) rowErrors.push(rowError(line, 'companyName', '法人名がありません', 'The company name is missing'));
    const establishmentName = cellOf(cells, at.establishmentName);
    if (!establishmentName) rowErrors.push(rowError(line, 'establishmentName', '事業所名がありません', 'The establishment name is missing'));
    const address = cellOf(cells, at.address);
    if (!address) rowErrors.push(rowError(line, 'address', '所在地がありません', 'The address is missing'));
    const prefecture = prefectureCode(cellOf(cells, at.prefecture));
    if (!prefecture) rowErrors.push(rowError(line, 'prefecture', '都道府県が正しくありません（コード01〜47または名称）', 'The prefecture is not valid (code 01–47 or name)'));
    const jsicCodes = cellOf(cells, at.jsicCodes).split(/[\s;|、]+/).filter(Boolean);
    if (jsicCodes.length === 0) rowErrors.push(rowError(line, 'jsicCodes', '産業分類がありません', 'No JSIC code given'));
    else if (jsicCodes.some((c) => !/^[0-9]{2,4}$/.test(c))) rowErrors.push(rowError(line, 'jsicCodes', '産業分類は2〜4桁の数字です', 'JSIC codes are 2 to 4 digits'));
    const listedDate = cellOf(cells, at.listedDate).replace(/\//g, '-');
    if (!isLegalDate(listedDate)) rowErrors.push(rowError(line, 'listedDate', '掲載日は YYYY-MM-DD の形式です', 'The listed date must be YYYY-MM-DD'));
    else if (listedDate >= JAIM_DATES.jaimRosterOnlyFrom) rowErrors.push(rowError(line, 'listedDate', '協議会の名簿への掲載日は2025年12月25日以前です', 'A council listing starts on or before 2025-12-25'));
    const choice = CHOICES.get(cellOf(cells, at.migrationChoice).toLowerCase());
    if (!choice) rowErrors.push(rowError(line, 'migrationChoice', '移行区分は full（JAIM入会）または information_only（情報移行のみ）です', 'The migration choice is full or information_only'));

    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({
      line,
      councilMemberId,
      corporateNumber: cn.ok ? cn.value : '',
      companyName,
      companyNameKana: cellOf(cells, at.companyNameKana) || null,
      establishmentName,
      address,
      prefecture: prefecture!,
      jsicCodes,
      listedDate: listedDate as LegalDate,
      choice: choice!,
    });
  }
  return { rows, errors, total: table.length - 1 };
};

export type Duplicate = { line: number; councilMemberId: string; reason: 'repeated_in_file' | 'already_migrated' | 'same_establishment_in_file'; firstLine?: number };

/** Splits valid rows into those to apply and the duplicates (within the file, or already migrated earlier). */
export const findDuplicates = (rows: readonly ImportRow[], alreadyMigrated: ReadonlySet<string>): { unique: ImportRow[]; duplicates: Duplicate[] } => {
  const seenId = new Map<string, number>();
  const seenEst = new Map<string, number>();
  const unique: ImportRow[] = [];
  const duplicates: Duplicate[] = [];
  for (const r of rows) {
    const estKey = `${r.corporateNumber}\u0000${r.establishmentName}`;
    if (alreadyMigrated.has(r.councilMemberId)) duplicates.push({ line: r.line, councilMemberId: r.councilMemberId, reason: 'already_migrated' });
    else if (seenId.has(r.councilMemberId)) duplicates.push({ line: r.line, councilMemberId: r.councilMemberId, reason: 'repeated_in_file', firstLine: seenId.get(r.councilMemberId)! });
    else if (seenEst.has(estKey)) duplicates.push({ line: r.line, councilMemberId: r.councilMemberId, reason: 'same_establishment_in_file', firstLine: seenEst.get(estKey)! });
    else {
      seenId.set(r.councilMemberId, r.line);
      seenEst.set(estKey, r.line);
      unique.push(r);
    }
  }
  return { unique, duplicates };
};
