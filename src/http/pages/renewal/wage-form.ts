import type { FastifyRequest } from 'fastify';
import { MAX_UPLOAD_BYTES } from '../../../domain/uploads/content-check.js';
import { bodyOf } from '../accounts/request-context.js';

export type WageForm = { fields: Record<string, string>; files: { filename: string; declaredType: string; bytes: Buffer }[]; tooLarge: boolean };

/**
 * The wage-report form: text fields and any evidence files (multipart, the CSRF token in the action URL), or a plain
 * urlencoded form without files (the form still works when no file is chosen, and from the API-like clients).
 */
export const readWageForm = async (request: FastifyRequest): Promise<WageForm> => {
  if (!request.isMultipart()) return { fields: bodyOf(request), files: [], tooLarge: false };
  const fields: Record<string, string> = {};
  const files: WageForm['files'] = [];
  let tooLarge = false;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 10 } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated) tooLarge = true;
        else if (part.filename && bytes.length > 0) files.push({ filename: part.filename, declaredType: part.mimetype, bytes });
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'FST_REQ_FILE_TOO_LARGE' && code !== 'FST_FILES_LIMIT') throw error;
    tooLarge = true;
  }
  return { fields, files, tooLarge };
};
