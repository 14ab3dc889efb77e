import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CONSIGNOR, RECORD_LENGTH, toZenginKana, zenginDebitFile, zenginDebitRecords } from './zengin.js';

const record = {
  bankCode: '0005',
  bankNameKana: 'ミツビシユーエフジェイ',
  branchCode: '123',
  branchNameKana: 'ナゴヤ',
  accountType: '1' as const,
  accountNumber: '7654321',
  holderNameKana: 'カ）トウカイセイキ',
  amountYen: 81_666,
  newCode: '1' as const,
  customerNumber: '20260000000000000042',
};

describe('Zengin direct-debit file (type 91)', () => {
  it('converts names to half-width katakana: voiced marks split, small kana full size, hiragana accepted', () => {
    expect(toZenginKana('ガッコウ')).toBe('ｶﾞﾂｺｳ');
    expect(toZenginKana('とうかい')).toBe('ﾄｳｶｲ');
    expect(toZenginKana('ﾄｳｶｲ ｾｲｷ')).toBe('ﾄｳｶｲ ｾｲｷ');
    expect(toZenginKana('ab(1)')).toBe('AB(1)');
    expect(() => toZenginKana('東海')).toThrow();
  });

  it('writes header, data, trailer and end records of exactly 120 bytes each, in Shift_JIS with CR LF', () => {
    const lines = zenginDebitRecords(EXAMPLE_CONSIGNOR, '2027-03-27', [record, { ...record, amountYen: 100_000, newCode: '0', customerNumber: '20260000000000000043' }]);
    expect(lines.map((l) => l[0])).toEqual(['1', '2', '2', '8', '9']);
    for (const l of lines) expect(l).toHaveLength(RECORD_LENGTH);
    expect(lines[0]!.slice(1, 3)).toBe('91');
    expect(lines[0]!.slice(54, 58)).toBe('0327');
    const data = lines[1]!;
    expect(data.slice(1, 5)).toBe('0005');
    expect(data.slice(50, 80).trimEnd()).toBe('ｶ)ﾄｳｶｲｾｲｷ');
    expect(data.slice(80, 90)).toBe('0000081666');
    expect(data[90]).toBe('1');
    expect(data.slice(91, 111)).toBe('20260000000000000042');
    expect(lines[3]!.slice(1, 7)).toBe('000002');
    expect(lines[3]!.slice(7, 19)).toBe('000000181666');
    const bytes = zenginDebitFile(EXAMPLE_CONSIGNOR, '2027-03-27', [record]);
    expect(bytes.length).toBe(4 * (RECORD_LENGTH + 2));
    expect(iconv.decode(bytes, 'Shift_JIS').split('\r\n')[1]).toBe(zenginDebitRecords(EXAMPLE_CONSIGNOR, '2027-03-27', [record])[1]);
  });

  it('refuses amounts that are not positive integer yen', () => {
    expect(() => zenginDebitRecords(EXAMPLE_CONSIGNOR, '2027-03-27', [{ ...record, amountYen: 0 }])).toThrow();
    expect(() => zenginDebitRecords(EXAMPLE_CONSIGNOR, '2027-03-27', [{ ...record, amountYen: 10.5 }])).toThrow();
  });
});
