import { type LegalDate, type Message, cite, msg, period } from '../core/index.js';
import { type Confidence, type EligibleIndustryList, type JsicEntry, type JsicLevel, LEVEL_DIGITS, type TrackEligibility } from './types.js';

// Loading an official list from CSV, and putting it in force from a date.
//
// Columns (header row required, any order, UTF-8, optional BOM, "..." quoting as in RFC 4180):
//   code, level, name, ssw1, ssw2, exclusions, source, confidence
// - level: 中分類 | 小分類 | 細分類 (or 中 | 小 | 細); it must match the number of digits of the code.
// - ssw1 / ssw2: yes | no | unknown (also true/false, 1/0, ○/×, 空欄 = unknown).
// - exclusions: codes beneath the entry, separated by ";" or "|" or spaces.
// - confidence: confirmed | secondary | inferred | unresolved (empty = confirmed, as an official list).

export type CsvRowError = {
  /** 1-based line number in the file (the header is line 1). */
  readonly line: number;
  readonly column?: string;
  readonly message: Message;
};

export type CsvLoadResult = {
  /** The list built from every valid row; null when the file itself is unusable (no header, missing columns). */
  readonly list: EligibleIndustryList | null;
  readonly errors: readonly CsvRowError[];
};

export type CsvLoadOptions = {
  readonly id?: string;
  readonly title?: Message;
  /** Whether the file is the complete official list (default true): codes missing from it are then "not eligible". */
  readonly complete?: boolean;
};

const REQUIRED = ['code', 'level', 'name', 'ssw1', 'ssw2'] as const;
type Column = (typeof REQUIRED)[number] | 'exclusions' | 'source' | 'confidence';

/** Splits CSV text into records of fields, with the line each record starts on. */
export const parseCsvRecords = (text: string): { line: number; fields: string[] }[] => {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let sawAny = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      inQuotes = true;
      sawAny = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      sawAny = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      if (sawAny || fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      sawAny = false;
      line++;
      recordLine = line;
    } else {
      field += c;
      if (c.trim() !== '') sawAny = true;
    }
  }
  fields.push(field);
  if (sawAny || fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
  return records;
};

const LEVELS: Readonly<Record<string, JsicLevel>> = { 中分類: '中分類', 小分類: '小分類', 細分類: '細分類', 中: '中分類', 小: '小分類', 細: '細分類' };
const CONFIDENCES: readonly Confidence[] = ['confirmed', 'secondary', 'inferred', 'unresolved'];

const parseTrack = (raw: string): TrackEligibility | 'invalid' => {
  const v = raw.trim().toLowerCase();
  if (['yes', 'true', '1', 'y', '○', '〇', 'はい', '対象'].includes(v)) return true;
  if (['no', 'false', '0', 'n', '×', '✕', 'いいえ', '対象外'].includes(v)) return false;
  if (['', 'unknown', '?', '不明'].includes(v)) return null;
  return 'invalid';
};

export const parseEligibleIndustriesCsv = (csv: string, effectiveFrom: LegalDate, options: CsvLoadOptions = {}): CsvLoadResult => {
  const records = parseCsvRecords(csv);
  const header = records[0];
  if (!header) return { list: null, errors: [{ line: 1, message: msg('CSVが空です。', 'The CSV is empty.') }] };
  const index = new Map<string, number>();
  header.fields.forEach((h, i) => index.set(h.trim().toLowerCase(), i));
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return {
      list: null,
      errors: [{ line: header.line, message: msg(`見出し行に必要な列がありません: ${missing.join(', ')}`, `The header lacks required columns: ${missing.join(', ')}`) }],
    };
  }
  const errors: CsvRowError[] = [];
  const entries: JsicEntry[] = [];
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    const get = (c: Column): string => {
      const i = index.get(c);
      return i === undefined ? '' : (record.fields[i] ?? '').trim();
    };
    const rowErrors: CsvRowError[] = [];
    const fail = (column: Column, ja: string, en: string) => rowErrors.push({ line: record.line, column, message: msg(ja, en) });
    const code = get('code');
    if (!/^\d{2,4}$/.test(code)) fail('code', `分類番号「${code}」は2〜4桁の数字ではありません。`, `Code "${code}" is not 2–4 digits.`);
    const level = LEVELS[get('level')];
    if (!level) fail('level', `分類の階層「${get('level')}」が正しくありません（中分類・小分類・細分類）。`, `Level "${get('level')}" is not 中分類, 小分類 or 細分類.`);
    else if (/^\d{2,4}$/.test(code) && LEVEL_DIGITS[level] !== code.length) {
      fail('level', `${level}の分類番号は${LEVEL_DIGITS[level]}桁です（${code}）。`, `A ${level} code has ${LEVEL_DIGITS[level]} digits (${code}).`);
    }
    const name = get('name');
    if (name === '') fail('name', '名称が空です。', 'The name is empty.');
    const ssw1 = parseTrack(get('ssw1'));
    if (ssw1 === 'invalid') fail('ssw1', `ssw1 の値「${get('ssw1')}」が正しくありません（yes / no / unknown）。`, `ssw1 value "${get('ssw1')}" is not yes / no / unknown.`);
    const ssw2 = parseTrack(get('ssw2'));
    if (ssw2 === 'invalid') fail('ssw2', `ssw2 の値「${get('ssw2')}」が正しくありません（yes / no / unknown）。`, `ssw2 value "${get('ssw2')}" is not yes / no / unknown.`);
    const exclusions = get('exclusions').split(/[;|\s]+/).filter((x) => x !== '');
    for (const x of exclusions) {
      if (!/^\d{3,4}$/.test(x) || !x.startsWith(code) || x === code) {
        fail('exclusions', `除外「${x}」は ${code} の下位の分類番号ではありません。`, `Exclusion "${x}" is not a code beneath ${code}.`);
      }
    }
    const rawConfidence = get('confidence').toLowerCase();
    const confidence = (rawConfidence === '' ? 'confirmed' : rawConfidence) as Confidence;
    if (!CONFIDENCES.includes(confidence)) fail('confidence', `確度「${rawConfidence}」が正しくありません。`, `Confidence "${rawConfidence}" is not one of ${CONFIDENCES.join(', ')}.`);
    const previous = seen.get(code);
    if (previous !== undefined) fail('code', `分類番号 ${code} が重複しています（${previous}行目）。`, `Code ${code} is repeated (first on line ${previous}).`);
    if (rowErrors.length > 0 || !level || ssw1 === 'invalid' || ssw2 === 'invalid') {
      errors.push(...rowErrors);
      continue;
    }
    seen.set(code, record.line);
    entries.push({ code, level, name, ssw1, ssw2, exclusions, source: get('source'), confidence });
  }
  if (entries.length === 0 && errors.length === 0) errors.push({ line: header.line + 1, message: msg('データ行がありません。', 'There are no data rows.') });
  const list: EligibleIndustryList = {
    id: options.id ?? `official-${effectiveFrom}`,
    title: options.title ?? msg(`対象産業一覧（${effectiveFrom}から適用、読込み）`, `Eligible industries (loaded, in force from ${effectiveFrom})`),
    period: period(effectiveFrom),
    periodConfidence: 'confirmed',
    complete: { ssw1: options.complete ?? true, ssw2: options.complete ?? true },
    citation: cite('uwanose-kokuji', '2', '1'),
    entries,
  };
  return { list: entries.length > 0 ? list : null, errors };
};

/**
 * Puts a loaded list in force from its first day: the list in force that day is closed the day before (it still answers
 * for earlier dates); a list starting the same day is replaced. A list starting later must be removed by hand first.
 */
export const withNewList = (current: readonly EligibleIndustryList[], loaded: EligibleIndustryList): EligibleIndustryList[] => {
  const from = loaded.period.from;
  const result: EligibleIndustryList[] = [];
  for (const list of current) {
    if (list.period.from > from) {
      throw new RangeError(`List ${list.id} starts on ${list.period.from}, after the new list (${from}); remove it first.`);
    }
    if (list.period.from === from) continue;
    if (list.period.to === null || list.period.to > from) {
      const { supersessionUncertainFrom, ...rest } = list;
      result.push({
        ...rest,
        period: period(list.period.from, from),
        ...(supersessionUncertainFrom !== undefined && supersessionUncertainFrom < from ? { supersessionUncertainFrom } : {}),
      });
    } else result.push(list);
  }
  result.push(loaded);
  return result;
};
