import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and keeps starting lines', () => {
    const r = parseCsv('a,b\r\n"x,y","say ""hi"""\r\n"multi\nline",z\n\nlast,');
    expect(r.problems).toEqual([]);
    expect(r.records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x,y', 'say "hi"'] },
      { line: 3, fields: ['multi\nline', 'z'] },
      { line: 6, fields: ['last', ''] },
    ]);
  });

  it('reports an unclosed quote and text after a closing quote', () => {
    expect(parseCsv('a\n"open,b\n').problems).toEqual([{ line: 2, problem: 'unclosed_quote' }]);
    const r = parseCsv('"a"x,b\nc,d');
    expect(r.problems).toEqual([{ line: 1, problem: 'text_after_quote' }]);
    expect(r.records).toEqual([{ line: 2, fields: ['c', 'd'] }]);
  });

  it('handles a lone CR inside a field and a file without a final newline', () => {
    expect(parseCsv('a\rb,c').records).toEqual([{ line: 1, fields: ['a\rb', 'c'] }]);
  });
});
