import { readFileSync } from 'node:fs';
import type { PDFFont, PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { createPdfDocument, rgb } from '../../pdf-document.js';

// The admission ticket (受験票) as an A4 PDF in Japanese and English: photo, exam number, name as on the passport,
// date of birth, sitting and venue, and a QR code with the signed ticket token the proctor scans at check-in.
// IPAex Gothic (Debian fonts-ipaexfont-gothic) is embedded as a subset.

export const TICKET_FONT_PATH = '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf';

export type TicketPdfInput = {
  examNumber: string;
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  nationality: string;
  category: { ja: string; en: string };
  level: 'i' | 'ii';
  examDate: string;
  startTime: string;
  venue: { name: string; address: string; city: string; country: string };
  photo: { bytes: Uint8Array; contentType: string } | null;
  token: string;
};

let fontBytes: Uint8Array | undefined;
const loadFont = (): Uint8Array => (fontBytes ??= new Uint8Array(readFileSync(TICKET_FONT_PATH)));
const A4 = { width: 595.28, height: 841.89 };
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);

const drawQr = (page: PDFPage, text: string, x: number, y: number, size: number): void => {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const cell = size / (n + quiet * 2);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) page.drawRectangle({ x: x + (col + quiet) * cell, y: y + size - (row + quiet + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
    }
  }
};

const wrap = (font: PDFFont, text: string, size: number, width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (font.widthOfTextAtSize(line + ch, size) > width) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
};

export const renderTicketPdf = async (t: TicketPdfInput): Promise<Uint8Array> => {
  const pdf = await createPdfDocument();
  pdf.setTitle(`受験票 Admission ticket ${t.examNumber}`);
  pdf.setAuthor('Jinzai');
  const font = await pdf.embedFont(loadFont(), { subset: true });
  const page = pdf.addPage([A4.width, A4.height]);
  const left = 56;
  let y = A4.height - 72;
  page.drawText('製造分野特定技能評価試験 受験票', { x: left, y, size: 20, font, color: INK });
  y -= 22;
  page.drawText('Manufacturing skills exam — Admission ticket', { x: left, y, size: 12, font, color: MUTED });
  y -= 40;

  if (t.photo) {
    const img = t.photo.contentType === 'image/png' ? await pdf.embedPng(t.photo.bytes) : await pdf.embedJpg(t.photo.bytes);
    const w = 105;
    const h = 135;
    const scale = Math.min(w / img.width, h / img.height);
    page.drawRectangle({ x: A4.width - left - w, y: y - h + 12, width: w, height: h, borderColor: MUTED, borderWidth: 0.5 });
    page.drawImage(img, { x: A4.width - left - w + (w - img.width * scale) / 2, y: y - h + 12 + (h - img.height * scale) / 2, width: img.width * scale, height: img.height * scale });
  }
  const level = t.level === 'i' ? { ja: '1号', en: 'Level (i)' } : { ja: '2号', en: 'Level (ii)' };
  const rows: [string, string][] = [
    ['受験番号 Exam number', t.examNumber],
    ['氏名 Name (as on passport)', `${t.familyName} ${t.givenName}`.trim()],
    ['生年月日 Date of birth', t.dateOfBirth],
    ['国籍 Nationality', t.nationality],
    ['試験区分 Category', `${t.category.ja} / ${t.category.en}`],
    ['級 Level', `${level.ja} / ${level.en}`],
    ['試験日 Exam date', `${t.examDate} ${t.startTime}`],
    ['会場 Venue', t.venue.name],
    ['所在地 Address', `${t.venue.address}, ${t.venue.city}, ${t.venue.country}`],
  ];
  for (const [label, value] of rows) {
    page.drawText(label, { x: left, y, size: 9, font, color: MUTED });
    y -= 15;
    for (const line of wrap(font, value, 13, 330)) {
      page.drawText(line, { x: left, y, size: 13, font, color: INK });
      y -= 17;
    }
    y -= 6;
  }
  y -= 10;
  drawQr(page, t.token, left, y - 180, 180);
  const notes = [
    '当日は、この受験票と申込みに使った旅券を持参してください。',
    'Bring this ticket and the passport you applied with on the exam day.',
    '受付でQRコードを読み取り、本人確認をします。',
    'At check-in, staff scan the QR code and compare you with your photo and passport.',
  ];
  let ny = y - 20;
  for (const n of notes) {
    for (const line of wrap(font, n, 10, 270)) {
      page.drawText(line, { x: left + 200, y: ny, size: 10, font, color: INK });
      ny -= 14;
    }
    ny -= 4;
  }
  return pdf.save();
};
