import { readFileSync } from 'node:fs';
import * as pdfLib from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createPdfDocument, rgb } from './pdf-document.js';
import { RECEIPT_FONT_PATH } from './fees/receipt-pdf.js';

describe('pdf-document', () => {
  it('makes the same colours as pdf-lib, and refuses channels outside 0–1 as pdf-lib does', () => {
    expect(rgb(0.1, 0.35, 1)).toEqual(pdfLib.rgb(0.1, 0.35, 1));
    expect(rgb(0, 0, 0)).toEqual(pdfLib.rgb(0, 0, 0));
    for (const bad of [-0.1, 1.5, Number.NaN]) {
      expect(() => rgb(bad, 0, 0)).toThrow(RangeError);
      expect(() => pdfLib.rgb(bad, 0, 0)).toThrow();
    }
  });

  it('creates a document with fontkit registered, so the Japanese TrueType font can be embedded', async () => {
    await expect(pdfLib.PDFDocument.create().then((bare) => bare.embedFont(readFileSync(RECEIPT_FONT_PATH)))).rejects.toThrow(/fontkit/i);
    const pdf = await createPdfDocument();
    const page = pdf.addPage();
    const font = await pdf.embedFont(readFileSync(RECEIPT_FONT_PATH), { subset: true });
    page.drawText('人材 Jinzai', { font, size: 12, color: rgb(0.1, 0.1, 0.1) });
    expect(Buffer.from((await pdf.save()).slice(0, 5)).toString('latin1')).toBe('%PDF-');
  });
});
