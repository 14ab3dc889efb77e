import iconv from 'iconv-lite';

// CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and formula injection neutralised (a cell starting with
// = + - @ tab or CR is prefixed with an apostrophe, so Excel or LibreOffice shows it as text instead of evaluating it).

export type CsvEncoding = 'utf8' | 'sjis';

const FORMULA_START = /^[=+\-@\t\r]/;

export const neutraliseCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

export const csvCell = (value: unknown): string => {
  const text = neutraliseCell(value === null || value === undefined ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvText = (rows: readonly (readonly unknown[])[]): string => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

/**
 * UTF-8 with a byte-order mark (Excel then opens it as UTF-8), or Shift_JIS for older Excel. We encode with
 * Windows-31J (cp932), the Shift_JIS variant Excel reads and writes, so 髙, ①, ㈱ survive; characters outside it
 * become '?'.
 */
export const encodeCsv = (text: string, encoding: CsvEncoding): Buffer =>
  encoding === 'sjis' ? iconv.encode(text, 'cp932') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

/** Parses CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF); strips a UTF-8 BOM. */
export const parseCsv = (input: string): string[][] => {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
};
