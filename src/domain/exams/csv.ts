// A small RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF or LF, newlines inside quotes. Each record knows
// the physical line it starts on, so an import report can point at it. Blank lines are skipped.

export type CsvRecord = { readonly line: number; readonly fields: readonly string[] };
export type CsvProblem = { readonly line: number; readonly problem: 'unclosed_quote' | 'text_after_quote' };

export const parseCsv = (text: string): { records: CsvRecord[]; problems: CsvProblem[] } => {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let broken = false;
    for (;;) {
      if (text[i] === '"') {
        i += 1;
        let closed = false;
        while (i < n) {
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          if (ch === '\n') line += 1;
          field += ch;
          i += 1;
        }
        if (!closed) {
          problems.push({ line: start, problem: 'unclosed_quote' });
          return { records, problems };
        }
        if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          broken = true;
          while (i < n && text[i] !== ',' && text[i] !== '\n') i += 1;
        }
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) field += text[i++];
      }
      fields.push(field);
      field = '';
      if (i < n && text[i] === ',') {
        i += 1;
        continue;
      }
      if (text[i] === '\r') i += 1;
      if (text[i] === '\n') {
        i += 1;
        line += 1;
      }
      break;
    }
    if (broken) problems.push({ line: start, problem: 'text_after_quote' });
    else if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return { records, problems };
};
