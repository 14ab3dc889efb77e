import iconv from 'iconv-lite';
import { type LegalDate, type Message, isLegalDate, legalDate } from '../../../rules/core/index.js';
import { RECORD_LENGTH } from './zengin.js';

// The direct-debit result file (口座振替結果データ) the bank returns for a request file we exported (zengin.ts): the
// same Zengin type-91 layout, with the result code column of each data record filled in and the trailer's debited
// and failed counts and amounts set. Pure: bytes in, records (or the reason a record or the file is refused) out.
//
//   data record: bank code 1–4, branch code 20–22, account type 42, account number 43–49, holder 50–79,
//                amount 80–89, new-code 90, customer number 91–110, result code 111 (0-based character offsets)
//   header:      type code 1–2 ("91"), consignor code 4–13, debit date MMDD 54–57
//   trailer:     count 1–6, total 7–18, debited count 19–24 + amount 25–36, failed count 37–42 + amount 43–54
//
// Banks send records separated by CR LF, by LF, or with no separator at all (a plain 120-byte stream): all three
// are read.

/** Result codes (振替結果コード) of the Zengin direct-debit layout. */
export const RESULT_CODES: Readonly<Record<string, Message>> = {
  '0': { ja: '振替済', en: 'Debited' },
  '1': { ja: '資金不足', en: 'Insufficient funds' },
  '2': { ja: '取引なし', en: 'No such account' },
  '3': { ja: '預金者の都合による振替停止', en: 'Stopped at the account holder’s request' },
  '4': { ja: '預金口座振替依頼書なし', en: 'No direct-debit authorisation on file' },
  '8': { ja: '委託者の都合による振替停止', en: 'Stopped at the consignor’s request' },
  '9': { ja: 'その他', en: 'Other' },
};

export const resultReason = (code: string): Message => RESULT_CODES[code] ?? { ja: `不明な結果コード（${code}）`, en: `Unknown result code (${code})` };

export type ResultRecord = {
  bankCode: string;
  branchCode: string;
  accountType: string;
  accountNumber: string;
  holderNameKana: string;
  amountYen: number;
  customerNumber: string;
  resultCode: string;
};

export type ResultRow = { line: number; ok: true; record: ResultRecord } | { line: number; ok: false; problem: Message };

export type ResultFile = {
  consignorCode: string;
  /** MMDD as written in the header (the year is not in the file: see debitDateFrom). */
  debitMmdd: string;
  rows: ResultRow[];
  trailer: { count: number; totalYen: number; debitedCount: number; debitedYen: number; failedCount: number; failedYen: number };
};

export type ParseResult = { ok: true; file: ResultFile } | { ok: false; problem: Message };

const refuse = (ja: string, en: string): { ok: false; problem: Message } => ({ ok: false, problem: { ja, en } });

/** Splits the bytes into records: by line breaks when there are any, otherwise into 120-byte pieces. */
const splitRecords = (bytes: Buffer): Buffer[] => {
  if (!bytes.includes(0x0a) && !bytes.includes(0x0d)) {
    const out: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += RECORD_LENGTH) out.push(bytes.subarray(i, i + RECORD_LENGTH));
    return out;
  }
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i += 1) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      let end = i;
      if (end > start && bytes[end - 1] === 0x0d) end -= 1;
      out.push(bytes.subarray(start, end));
      start = i + 1;
    }
  }
  // A final line break leaves an empty piece; an end-of-file mark (0x1a) some systems add is not a record either.
  while (out.length > 0 && (out.at(-1)!.length === 0 || (out.at(-1)!.length === 1 && out.at(-1)![0] === 0x1a))) out.pop();
  return out;
};

const digits = (s: string): boolean => /^\d+$/.test(s);

const parseData = (text: string): ResultRecord | Message => {
  const amount = text.slice(80, 90);
  const customerNumber = text.slice(91, 111);
  const resultCode = text.slice(111, 112);
  const bankCode = text.slice(1, 5);
  const branchCode = text.slice(20, 23);
  const accountNumber = text.slice(43, 50);
  if (!digits(bankCode) || !digits(branchCode) || !digits(accountNumber)) return { ja: '金融機関・支店コードまたは口座番号が数字ではありません', en: 'The bank code, branch code or account number is not numeric' };
  if (!digits(amount) || Number(amount) <= 0) return { ja: '振替金額が正の整数ではありません', en: 'The amount is not a positive whole number of yen' };
  if (!digits(customerNumber)) return { ja: '顧客番号が20桁の数字ではありません', en: 'The customer number is not 20 digits' };
  if (!/^\d$/.test(resultCode)) return { ja: '振替結果コードが記入されていません', en: 'The result code is not filled in' };
  return { bankCode, branchCode, accountType: text.slice(42, 43), accountNumber, holderNameKana: text.slice(50, 80).trimEnd(), amountYen: Number(amount), customerNumber, resultCode };
};

/**
 * Reads a result file. The whole file is refused when it is not a type-91 file in this layout, or its trailer does
 * not agree with its records (a damaged or truncated file must not half-apply); a data record that cannot be read is
 * refused on its own, with the reason, and the others are kept.
 */
export const parseResultFile = (bytes: Buffer): ParseResult => {
  if (bytes.length === 0) return refuse('ファイルが空です', 'The file is empty');
  const records = splitRecords(bytes);
  const texts: string[] = [];
  for (const [i, r] of records.entries()) {
    const kind = String.fromCharCode(r[0] ?? 0x20);
    if (r.length !== RECORD_LENGTH && kind !== '2') return refuse(`${i + 1}行目のレコード長が${RECORD_LENGTH}バイトではありません（全銀形式ではありません）`, `Record ${i + 1} is not ${RECORD_LENGTH} bytes long (not a Zengin file)`);
    texts.push(iconv.decode(r, 'Shift_JIS'));
  }
  const header = texts[0] ?? '';
  if (header[0] !== '1' || header.slice(1, 3) !== '91') return refuse('口座振替（種別コード91）のファイルではありません', 'Not a direct-debit file (type code 91)');
  const debitMmdd = header.slice(54, 58);
  const month = Number(debitMmdd.slice(0, 2));
  const day = Number(debitMmdd.slice(2, 4));
  if (!digits(debitMmdd) || month < 1 || month > 12 || day < 1 || day > 31) return refuse('ヘッダーの振替日（月日）が読めません', 'The debit date (MMDD) in the header cannot be read');
  const consignorCode = header.slice(4, 14);
  const rows: ResultRow[] = [];
  let trailerText: string | undefined;
  let sawEnd = false;
  for (let i = 1; i < texts.length; i += 1) {
    const text = texts[i]!;
    const line = i + 1;
    if (sawEnd) return refuse(`${line}行目: エンドレコードの後にレコードがあります`, `Record ${line}: records after the end record`);
    if (text[0] === '2') {
      if (trailerText !== undefined) return refuse(`${line}行目: トレーラーの後にデータレコードがあります`, `Record ${line}: a data record after the trailer`);
      if (records[i]!.length !== RECORD_LENGTH || text.length !== RECORD_LENGTH) {
        rows.push({ line, ok: false, problem: { ja: `レコード長が${RECORD_LENGTH}バイトではありません`, en: `The record is not ${RECORD_LENGTH} bytes long` } });
        continue;
      }
      const parsed = parseData(text);
      rows.push('customerNumber' in parsed ? { line, ok: true, record: parsed } : { line, ok: false, problem: parsed });
    } else if (text[0] === '8') {
      if (trailerText !== undefined) return refuse(`${line}行目: トレーラーが2つあります`, `Record ${line}: a second trailer`);
      trailerText = text;
    } else if (text[0] === '9') {
      sawEnd = true;
    } else {
      return refuse(`${line}行目: データ区分「${text[0] ?? ''}」は全銀形式にありません`, `Record ${line}: data type "${text[0] ?? ''}" is not in the Zengin layout`);
    }
  }
  if (trailerText === undefined || !sawEnd) return refuse('トレーラーまたはエンドレコードがありません（ファイルが途中で切れています）', 'The trailer or end record is missing (the file is truncated)');
  const n = (from: number, to: number): number => (digits(trailerText.slice(from, to)) ? Number(trailerText.slice(from, to)) : Number.NaN);
  const trailer = { count: n(1, 7), totalYen: n(7, 19), debitedCount: n(19, 25), debitedYen: n(25, 37), failedCount: n(37, 43), failedYen: n(43, 55) };
  if (Object.values(trailer).some((v) => Number.isNaN(v))) return refuse('トレーラーの件数・金額が数字ではありません', 'The trailer counts and amounts are not numeric');
  if (trailer.count !== rows.length) return refuse(`トレーラーの件数（${trailer.count}）とデータレコードの数（${rows.length}）が一致しません`, `The trailer count (${trailer.count}) does not match the number of data records (${rows.length})`);
  const readable = rows.filter((r): r is ResultRow & { ok: true } => r.ok).map((r) => r.record);
  if (readable.length === rows.length) {
    const sum = (list: ResultRecord[]) => list.reduce((s, r) => s + r.amountYen, 0);
    const debited = readable.filter((r) => r.resultCode === '0');
    const failed = readable.filter((r) => r.resultCode !== '0');
    if (sum(readable) !== trailer.totalYen || debited.length !== trailer.debitedCount || sum(debited) !== trailer.debitedYen || failed.length !== trailer.failedCount || sum(failed) !== trailer.failedYen) {
      return refuse('トレーラーの合計（件数・金額・振替済・振替不能）がデータレコードと一致しません', 'The trailer totals (count, amount, debited, not debited) do not match the data records');
    }
  }
  return { ok: true, file: { consignorCode, debitMmdd, rows, trailer } };
};

/**
 * The debit date of a result file: the header carries only the month and day, and a result comes back after the
 * debit, so it is the latest such date on or before `today`.
 */
export const debitDateFrom = (mmdd: string, today: LegalDate): LegalDate | undefined => {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year - 1]) {
    const candidate = `${y}-${mmdd.slice(0, 2)}-${mmdd.slice(2, 4)}`;
    if (isLegalDate(candidate) && candidate <= today) return legalDate(candidate);
  }
  return undefined;
};

/** The invoice a customer number (fiscal year + invoice serial, billing.ts customerNumber) points to. */
export const invoiceKeyOf = (customerNumber: string): { fiscalYear: number; serial: number } | undefined => {
  if (!/^\d{20}$/.test(customerNumber)) return undefined;
  const serial = Number(customerNumber.slice(4));
  return Number.isSafeInteger(serial) && serial > 0 ? { fiscalYear: Number(customerNumber.slice(0, 4)), serial } : undefined;
};
