import { readFileSync } from 'node:fs';
import { createPdfDocument, rgb } from '../pdf-document.js';
import { formatWareki, legalDate } from '../../../rules/core/index.js';
import { yen } from './billing.js';

// The receipt (領収書) for one payment: A4, IPAex Gothic embedded as a subset. Dates show 西暦 with 和暦 beside it.
// There is no consumption-tax line: the fee is outside the scope of consumption tax, and the receipt says so
// (jaim-membership-faq Q2-5-9).

export const RECEIPT_FONT_PATH = '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf';
let fontBytes: Uint8Array | undefined;
const loadFont = (): Uint8Array => (fontBytes ??= new Uint8Array(readFileSync(RECEIPT_FONT_PATH)));

export type ReceiptData = {
  receiptNumber: string;
  invoiceNumber: string;
  /** Who paid (the member, or the support organisation paying for it, Q2-5-12). */
  payerName: string;
  memberName: string;
  establishmentName: string;
  fiscalYear: number;
  amountYen: number;
  paidOn: string;
  issuedOn: string;
  method: 'bank_transfer' | 'direct_debit';
  amountsAreExamples: boolean;
};

export const ISSUER = '工業製品製造技能人材機構（JAIM）事務局';

const dateLine = (d: string): string => {
  const ld = legalDate(d);
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日（${formatWareki(ld)}）`;
};

export const renderReceiptPdf = async (r: ReceiptData): Promise<Uint8Array> => {
  if (!Number.isInteger(r.amountYen)) throw new Error('receipt amount must be integer yen');
  const pdf = await createPdfDocument();
  const font = await pdf.embedFont(loadFont(), { subset: true });
  pdf.setTitle(`領収書 ${r.receiptNumber}`);
  pdf.setSubject(`${yen(r.amountYen)} ${r.fiscalYear}年度 年会費`);
  pdf.setAuthor(ISSUER);
  pdf.setCreationDate(new Date(`${r.issuedOn}T00:00:00+09:00`));
  pdf.setModificationDate(new Date(`${r.issuedOn}T00:00:00+09:00`));
  const page = pdf.addPage([595.28, 841.89]);
  const ink = rgb(0.1, 0.1, 0.1);
  const text = (s: string, x: number, y: number, size = 11) => page.drawText(s, { x, y, size, font, color: ink });
  text('領収書', 260, 770, 24);
  text(`No. ${r.receiptNumber}`, 400, 740, 10);
  text(`発行日: ${dateLine(r.issuedOn)}`, 330, 724, 10);
  text(`${r.payerName} 御中`, 60, 680, 14);
  page.drawLine({ start: { x: 60, y: 675 }, end: { x: 330, y: 675 }, thickness: 0.8, color: ink });
  text(`金額  ${yen(r.amountYen)}`, 60, 620, 22);
  page.drawLine({ start: { x: 60, y: 612 }, end: { x: 330, y: 612 }, thickness: 0.8, color: ink });
  const rows: [string, string][] = [
    ['但し', `${r.fiscalYear}年度 賛助会員年会費として`],
    ['会員', r.memberName],
    ['事業所', r.establishmentName],
    ['請求番号', r.invoiceNumber],
    ['入金日', dateLine(r.paidOn)],
    ['支払方法', r.method === 'bank_transfer' ? '銀行振込' : '口座振替'],
    ['消費税', '不課税（対象外）— jaim-membership-faq Q2-5-9'],
  ];
  rows.forEach(([k, v], i) => {
    text(k, 60, 570 - i * 24, 11);
    text(v, 150, 570 - i * 24, 11);
  });
  if (r.payerName !== r.memberName) text(`（${r.payerName} が ${r.memberName} に代わって支払: jaim-membership-faq Q2-5-12）`, 60, 390, 9);
  if (r.amountsAreExamples) text('※ 金額は例示の会費額に基づきます（正式な会費額の公表前）。', 60, 370, 9);
  text('上記の金額を正に領収いたしました。', 60, 340, 11);
  text(ISSUER, 330, 290, 11);
  return pdf.save();
};
