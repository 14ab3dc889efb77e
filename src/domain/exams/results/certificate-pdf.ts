import { readFileSync } from 'node:fs';
import type { PDFFont, PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { createPdfDocument, rgb } from '../../pdf-document.js';

// The pass certificate (合格証明書) as an A4 PDF, Japanese and English on one page, with a QR code carrying the signed
// certificate token (as a verification URL). The font is IPAex Gothic from Debian (fonts-ipaexfont-gothic), embedded as
// a subset (stack-notes §1: ~20 KB per document). The QR is drawn as vector squares, so it prints sharp at any size.

export const CERTIFICATE_FONT_PATH = '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf';

export type CertificatePdfInput = {
  readonly certificateNumber: string;
  readonly examNumber: string;
  readonly holderName: string;
  readonly dateOfBirth: string;
  readonly nationality: string;
  readonly category: { readonly ja: string; readonly en: string };
  readonly level: 'i' | 'ii';
  readonly examDate: string;
  readonly passDate: string;
  readonly issuedOn: string;
  /** What the QR code encodes: the verification URL with the signed token. */
  readonly qrText: string;
  /** Printed under the QR code so a reader without a scanner can check by hand. */
  readonly verifyUrl: string;
  readonly revokedOn?: string | null;
};

let fontBytes: Uint8Array | undefined;
const loadFont = (): Uint8Array => (fontBytes ??= new Uint8Array(readFileSync(CERTIFICATE_FONT_PATH)));

const A4 = { width: 595.28, height: 841.89 };
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.3, 0.3, 0.34);

const LEVEL_LABEL = { i: { ja: '1号', en: 'Level (i)' }, ii: { ja: '2号', en: 'Level (ii)' } } as const;

const drawCentred = (page: PDFPage, font: PDFFont, text: string, y: number, size: number, color = INK): void => {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (A4.width - width) / 2, y, size, font, color });
};

const drawQr = (page: PDFPage, text: string, x: number, y: number, size: number): void => {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const cell = size / (n + quiet * 2);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (!qr.modules.get(row, col)) continue;
      page.drawRectangle({ x: x + (col + quiet) * cell, y: y + size - (row + quiet + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
    }
  }
};

export const renderCertificatePdf = async (c: CertificatePdfInput): Promise<Uint8Array> => {
  const pdf = await createPdfDocument();
  const font = await pdf.embedFont(loadFont(), { subset: true });
  pdf.setTitle(`合格証明書 Certificate of Pass ${c.certificateNumber}`);
  pdf.setSubject('製造分野特定技能評価試験 / Manufacturing skills exam');
  pdf.setProducer('Jinzai');
  pdf.setCreationDate(new Date(`${c.issuedOn}T00:00:00+09:00`));
  pdf.setModificationDate(new Date(`${c.issuedOn}T00:00:00+09:00`));
  const page = pdf.addPage([A4.width, A4.height]);

  page.drawRectangle({ x: 28, y: 28, width: A4.width - 56, height: A4.height - 56, borderColor: rgb(0.1, 0.2, 0.5), borderWidth: 2 });
  drawCentred(page, font, '合格証明書', 740, 30);
  drawCentred(page, font, 'Certificate of Pass', 710, 18, MUTED);
  drawCentred(page, font, '製造分野特定技能評価試験', 678, 14);
  drawCentred(page, font, 'Specified Skilled Worker Evaluation Test (Manufacturing)', 660, 11, MUTED);

  const rows: [string, string, string][] = [
    ['証明書番号', 'Certificate No.', c.certificateNumber],
    ['受験番号', 'Exam No.', c.examNumber],
    ['氏名', 'Name', c.holderName],
    ['生年月日', 'Date of birth', c.dateOfBirth],
    ['国籍', 'Nationality', c.nationality],
    ['試験区分', 'Category', `${c.category.ja} / ${c.category.en}`],
    ['区分', 'Level', `${LEVEL_LABEL[c.level].ja} / ${LEVEL_LABEL[c.level].en}`],
    ['試験日', 'Exam date', c.examDate],
    ['合格日', 'Pass date', c.passDate],
    ['発行日', 'Issued on', c.issuedOn],
  ];
  let y = 610;
  for (const [ja, en, value] of rows) {
    page.drawText(ja, { x: 70, y, size: 11, font, color: INK });
    page.drawText(en, { x: 70, y: y - 13, size: 8, font, color: MUTED });
    page.drawText(value, { x: 200, y: y - 4, size: value.length > 40 ? 9 : 12, font, color: INK });
    page.drawLine({ start: { x: 70, y: y - 20 }, end: { x: A4.width - 70, y: y - 20 }, thickness: 0.5, color: rgb(0.8, 0.8, 0.8) });
    y -= 36;
  }

  const statement = [
    '上記の者は、製造分野特定技能評価試験に合格したことを証明します。',
    'This is to certify that the person named above passed the manufacturing skills evaluation test.',
  ];
  page.drawText(statement[0]!, { x: 70, y: 230, size: 11, font, color: INK });
  page.drawText(statement[1]!, { x: 70, y: 214, size: 9, font, color: MUTED });

  drawQr(page, c.qrText, 70, 60, 120);
  const verifyLines = [
    'この証明書の真正性は、QRコードまたは下記のページで確認できます。',
    'Check this certificate with the QR code or at:',
    c.verifyUrl,
  ];
  verifyLines.forEach((line, i) => page.drawText(line, { x: 205, y: 150 - i * 16, size: i === 2 ? 9 : 9, font, color: i === 2 ? INK : MUTED }));
  page.drawText('工業製品製造技能人材機構（JAIM）', { x: 205, y: 80, size: 11, font, color: INK });

  if (c.revokedOn) {
    drawCentred(page, font, `失効 Revoked ${c.revokedOn}`, 400, 40, rgb(0.75, 0, 0));
  }
  return pdf.save({ useObjectStreams: true });
};
