import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { legalDate } from '../../../rules/core/index.js';
import { EXAMPLE_CONSIGNOR, zenginDebitRecords, type DebitRecord } from './zengin.js';
import { debitDateFrom, invoiceKeyOf, parseResultFile, resultReason } from './zengin-result.js';

const base: DebitRecord = {
  bankCode: '0005',
  bankNameKana: 'ミツビシユーエフジェイ',
  branchCode: '123',
  branchNameKana: 'ナゴヤ',
  accountType: '1',
  accountNumber: '7654321',
  holderNameKana: 'カ）トウカイセイキ',
  amountYen: 81_666,
  newCode: '0',
  customerNumber: '20270000000000000042',
};

/** What the bank sends back: our request records with each data record's result code and the trailer filled in. */
const resultLines = (records: DebitRecord[], codes: string[]): string[] => {
  const lines = zenginDebitRecords(EXAMPLE_CONSIGNOR, '2027-03-27', records);
  let k = 0;
  let debited = [0, 0];
  let failed = [0, 0];
  const out = lines.map((l) => {
    if (l[0] !== '2') return l;
    const code = codes[k++]!;
    const amount = Number(l.slice(80, 90));
    if (code === '0') debited = [debited[0]! + 1, debited[1]! + amount];
    else failed = [failed[0]! + 1, failed[1]! + amount];
    return l.slice(0, 111) + code + l.slice(112);
  });
  const t = out.findIndex((l) => l[0] === '8');
  const tr = out[t]!;
  out[t] = tr.slice(0, 19) + String(debited[0]).padStart(6, '0') + String(debited[1]).padStart(12, '0') + String(failed[0]).padStart(6, '0') + String(failed[1]).padStart(12, '0') + tr.slice(55);
  return out;
};
const sjis = (lines: string[], sep = '\r\n') => iconv.encode(lines.join(sep) + sep, 'Shift_JIS');

describe('Zengin direct-debit result file (type 91)', () => {
  const records = [base, { ...base, amountYen: 100_000, customerNumber: '20270000000000000043' }, { ...base, amountYen: 45_000, customerNumber: '20270000000000000044' }];

  it('reads every data record with its result code, amount and customer number (CR LF, LF or no separator)', () => {
    const lines = resultLines(records, ['0', '1', '3']);
    for (const bytes of [sjis(lines), sjis(lines, '\n'), iconv.encode(lines.join(''), 'Shift_JIS')]) {
      const r = parseResultFile(bytes);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.file.debitMmdd).toBe('0327');
      expect(r.file.consignorCode).toBe(EXAMPLE_CONSIGNOR.code);
      expect(r.file.rows.map((x) => (x.ok ? [x.line, x.record.resultCode, x.record.amountYen, x.record.customerNumber] : x.line))).toEqual([
        [2, '0', 81_666, '20270000000000000042'],
        [3, '1', 100_000, '20270000000000000043'],
        [4, '3', 45_000, '20270000000000000044'],
      ]);
      expect(r.file.trailer).toMatchObject({ count: 3, debitedCount: 1, debitedYen: 81_666, failedCount: 2, failedYen: 145_000 });
      const first = r.file.rows[0]!;
      expect(first.ok && first.record).toMatchObject({ bankCode: '0005', branchCode: '123', accountNumber: '7654321', holderNameKana: 'ｶ)ﾄｳｶｲｾｲｷ' });
    }
  });

  it('names each failure reason in Japanese and English', () => {
    expect(resultReason('1')).toEqual({ ja: '資金不足', en: 'Insufficient funds' });
    expect(resultReason('2').ja).toBe('取引なし');
    expect(resultReason('3').ja).toBe('預金者の都合による振替停止');
    expect(resultReason('4').ja).toContain('依頼書なし');
    expect(resultReason('8').ja).toBe('委託者の都合による振替停止');
    expect(resultReason('9').ja).toBe('その他');
    expect(resultReason('6').en).toContain('Unknown');
  });

  it('refuses an unreadable data record on its own and keeps the others', () => {
    const lines = resultLines(records, ['0', '0', '2']);
    lines[2] = lines[2]!.slice(0, 80) + '00001X0000' + lines[2]!.slice(90);
    const r = parseResultFile(sjis(lines));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.rows.map((x) => x.ok)).toEqual([true, false, true]);
    const bad = r.file.rows[1]!;
    expect(!bad.ok && bad.problem.en).toContain('amount');
  });

  it('refuses a record whose result code was not filled in (a request file sent back by mistake is caught by its trailer)', () => {
    const lines = resultLines(records, ['0', ' ', '0']);
    const r = parseResultFile(sjis(lines));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.rows[1]).toMatchObject({ ok: false, problem: { en: 'The result code is not filled in' } });
    const request = parseResultFile(sjis(zenginDebitRecords(EXAMPLE_CONSIGNOR, '2027-03-27', [base])));
    // A request has result code "0" everywhere but a zero debited total in its trailer: the totals disagree.
    expect(request.ok).toBe(false);
  });

  it('refuses the whole file when it is not type 91, a record is not 120 bytes, the trailer disagrees or the file is truncated', () => {
    const good = resultLines(records, ['0', '1', '0']);
    const notDebit = [...good];
    notDebit[0] = '1' + '21' + notDebit[0]!.slice(3);
    expect(parseResultFile(sjis(notDebit))).toMatchObject({ ok: false, problem: { en: 'Not a direct-debit file (type code 91)' } });
    const shortHeader = [...good];
    shortHeader[0] = shortHeader[0]!.slice(0, 100);
    expect(parseResultFile(sjis(shortHeader)).ok).toBe(false);
    const badTotal = [...good];
    const t = badTotal.findIndex((l) => l[0] === '8');
    badTotal[t] = badTotal[t]!.slice(0, 25) + '000000000001' + badTotal[t]!.slice(37);
    expect(parseResultFile(sjis(badTotal))).toMatchObject({ ok: false, problem: { en: expect.stringContaining('trailer totals') } });
    const missingRow = good.filter((_, i) => i !== 2);
    expect(parseResultFile(sjis(missingRow))).toMatchObject({ ok: false, problem: { en: expect.stringContaining('does not match the number of data records') } });
    expect(parseResultFile(sjis(good.slice(0, 3))).ok).toBe(false);
    expect(parseResultFile(Buffer.alloc(0)).ok).toBe(false);
    expect(parseResultFile(Buffer.from('a,b,c\r\n1,2,3\r\n')).ok).toBe(false);
  });

  it('finds the debit date: the latest date with the header month and day on or before today', () => {
    expect(debitDateFrom('0327', legalDate('2027-04-02'))).toBe('2027-03-27');
    expect(debitDateFrom('0327', legalDate('2027-03-27'))).toBe('2027-03-27');
    expect(debitDateFrom('1227', legalDate('2027-01-05'))).toBe('2026-12-27');
    expect(debitDateFrom('0229', legalDate('2028-03-01'))).toBe('2028-02-29');
    expect(debitDateFrom('0229', legalDate('2027-03-01'))).toBeUndefined();
  });

  it('reads the invoice from a customer number (fiscal year + serial)', () => {
    expect(invoiceKeyOf('20270000000000000042')).toEqual({ fiscalYear: 2027, serial: 42 });
    expect(invoiceKeyOf('2027000000000000004')).toBeUndefined();
    expect(invoiceKeyOf('20270000000000000000')).toBeUndefined();
  });
});
