import type { ColorTypes, PDFDocument, RGB } from 'pdf-lib';

// pdf-lib and fontkit take a few hundred milliseconds to load, a good part of start-up, and only a few routes make
// PDFs (receipts, roster extracts, admission tickets, certificates). They are loaded with the first PDF instead.

/** A new PDF document that can embed TrueType fonts (IPAex Gothic for Japanese). */
export const createPdfDocument = async (): Promise<PDFDocument> => {
  const [{ PDFDocument: Document }, { default: fontkit }] = await Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit')]);
  const pdf = await Document.create();
  pdf.registerFontkit(fontkit);
  return pdf;
};

/** pdf-lib's rgb() (channels 0–1) without loading pdf-lib, so colour constants can live at module level. */
export const rgb = (red: number, green: number, blue: number): RGB => {
  for (const channel of [red, green, blue]) {
    if (!(channel >= 0 && channel <= 1)) throw new RangeError(`colour channel out of range 0–1: ${channel}`);
  }
  return { type: 'RGB' as ColorTypes.RGB, red, green, blue };
};
