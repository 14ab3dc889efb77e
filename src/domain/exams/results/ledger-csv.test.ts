import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeLedgerCsv, renderLedgerCsv, type LedgerCsvRow } from './ledger-csv.js';

const row: LedgerCsvRow = {
  examNumber: 'SSW1-2026-0000001-X', familyName: '=HYPERLINK("x")', givenName: 'VAN, AN', dateOfBirth: '2000-01-02', nationality: 'VN', examDate: '2026-02-15',
  categoryCode: 'kikai_kinzoku', level: 'i', setCode: 'KK1-03', setVersion: 2, writtenScore: 80, practicalScore: null, outcome: 'pass', resultStatus: 'released', certificateNumber: 'C1-2026-0000001', certificateStatus: 'issued',
};

describe('ledger CSV', () => {
  it('quotes commas, neutralises formulas and names the set version', () => {
    const text = renderLedgerCsv([row]);
    const line = text.split('\r\n')[1]!;
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain('"VAN, AN"');
    expect(line).toContain('KK1-03@2');
    expect(line).toContain('80,,pass');
  });
  it('UTF-8 has a BOM; Shift_JIS round-trips Japanese', () => {
    const utf8 = encodeLedgerCsv('受験番号\r\n', 'utf-8');
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sjis = encodeLedgerCsv('受験番号\r\n', 'shift_jis');
    expect(sjis.length).toBe(10);
    expect(iconv.decode(sjis, 'cp932')).toBe('受験番号\r\n');
  });
});
