// Valid PNG files for upload tests, built by hand (magic bytes, IHDR, IDAT, IEND) so no image library is needed.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

const crc32 = (buf: Buffer): number => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

const chunk = (type: string, data: Buffer): Buffer => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
};

export type Rgb = readonly [number, number, number];

/** An 8-bit RGB PNG of `width`×`height`, each pixel coloured by `colourAt` (rows unfiltered). */
export const rgbPng = (width: number, height: number, colourAt: (x: number, y: number) => Rgb): Buffer => {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, default compression, filter and interlace
  const stride = width * 3 + 1; // each row starts with its filter byte (0: none)
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(colourAt(x, y), y * stride + 1 + x * 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
};

/** A 120×160 passport-style photo (a softly shaded rectangle), large enough for the exam photo checks. */
export const photoPng = (): Buffer => rgbPng(120, 160, (x, y) => [180 - (y >> 2), 170, 160 + (x >> 3)]);
