import { readFileSync } from 'node:fs';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { createPdfDocument, rgb } from '../pdf-document.js';
import { formatJapaneseDate, type LegalDate } from '../../../rules/core/index.js';
import { prefectureName } from '../membership/prefectures.js';
import type { ExportListing } from '../../persistence/repositories/roster-snapshots.repository.js';
import type { ValidRoster } from '../roster/valid-roster.js';

// The roster as of a date as an A4 landscape PDF: the date in 西暦 with 和暦 beside it, which roster counted for
// immigration filings that day (with its citation), and one row per listing. IPAex Gothic, embedded as a subset.

export const ROSTER_FONT_PATH = '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf';
/** A PDF is for reading and printing; larger extracts are refused with a pointer to the CSV. */
export const ROSTER_PDF_MAX_ROWS = 3000;

let fontBytes: Uint8Array | undefined;
const loadFont = (): Uint8Array => (fontBytes ??= new Uint8Array(readFileSync(ROSTER_FONT_PATH)));

const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 36;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);
const RULE = rgb(0.75, 0.75, 0.8);

const COLUMNS = [
  { key: 'establishment', ja: '事業所名', width: 170 },
  { key: 'company', ja: '法人名', width: 150 },
  { key: 'corporateNumber', ja: '法人番号', width: 80 },
  { key: 'location', ja: '所在地', width: 170 },
  { key: 'jsic', ja: '産業分類', width: 70 },
  { key: 'roster', ja: '名簿', width: 60 },
  { key: 'listed', ja: '掲載期間', width: 70 },
] as const;

const fit = (font: PDFFont, text: string, size: number, width: number): string => {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let t = text;
  while (t.length > 1 && font.widthOfTextAtSize(`${t}…`, size) > width) t = t.slice(0, -1);
  return `${t}…`;
};

/** Keeps only characters the font can draw (a missing glyph would otherwise throw). */
const drawable = (font: PDFFont, text: string): string => {
  const set = font.getCharacterSet();
  return [...text].map((c) => (set.includes(c.codePointAt(0)!) ? c : '〓')).join('');
};

export type RosterPdfInput = { asOf: LegalDate; validRoster: ValidRoster | undefined; listings: readonly ExportListing[]; generatedAt: string; filterNote: string };

export const renderRosterPdf = async (input: RosterPdfInput): Promise<Uint8Array> => {
  const pdf = await createPdfDocument();
  const font = await pdf.embedFont(loadFont(), { subset: true });
  pdf.setTitle(`名簿 ${input.asOf}`);
  pdf.setCreator('Jinzai');
  pdf.setLanguage('ja-JP');
  const text = (page: PDFPage, s: string, x: number, y: number, size = 8, color = INK) => page.drawText(drawable(font, s), { x, y, size, font, color });

  const rowHeight = 14;
  let page: PDFPage | undefined;
  let y = 0;
  let pageNo = 0;
  const newPage = () => {
    page = pdf.addPage([PAGE.width, PAGE.height]);
    pageNo += 1;
    y = PAGE.height - MARGIN;
    if (pageNo === 1) {
      text(page, '特定技能（工業製品製造業分野）受入れ事業所名簿', MARGIN, y - 14, 15);
      y -= 34;
      text(page, `基準日：${formatJapaneseDate(input.asOf)}`, MARGIN, y, 10);
      y -= 15;
      const vr = input.validRoster;
      text(page, vr ? `在留諸申請に有効な名簿：${vr.roster === 'jaim' ? 'JAIM 賛助会員名簿' : '協議会 構成員名簿'}（${vr.citation}）` : '在留諸申請に有効な名簿：なし', MARGIN, y, 10);
      y -= 15;
      text(page, `掲載件数：${input.listings.length} 件\u3000${input.filterNote}\u3000作成：${input.generatedAt}`, MARGIN, y, 9, MUTED);
      y -= 20;
    }
    let x = MARGIN;
    for (const c of COLUMNS) {
      text(page, c.ja, x + 2, y, 8.5);
      x += c.width;
    }
    y -= 5;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE.width - MARGIN, y }, thickness: 0.8, color: INK });
    y -= rowHeight - 3;
  };
  newPage();
  for (const l of input.listings) {
    if (y < MARGIN + 20) newPage();
    const cells: Record<(typeof COLUMNS)[number]['key'], string> = {
      establishment: l.previousName ? `${l.establishmentName}（旧：${l.previousName}）` : l.establishmentName,
      company: l.organisationName,
      corporateNumber: l.corporateNumber ?? '',
      location: `${prefectureName(l.prefecture, 'ja')} ${l.address ?? ''}`.trim(),
      jsic: l.jsicCodes.join(', '),
      roster: l.roster === 'jaim' ? 'JAIM' : '協議会',
      listed: `${l.listedFrom}〜${l.listedUntil ?? ''}`,
    };
    let x = MARGIN;
    for (const c of COLUMNS) {
      text(page!, fit(font, drawable(font, cells[c.key]), 7.5, c.width - 4), x + 2, y, 7.5);
      x += c.width;
    }
    page!.drawLine({ start: { x: MARGIN, y: y - 4 }, end: { x: PAGE.width - MARGIN, y: y - 4 }, thickness: 0.3, color: RULE });
    y -= rowHeight;
  }
  if (input.listings.length === 0) text(page!, 'この日に掲載されている事業所はありません。', MARGIN, y, 9);
  const pages = pdf.getPages();
  pages.forEach((p, i) => text(p, `${i + 1} / ${pages.length}`, PAGE.width - MARGIN - 40, MARGIN / 2, 8, MUTED));
  return pdf.save();
};
