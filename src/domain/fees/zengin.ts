import iconv from 'iconv-lite';

// The direct-debit request file (預金口座振替依頼データ) in the Zengin (全銀協) fixed-length layout, type code 91
// (口座振替): 120-byte records in JIS 8-bit code (Shift_JIS; every character allowed is one byte: digits, upper-case
// letters, half-width katakana and a few symbols), records separated by CR LF.
//
//   header  (1): data type "1", type code "91", code "0" (JIS), consignor code (10), consignor name (40),
//                debit date MMDD (4), bank code (4) + name (15), branch code (3) + name (15), account type (1),
//                account number (7), filler (17)
//   data    (2): data type "2", bank code (4) + name (15), branch code (3) + name (15), filler (4), account type (1),
//                account number (7), account holder (30), amount (10), new-code (1), customer number (20),
//                result code (1, "0" on a request), filler (8)
//   trailer (8): data type "8", count (6), total (12), debited count (6) + amount (12), failed count (6) + amount (12)
//                — the last four are zero on a request —, filler (65)
//   end     (9): data type "9", filler (119)
// Numbers are right-aligned with leading zeros; text is left-aligned and padded with spaces.

export const RECORD_LENGTH = 120;

const KANA_FULL = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';
const KANA_HALF = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ';
const VOICED: Record<string, string> = {};
const BASE_OF: Record<string, string> = {};
'ガギグゲゴザジズゼゾダヂヅデドバビブベボ'.split('').forEach((c, i) => (VOICED[c] = 'カキクケコサシスセソタチツテトハヒフヘホ'[i]! + '゛'));
'パピプペポ'.split('').forEach((c, i) => (VOICED[c] = 'ハヒフヘホ'[i]! + '゜'));
VOICED['ヴ'] = 'ウ゛';
// Small kana are written as full-size kana in Zengin data.
'ァィゥェォッャュョヮ'.split('').forEach((c, i) => (BASE_OF[c] = 'アイウエオツヤユヨワ'[i]!));
const ALLOWED = /^[0-9A-Z ｱ-ﾝﾞﾟ().,\-/\\]*$/;

/** Converts a name to Zengin half-width katakana (hiragana → katakana, small kana → full size); throws on anything else. */
export const toZenginKana = (input: string): string => {
  let s = input.normalize('NFKC').toUpperCase();
  s = s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  s = s.normalize('NFKC');
  let out = '';
  for (const ch of s) {
    let c = BASE_OF[ch] ?? ch;
    const voiced = VOICED[c];
    if (voiced) c = voiced;
    for (const part of c) {
      if (part === '゛') out += 'ﾞ';
      else if (part === '゜') out += 'ﾟ';
      else if (part === 'ー' || part === '－' || part === '‐') out += '-';
      else if (part === '　') out += ' ';
      else {
        const k = KANA_FULL.indexOf(part);
        out += k >= 0 ? KANA_HALF[k] : part;
      }
    }
  }
  if (!ALLOWED.test(out)) throw new Error(`not representable in Zengin kana: ${input}`);
  return out;
};

export const isZenginKana = (input: string): boolean => {
  try {
    toZenginKana(input);
    return true;
  } catch {
    return false;
  }
};

const num = (value: number | string, width: number): string => {
  const s = String(value);
  if (!/^\d+$/.test(s) || s.length > width) throw new Error(`numeric field of width ${width}: ${s}`);
  return s.padStart(width, '0');
};
const txt = (value: string, width: number): string => {
  const s = toZenginKana(value);
  return s.length > width ? s.slice(0, width) : s.padEnd(width, ' ');
};
const filler = (width: number): string => ' '.repeat(width);

export type Consignor = {
  code: string; // 委託者コード (10 digits, assigned by the bank)
  nameKana: string;
  bankCode: string;
  bankNameKana: string;
  branchCode: string;
  branchNameKana: string;
  accountType: '1' | '2' | '9';
  accountNumber: string;
};

export type DebitRecord = {
  bankCode: string;
  bankNameKana: string;
  branchCode: string;
  branchNameKana: string;
  accountType: '1' | '2' | '9';
  accountNumber: string;
  holderNameKana: string;
  amountYen: number;
  /** '1' first debit on this account, '2' changed account, '0' otherwise. */
  newCode: '0' | '1' | '2';
  customerNumber: string;
};

const check = (record: string): string => {
  if (record.length !== RECORD_LENGTH) throw new Error(`record of ${record.length} characters, not ${RECORD_LENGTH}: ${record}`);
  return record;
};

/** The records as text (one per line). `debitDate` is YYYY-MM-DD (only MMDD is written). */
export const zenginDebitRecords = (consignor: Consignor, debitDate: string, records: readonly DebitRecord[]): string[] => {
  const mmdd = debitDate.slice(5, 7) + debitDate.slice(8, 10);
  const header =
    '1' + '91' + '0' + num(consignor.code, 10) + txt(consignor.nameKana, 40) + num(mmdd, 4) + num(consignor.bankCode, 4) + txt(consignor.bankNameKana, 15) +
    num(consignor.branchCode, 3) + txt(consignor.branchNameKana, 15) + num(consignor.accountType, 1) + num(consignor.accountNumber, 7) + filler(17);
  let total = 0;
  const data = records.map((r) => {
    if (!Number.isInteger(r.amountYen) || r.amountYen <= 0) throw new Error(`amount must be positive integer yen: ${r.amountYen}`);
    total += r.amountYen;
    return check(
      '2' + num(r.bankCode, 4) + txt(r.bankNameKana, 15) + num(r.branchCode, 3) + txt(r.branchNameKana, 15) + filler(4) + num(r.accountType, 1) + num(r.accountNumber, 7) +
        txt(r.holderNameKana, 30) + num(r.amountYen, 10) + r.newCode + num(r.customerNumber, 20) + '0' + filler(8),
    );
  });
  const trailer = '8' + num(records.length, 6) + num(total, 12) + num(0, 6) + num(0, 12) + num(0, 6) + num(0, 12) + filler(65);
  const end = '9' + filler(119);
  return [check(header), ...data, check(trailer), check(end)];
};

/** The file bytes: Shift_JIS, CR LF after every record. */
export const zenginDebitFile = (consignor: Consignor, debitDate: string, records: readonly DebitRecord[]): Buffer => {
  const bytes = iconv.encode(zenginDebitRecords(consignor, debitDate, records).join('\r\n') + '\r\n', 'Shift_JIS');
  return bytes;
};

/**
 * The consignor (JAIM's collection account). EXAMPLE values: the real consignor code and account come from the
 * collection agent's contract and are set by the operator.
 */
export const EXAMPLE_CONSIGNOR: Consignor = {
  code: '0000000001',
  nameKana: 'ｺｳｷﾞﾖｳｾｲﾋﾝｾｲｿﾞｳｷﾞﾉｳｼﾞﾝｻﾞｲｷｺｳ',
  bankCode: '0001',
  bankNameKana: 'ﾚｲｼﾞｷﾞﾝｺｳ',
  branchCode: '001',
  branchNameKana: 'ﾎﾝﾃﾝ',
  accountType: '1',
  accountNumber: '1234567',
};
