import iconv from 'iconv-lite';
import { parseCsv } from './csv.js';
import { parseExamNumber } from './exam-number.js';

// Import of written-part answers from the CBT provider's result file. All or nothing: every row is checked, and only
// when every row is valid are records returned; otherwise a report names each bad row (1-based physical line of the
// file, the header being line 1) with every problem in Japanese and English, and nothing is applied.
//
// File format (CSV, RFC 4180; UTF-8 with or without BOM, or Shift_JIS (CP932) when `encoding: 'shift_jis'`;
// CRLF or LF line ends; blank lines ignored). Header row required, names case-insensitive, in this order:
//   Layout A — one answers column:
//     exam_number,set_code,answers
//     SSW1-2026-0001234-K,KK1-03,"A,C,D,,B"
//   `answers` lists the chosen letter per question in order, separated by commas (so the field is quoted); an empty
//   item or "-" is a blank answer. Without any comma the field is read one character per question ("ACD-B").
//   Layout B — one column per question:
//     exam_number,set_code,q1,q2,...,qN
//     SSW1-2026-0001234-K,KK1-03,A,C,D,,B
//   Columns beyond the set's question count must be empty.
// exam_number: as printed on the admission ticket (check character verified). set_code: the question set the
// candidate was assigned; "KK1-03@2" also names the version, which must then match. The set version of every record
// comes from our own records (the sitting keeps the version it used), never from the file.

export type Bilingual = { readonly ja: string; readonly en: string };
export type ImportErrorCode =
  | 'encoding'
  | 'empty'
  | 'too_many_rows'
  | 'csv_syntax'
  | 'header'
  | 'field_count'
  | 'exam_number_format'
  | 'exam_number_check'
  | 'unknown_exam_number'
  | 'set_code_mismatch'
  | 'answer_count'
  | 'answer_invalid'
  | 'duplicate';
export type ImportError = Bilingual & { readonly code: ImportErrorCode };
export type RowReport = { readonly line: number; readonly errors: readonly ImportError[] };

export type ExpectedSitting = { readonly setCode: string; readonly setVersion: number; readonly questionCount: number };

export type CbtImportOptions = {
  readonly encoding?: 'utf-8' | 'shift_jis';
  /** Registered candidates of the sitting, keyed by normalised exam number. */
  readonly candidates: ReadonlyMap<string, ExpectedSitting>;
  /** Refuse larger files outright (default 200,000 data rows). */
  readonly maxRows?: number;
};

export type CbtRecord = {
  readonly line: number;
  readonly examNumber: string;
  readonly setCode: string;
  readonly setVersion: number;
  readonly answers: readonly (string | null)[];
};

export type CbtImportResult = { readonly ok: true; readonly records: readonly CbtRecord[] } | { readonly ok: false; readonly rows: readonly RowReport[] };

const err = (code: ImportErrorCode, ja: string, en: string): ImportError => ({ code, ja, en });
const fail = (line: number, e: ImportError): CbtImportResult => ({ ok: false, rows: [{ line, errors: [e] }] });

/** Decodes the bytes; null when they are not valid in the declared encoding. */
export const decodeCsvBytes = (input: Uint8Array | string, encoding: 'utf-8' | 'shift_jis' = 'utf-8'): string | null => {
  let text: string;
  if (typeof input === 'string') text = input;
  else if (encoding === 'shift_jis') {
    text = iconv.decode(Buffer.from(input.buffer, input.byteOffset, input.byteLength), 'cp932');
    if (text.includes('\uFFFD')) return null;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return null;
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};

type Layout = { kind: 'answers' } | { kind: 'columns'; count: number };

const readHeader = (fields: readonly string[]): Layout | null => {
  const h = fields.map((f) => f.trim().toLowerCase());
  if (h[0] !== 'exam_number' || h[1] !== 'set_code' || h.length < 3) return null;
  if (h.length === 3 && h[2] === 'answers') return { kind: 'answers' };
  for (let i = 2; i < h.length; i++) if (h[i] !== `q${i - 1}`) return null;
  return { kind: 'columns', count: h.length - 2 };
};

const splitAnswers = (field: string): string[] => (field.includes(',') ? field.split(',') : field === '' ? [''] : [...field]);

const readAnswers = (raw: readonly string[], expected: number, errors: ImportError[]): (string | null)[] => {
  const used = raw.slice(0, expected);
  const extra = raw.slice(expected).some((a) => a.trim() !== '');
  if (used.length !== expected || extra) {
    const got = extra ? raw.length : used.length;
    errors.push(err('answer_count', `解答数が${got}件です（問題数は${expected}問）。`, `${got} answers given; the set has ${expected} questions.`));
    return [];
  }
  const answers: (string | null)[] = [];
  const bad: number[] = [];
  used.forEach((a, i) => {
    const t = a.trim().toUpperCase();
    if (t === '' || t === '-') answers.push(null);
    else if (/^[A-Z]$/.test(t)) answers.push(t);
    else bad.push(i + 1);
  });
  if (bad.length > 0) {
    const list = bad.slice(0, 10).join(', ') + (bad.length > 10 ? ' …' : '');
    errors.push(err('answer_invalid', `解答が英字1文字または空欄ではありません（問${list}）。`, `Answers must be one letter or blank (question ${list}).`));
  }
  return answers;
};

export const importCbtResults = (input: Uint8Array | string, options: CbtImportOptions): CbtImportResult => {
  const text = decodeCsvBytes(input, options.encoding);
  if (text === null) {
    const name = options.encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8';
    return fail(0, err('encoding', `ファイルが${name}として読めません。文字コードを確認してください。`, `The file is not valid ${name}. Check the encoding.`));
  }
  const { records, problems } = parseCsv(text);
  const header = records[0];
  if (!header) return fail(0, err('empty', 'ファイルにデータがありません。', 'The file is empty.'));
  const layout = readHeader(header.fields);
  if (!layout) {
    return fail(header.line, err('header', '見出し行は exam_number,set_code,answers または exam_number,set_code,q1,q2,… としてください。', 'The header must be exam_number,set_code,answers or exam_number,set_code,q1,q2,….'));
  }
  const maxRows = options.maxRows ?? 200_000;
  if (records.length - 1 > maxRows) return fail(0, err('too_many_rows', `行数が上限（${maxRows}行）を超えています。`, `More than ${maxRows} rows.`));

  const reports = new Map<number, ImportError[]>();
  for (const p of problems) {
    reports.set(p.line, [
      p.problem === 'unclosed_quote'
        ? err('csv_syntax', '引用符（"）が閉じられていません。', 'A quoted field is not closed.')
        : err('csv_syntax', '引用符（"）の後に余分な文字があります。', 'Unexpected text after a closing quote.'),
    ]);
  }
  const out: CbtRecord[] = [];
  const firstLine = new Map<string, number>();
  const width = layout.kind === 'answers' ? 3 : layout.count + 2;

  for (const rec of records.slice(1)) {
    const errors: ImportError[] = [];
    if (rec.fields.length !== width) {
      errors.push(err('field_count', `列の数が${rec.fields.length}です（${width}列必要）。`, `${rec.fields.length} columns; ${width} expected.`));
      reports.set(rec.line, errors);
      continue;
    }
    const parsed = parseExamNumber(rec.fields[0]!);
    let expected: ExpectedSitting | undefined;
    let examNumber = '';
    if (!parsed.ok) {
      errors.push(
        parsed.problem === 'format'
          ? err('exam_number_format', `受験番号「${rec.fields[0]}」の形式が正しくありません。`, `Exam number "${rec.fields[0]}" is not in the right format.`)
          : err('exam_number_check', `受験番号「${rec.fields[0]}」のチェック文字が一致しません。`, `Exam number "${rec.fields[0]}" fails its check character.`),
      );
    } else {
      examNumber = parsed.value;
      expected = options.candidates.get(examNumber);
      if (!expected) errors.push(err('unknown_exam_number', `受験番号 ${examNumber} はこの試験の受験者にありません。`, `Exam number ${examNumber} is not registered for this sitting.`));
      const first = firstLine.get(examNumber);
      if (first !== undefined) errors.push(err('duplicate', `受験番号 ${examNumber} は${first}行目と重複しています。`, `Exam number ${examNumber} repeats line ${first}.`));
      else firstLine.set(examNumber, rec.line);
    }
    const [code, version] = rec.fields[1]!.trim().split('@');
    if (expected && (code !== expected.setCode || (version !== undefined && version !== String(expected.setVersion)))) {
      errors.push(err('set_code_mismatch', `問題セット「${rec.fields[1]}」はこの受験者に割り当てたもの（${expected.setCode}@${expected.setVersion}）と異なります。`, `Question set "${rec.fields[1]}" differs from the one assigned (${expected.setCode}@${expected.setVersion}).`));
    }
    const raw = layout.kind === 'answers' ? splitAnswers(rec.fields[2]!) : rec.fields.slice(2);
    const answers = expected ? readAnswers(raw, expected.questionCount, errors) : [];
    if (errors.length > 0) reports.set(rec.line, errors);
    else out.push({ line: rec.line, examNumber, setCode: expected!.setCode, setVersion: expected!.setVersion, answers });
  }
  if (reports.size > 0) return { ok: false, rows: [...reports].sort((a, b) => a[0] - b[0]).map(([line, errors]) => ({ line, errors })) };
  if (out.length === 0) return fail(0, err('empty', 'データ行がありません。', 'The file has a header but no rows.'));
  return { ok: true, records: out };
};
