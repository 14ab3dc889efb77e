// What a bank sends back for a debit file we exported: the same records with each data record's result code filled
// in and the trailer's debited / not-debited counts and amounts set (Zengin type 91), in Shift_JIS.
import iconv from 'iconv-lite';

export type RowEdit = { code: string; amountYen?: number; customerNumber?: string };

/**
 * `edit(customerNumber)` says what the bank did with each data record (undefined: leave the record out). `extra`
 * adds records copied from the first data record with another customer number, amount and code.
 */
export const bankResultFile = (requestFile: Buffer, edit: (customerNumber: string) => RowEdit | undefined, extra: RowEdit[] = []): Buffer => {
  const lines = iconv.decode(requestFile, 'Shift_JIS').split('\r\n').filter(Boolean);
  const header = lines.find((l) => l[0] === '1')!;
  const trailer = lines.find((l) => l[0] === '8')!;
  const end = lines.find((l) => l[0] === '9')!;
  const data = lines.filter((l) => l[0] === '2');
  const out: string[] = [];
  const apply = (line: string, e: RowEdit): string => {
    const amount = String(e.amountYen ?? Number(line.slice(80, 90))).padStart(10, '0');
    const customer = e.customerNumber ?? line.slice(91, 111);
    return line.slice(0, 80) + amount + line[90] + customer + e.code + line.slice(112);
  };
  for (const line of data) {
    const e = edit(line.slice(91, 111));
    if (e) out.push(apply(line, e));
  }
  for (const e of extra) out.push(apply(data[0]!, e));
  const sum = (rows: string[]) => rows.reduce((s, l) => s + Number(l.slice(80, 90)), 0);
  const debited = out.filter((l) => l[111] === '0');
  const failed = out.filter((l) => l[111] !== '0');
  const n = (v: number, w: number) => String(v).padStart(w, '0');
  const newTrailer = '8' + n(out.length, 6) + n(sum(out), 12) + n(debited.length, 6) + n(sum(debited), 12) + n(failed.length, 6) + n(sum(failed), 12) + trailer.slice(55);
  return iconv.encode([header, ...out, newTrailer, end].join('\r\n') + '\r\n', 'Shift_JIS');
};
