import { type LegalDate, type Message, msg } from '../../../rules/core/index.js';
import {
  type BusinessCategory,
  type CsvRowError,
  type EligibleIndustryList,
  type JsicEntry,
  parseCsvRecords,
  parseEligibleIndustriesCsv,
} from '../../../rules/eligible-industries/index.js';

// The kinds of reference list an operator can load from CSV, and the pure parsers that turn a file into the
// content stored with the list (and the row-level errors shown in the preview).

export const LIST_KINDS = ['eligible-industries', 'business-categories', 'packing-associations', 'printing-associations'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export const isListKind = (v: unknown): v is ListKind => typeof v === 'string' && (LIST_KINDS as readonly string[]).includes(v);

/** The rules-library parameter a list kind replaces (lists that are not JSIC lists are dated parameters there). */
export const LIST_KIND_PARAMETER: Readonly<Partial<Record<ListKind, string>>> = {
  'business-categories': 'eligible-industries/business-categories',
  'packing-associations': 'jaim-membership-faq/packing-associations',
  'printing-associations': 'jaim-membership-faq/printing-associations',
};

export const LIST_KIND_COLUMNS: Readonly<Record<ListKind, string>> = {
  'eligible-industries': 'code, level, name, ssw1, ssw2, exclusions, source, confidence',
  'business-categories': 'id, name, ssw1, ssw2, skills',
  'packing-associations': 'name',
  'printing-associations': 'name',
};

export type EligibleIndustriesContent = { readonly entries: readonly JsicEntry[]; readonly complete: { readonly ssw1: boolean; readonly ssw2: boolean } };
export type BusinessCategoriesContent = { readonly categories: readonly BusinessCategory[] };
export type AssociationsContent = { readonly names: readonly string[] };
export type ListContent = EligibleIndustriesContent | BusinessCategoriesContent | AssociationsContent;

export type ParsedList = {
  /** null when nothing usable was found (no header, no valid rows). */
  readonly content: ListContent | null;
  readonly rowCount: number;
  readonly errors: readonly CsvRowError[];
};

const MAX_CSV_CHARS = 2_000_000;

const headerIndex = (fields: readonly string[]): Map<string, number> => {
  const index = new Map<string, number>();
  fields.forEach((h, i) => index.set(h.trim().toLowerCase(), i));
  return index;
};

const parseYesNo = (raw: string): boolean | 'invalid' => {
  const v = raw.trim().toLowerCase();
  if (['yes', 'true', '1', 'y', '○', '〇', 'はい', '対象'].includes(v)) return true;
  if (['no', 'false', '0', 'n', '×', '✕', 'いいえ', '対象外', ''].includes(v)) return false;
  return 'invalid';
};

const missingColumns = (line: number, missing: readonly string[]): CsvRowError => ({
  line,
  message: msg(`見出し行に必要な列がありません: ${missing.join(', ')}`, `The header lacks required columns: ${missing.join(', ')}`),
});

const parseAssociations = (csv: string): ParsedList => {
  const records = parseCsvRecords(csv);
  const header = records[0];
  if (!header) return { content: null, rowCount: 0, errors: [{ line: 1, message: msg('CSVが空です。', 'The CSV is empty.') }] };
  const index = headerIndex(header.fields);
  const col = index.get('name');
  if (col === undefined) return { content: null, rowCount: 0, errors: [missingColumns(header.line, ['name'])] };
  const names: string[] = [];
  const errors: CsvRowError[] = [];
  for (const r of records.slice(1)) {
    const name = (r.fields[col] ?? '').trim();
    if (name === '') errors.push({ line: r.line, column: 'name', message: msg('団体名が空です。', 'The association name is empty.') });
    else if (name.length > 200) errors.push({ line: r.line, column: 'name', message: msg('団体名は200文字以内です。', 'The association name is longer than 200 characters.') });
    else if (names.includes(name)) errors.push({ line: r.line, column: 'name', message: msg(`団体名「${name}」が重複しています。`, `"${name}" is repeated.`) });
    else names.push(name);
  }
  if (names.length === 0 && errors.length === 0) errors.push({ line: header.line + 1, message: msg('データ行がありません。', 'There are no data rows.') });
  return { content: names.length > 0 ? { names } : null, rowCount: names.length, errors };
};

const parseBusinessCategories = (csv: string): ParsedList => {
  const records = parseCsvRecords(csv);
  const header = records[0];
  if (!header) return { content: null, rowCount: 0, errors: [{ line: 1, message: msg('CSVが空です。', 'The CSV is empty.') }] };
  const index = headerIndex(header.fields);
  const missing = ['id', 'name', 'ssw1', 'ssw2'].filter((c) => !index.has(c));
  if (missing.length > 0) return { content: null, rowCount: 0, errors: [missingColumns(header.line, missing)] };
  const categories: BusinessCategory[] = [];
  const errors: CsvRowError[] = [];
  for (const r of records.slice(1)) {
    const get = (c: string) => {
      const i = index.get(c);
      return i === undefined ? '' : (r.fields[i] ?? '').trim();
    };
    const rowErrors: CsvRowError[] = [];
    const fail = (column: string, message: Message) => rowErrors.push({ line: r.line, column, message });
    const id = get('id');
    if (!/^[a-z0-9_]{1,60}$/.test(id)) fail('id', msg(`区分ID「${id}」は半角英小文字・数字・_ で入力してください。`, `Category id "${id}" must be lower-case letters, digits or _.`));
    else if (categories.some((c) => c.id === id)) fail('id', msg(`区分ID「${id}」が重複しています。`, `Category id "${id}" is repeated.`));
    const name = get('name');
    if (name === '') fail('name', msg('名称が空です。', 'The name is empty.'));
    const ssw1 = parseYesNo(get('ssw1'));
    if (ssw1 === 'invalid') fail('ssw1', msg(`ssw1 の値「${get('ssw1')}」が正しくありません（yes / no）。`, `ssw1 value "${get('ssw1')}" is not yes / no.`));
    const ssw2 = parseYesNo(get('ssw2'));
    if (ssw2 === 'invalid') fail('ssw2', msg(`ssw2 の値「${get('ssw2')}」が正しくありません（yes / no）。`, `ssw2 value "${get('ssw2')}" is not yes / no.`));
    if (rowErrors.length > 0 || ssw1 === 'invalid' || ssw2 === 'invalid') {
      errors.push(...rowErrors);
      continue;
    }
    const skills = get('skills').split(/[;|]/).map((s) => s.trim()).filter((s) => s !== '');
    categories.push({ id, name, ssw1, ssw2, skills: skills.length > 0 ? skills : [name] });
  }
  if (categories.length === 0 && errors.length === 0) errors.push({ line: header.line + 1, message: msg('データ行がありません。', 'There are no data rows.') });
  return { content: categories.length > 0 ? { categories } : null, rowCount: categories.length, errors };
};

const parseEligibleIndustries = (csv: string, effectiveFrom: LegalDate): ParsedList => {
  const r = parseEligibleIndustriesCsv(csv, effectiveFrom);
  return { content: r.list ? { entries: r.list.entries, complete: r.list.complete } : null, rowCount: r.list?.entries.length ?? 0, errors: r.errors };
};

/** Parses an uploaded CSV for a list kind (pure). Any row error blocks saving: the operator fixes the file. */
export const parseReferenceList = (kind: ListKind, csv: string, effectiveFrom: LegalDate): ParsedList => {
  if (csv.length > MAX_CSV_CHARS) return { content: null, rowCount: 0, errors: [{ line: 1, message: msg('ファイルが大きすぎます（200万文字まで）。', 'The file is too large (2,000,000 characters at most).') }] };
  switch (kind) {
    case 'eligible-industries':
      return parseEligibleIndustries(csv, effectiveFrom);
    case 'business-categories':
      return parseBusinessCategories(csv);
    default:
      return parseAssociations(csv);
  }
};

/** Rebuilds the rules-library list from stored content (the period is set by the caller from the published rows). */
export const eligibleListFrom = (id: string, content: EligibleIndustriesContent, list: Pick<EligibleIndustryList, 'period' | 'citation'>, certainty: 'official' | 'uncertain', sourceNote: string): EligibleIndustryList => ({
  id,
  title: msg(`対象産業一覧（${list.period.from}から適用、運用者が読込み）`, `Eligible industries (loaded by the operator, in force from ${list.period.from})`),
  period: list.period,
  periodConfidence: certainty === 'official' ? 'confirmed' : 'secondary',
  periodNote: msg(`出典：${sourceNote}`, `Source: ${sourceNote}`),
  complete: content.complete,
  citation: list.citation,
  entries: content.entries,
});
