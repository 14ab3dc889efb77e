import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvText, encodeCsv, neutraliseCell, parseCsv } from './csv.js';

describe('roster CSV', () => {
  it('neutralises formula injection', () => {
    for (const v of ['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx']) expect(neutraliseCell(v).startsWith("'")).toBe(true);
    expect(neutraliseCell('株式会社=')).toBe('株式会社=');
    expect(csvText([['=HYPERLINK("x")', 'a,b']])).toBe(`"'=HYPERLINK(""x"")","a,b"\r\n`);
  });
  it('writes UTF-8 with a BOM, and Shift_JIS (cp932) that round-trips Japanese', () => {
    const text = csvText([['事業所', '㈱髙橋製作所']]);
    const utf8 = encodeCsv(text, 'utf8');
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sjis = encodeCsv(text, 'sjis');
    expect(sjis.includes(0xef)).toBe(false);
    expect(iconv.decode(sjis, 'cp932')).toBe(text);
  });
  it('parses quoted fields, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffa,"b ""q""",c\r\n1,"x\ny",3\n')).toEqual([
      ['a', 'b "q"', 'c'],
      ['1', 'x\ny', '3'],
    ]);
  });
});
