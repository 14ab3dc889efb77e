import type { Message } from '../../../rules/core/index.js';

// What an uploaded file is, judged by its content (magic bytes): never by the file name's extension or the type
// the browser declared. A file whose name or declared type says something else is refused as mislabelled.

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const ACCEPTED_TYPES = {
  'application/pdf': { extensions: ['pdf'], label: 'PDF' },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  'image/png': { extensions: ['png'], label: 'PNG' },
} as const;
export type AcceptedType = keyof typeof ACCEPTED_TYPES;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

/** The type the content shows, or undefined when it is none of PDF, JPEG, PNG. */
export const detectContentType = (bytes: Uint8Array): AcceptedType | undefined => {
  // PDF: "%PDF-" (ISO 32000-1 §7.5.2; readers allow it within the first 1024 bytes, we require it at the start).
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  // JPEG: SOI marker FF D8 followed by another marker FF.
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // PNG: the eight-byte signature.
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return undefined;
};

export type UploadProblem = 'empty' | 'too_large' | 'unsupported_type' | 'mislabelled' | 'infected' | 'scan_failed' | 'no_file';

export const UPLOAD_MESSAGES: Readonly<Record<UploadProblem, Message>> = {
  no_file: { ja: 'アップロードするファイルを選択してください', en: 'Choose a file to upload' },
  empty: { ja: '選択したファイルは空です', en: 'The selected file is empty' },
  too_large: { ja: 'ファイルは10MB以下にしてください', en: 'The file must be 10 MB or smaller' },
  unsupported_type: { ja: 'ファイルはPDF、JPEG、PNGのいずれかにしてください', en: 'The file must be a PDF, JPEG or PNG' },
  mislabelled: {
    ja: 'ファイルの中身と拡張子（種類）が一致しません。PDF、JPEG、PNGの正しいファイルを選択してください',
    en: 'The file’s content does not match its name or type. Choose a genuine PDF, JPEG or PNG file',
  },
  infected: { ja: 'ファイルからウイルスが検出されたため、受け付けませんでした', en: 'A virus was found in the file, so it was not accepted' },
  scan_failed: { ja: 'ファイルのウイルス検査ができませんでした。しばらくしてからもう一度お試しください', en: 'The file could not be checked for viruses. Try again later' },
};

const extensionOf = (filename: string): string => {
  const m = /\.([A-Za-z0-9]+)$/.exec(filename);
  return m ? m[1]!.toLowerCase() : '';
};

export type CheckedFile = { contentType: AcceptedType; filename: string; sizeBytes: number };

/**
 * Checks a file before it is scanned and stored: size, type by content, and that its name and declared type agree
 * with the content (a declared `application/octet-stream` or a missing extension says nothing and is allowed).
 */
export const checkUpload = (
  file: { bytes: Uint8Array; filename: string; declaredType?: string | undefined },
  maxBytes = MAX_UPLOAD_BYTES,
): { ok: true; file: CheckedFile } | { ok: false; problem: UploadProblem } => {
  if (file.bytes.length === 0) return { ok: false, problem: 'empty' };
  if (file.bytes.length > maxBytes) return { ok: false, problem: 'too_large' };
  const contentType = detectContentType(file.bytes);
  if (!contentType) return { ok: false, problem: 'unsupported_type' };
  const ext = extensionOf(file.filename);
  if (ext && !(ACCEPTED_TYPES[contentType].extensions as readonly string[]).includes(ext)) return { ok: false, problem: 'mislabelled' };
  const declared = (file.declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  const declaredOk = !declared || declared === 'application/octet-stream' || declared === contentType || (contentType === 'image/jpeg' && declared === 'image/pjpeg');
  if (!declaredOk) return { ok: false, problem: 'mislabelled' };
  return { ok: true, file: { contentType, filename: cleanFilename(file.filename, contentType), sizeBytes: file.bytes.length } };
};

/** A safe display name: no path, no control characters, at most 120 characters, with an extension. */
export const cleanFilename = (raw: string, contentType: AcceptedType): string => {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.normalize('NFC').replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim().slice(-120);
  return cleaned || `file.${ACCEPTED_TYPES[contentType].extensions[0]}`;
};
