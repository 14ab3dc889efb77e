import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type ExpectedSitting, importCbtResults } from './cbt-import.js';
import { formatExamNumber } from './exam-number.js';

const n1 = formatExamNumber({ level: 'i', year: 2026, sequence: 1 });
const n2 = formatExamNumber({ level: 'i', year: 2026, sequence: 2 });
const n3 = formatExamNumber({ level: 'i', year: 2026, sequence: 3 });
const stranger = formatExamNumber({ level: 'i', year: 2026, sequence: 999 });
const candidates = new Map<string, ExpectedSitting>([
  [n1, { setCode: 'KK1-03', setVersion: 2, questionCount: 4 }],
  [n2, { setCode: 'KK1-03', setVersion: 2, questionCount: 4 }],
  [n3, { setCode: 'KK1-05', setVersion: 1, questionCount: 3 }],
]);
const codes = (r: ReturnType<typeof importCbtResults>) => (r.ok ? [] : r.rows.map((row) => [row.line, row.errors.map((e) => e.code)]));

describe('CBT result import (all or nothing)', () => {
  it('layout A: reads answers, blanks, compact form and lower case; version comes from our records', () => {
    const csv = `exam_number,set_code,answers\n${n1},KK1-03,"A,c,,D"\n${n2},KK1-03@2,AC-D\n${n3},KK1-05,"B,-,a"\n`;
    const r = importCbtResults(csv, { candidates });
    expect(r).toEqual({
      ok: true,
      records: [
        { line: 2, examNumber: n1, setCode: 'KK1-03', setVersion: 2, answers: ['A', 'C', null, 'D'] },
        { line: 3, examNumber: n2, setCode: 'KK1-03', setVersion: 2, answers: ['A', 'C', null, 'D'] },
        { line: 4, examNumber: n3, setCode: 'KK1-05', setVersion: 1, answers: ['B', null, 'A'] },
      ],
    });
  });

  it('layout B: one column per question; columns beyond the set must be empty', () => {
    const csv = `EXAM_NUMBER,Set_Code,q1,q2,q3,q4\r\n${n1},KK1-03,A,B,C,D\r\n${n3},KK1-05,A,B,C,\r\n`;
    const r = importCbtResults(csv, { candidates });
    expect(r.ok && r.records.map((x) => x.answers)).toEqual([['A', 'B', 'C', 'D'], ['A', 'B', 'C']]);
    const bad = importCbtResults(`exam_number,set_code,q1,q2,q3,q4\n${n3},KK1-05,A,B,C,D\n`, { candidates });
    expect(codes(bad)).toEqual([[2, ['answer_count']]]);
  });

  it('UTF-8 with BOM and CRLF', () => {
    const bytes = Buffer.from(`\uFEFFexam_number,set_code,answers\r\n${n1},KK1-03,ABCD\r\n`, 'utf8');
    expect(importCbtResults(bytes, { candidates }).ok).toBe(true);
  });

  it('Shift_JIS input when the parameter says so (full-width exam number from a Japanese spreadsheet)', () => {
    const wide = n1.replace(/[0-9A-Z-]/g, (ch) => (ch === '-' ? '－' : String.fromCharCode(ch.charCodeAt(0) + 0xfee0)));
    const bytes = iconv.encode(`exam_number,set_code,answers\r\n${wide},KK1-03,ABCD\r\n`, 'cp932');
    const r = importCbtResults(bytes, { candidates, encoding: 'shift_jis' });
    expect(r.ok && r.records[0]?.examNumber).toBe(n1);
    // The same bytes read as UTF-8 are refused as a whole.
    expect(codes(importCbtResults(bytes, { candidates }))).toEqual([[0, ['encoding']]]);
  });

  it('invalid Shift_JIS bytes are refused', () => {
    const bytes = Buffer.concat([Buffer.from('exam_number,set_code,answers\n'), Buffer.from([0x81, 0x20, 0x0a])]);
    expect(codes(importCbtResults(bytes, { candidates, encoding: 'shift_jis' }))).toEqual([[0, ['encoding']]]);
  });

  it('rejects row by row: unknown exam number, bad check, wrong set, wrong count, bad letters, duplicates — and returns no records', () => {
    const badCheck = n2.slice(0, -1) + (n2.endsWith('A') ? 'B' : 'A');
    const csv = [
      'exam_number,set_code,answers',
      `${n1},KK1-03,ABCD`,
      `${stranger},KK1-03,ABCD`,
      `${badCheck},KK1-03,ABCD`,
      `${n3},KK1-03,ABC`,
      `${n2},KK1-03,ABC`,
      `${n2},KK1-03,"A,B,1,DD"`,
      `${n1},KK1-03@1,ABCD`,
      `nonsense,KK1-03,ABCD`,
      `${n3},KK1-05`,
    ].join('\n');
    const r = importCbtResults(csv, { candidates });
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual([
      [3, ['unknown_exam_number']],
      [4, ['exam_number_check']],
      [5, ['set_code_mismatch']],
      [6, ['answer_count']],
      [7, ['duplicate', 'answer_invalid']],
      [8, ['duplicate', 'set_code_mismatch']],
      [9, ['exam_number_format']],
      [10, ['field_count']],
    ]);
    if (!r.ok) {
      for (const row of r.rows) for (const e of row.errors) expect(e.ja.length * e.en.length).toBeGreaterThan(0);
      expect(r.rows[4]?.errors[0]?.en).toContain('line 6');
      expect(r.rows[4]?.errors[1]?.en).toContain('question 3, 4');
    }
  });

  it('one bad row among good ones fails the whole import', () => {
    const r = importCbtResults(`exam_number,set_code,answers\n${n1},KK1-03,ABCD\n${stranger},KK1-03,ABCD\n`, { candidates });
    expect(r).toMatchObject({ ok: false });
    expect('records' in r).toBe(false);
  });

  it('file-level problems: empty, wrong header, header only, unclosed quote, too many rows', () => {
    expect(codes(importCbtResults('', { candidates }))).toEqual([[0, ['empty']]]);
    expect(codes(importCbtResults('number,set,answers\n', { candidates }))).toEqual([[1, ['header']]]);
    expect(codes(importCbtResults('exam_number,set_code,q1,q3\n', { candidates }))).toEqual([[1, ['header']]]);
    expect(codes(importCbtResults('exam_number,set_code,answers\n', { candidates }))).toEqual([[0, ['empty']]]);
    expect(codes(importCbtResults(`exam_number,set_code,answers\n${n1},KK1-03,"ABCD\n`, { candidates }))).toEqual([[2, ['csv_syntax']]]);
    const many = `exam_number,set_code,answers\n${n1},KK1-03,ABCD\n${n2},KK1-03,ABCD\n`;
    expect(codes(importCbtResults(many, { candidates, maxRows: 1 }))).toEqual([[0, ['too_many_rows']]]);
  });
});
