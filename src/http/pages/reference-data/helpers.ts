import type { FastifyRequest } from 'fastify';
import type { CsvRowError } from '../../../../rules/eligible-industries/index.js';

/** Row-level CSV errors in the request's language, for the preview table. */
export const rowErrorsFor = (errors: readonly CsvRowError[], request: FastifyRequest) =>
  errors.map((e) => ({ line: e.line, column: e.column ?? '', message: e.message[request.lang] }));

/** Reads a multipart form: text fields and the first file's text (UTF-8). */
export const readMultipart = async (request: FastifyRequest): Promise<{ fields: Record<string, string>; fileText: string; fileName: string | null }> => {
  const fields: Record<string, string> = {};
  let fileText = '';
  let fileName: string | null = null;
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') fields[k] = v;
    return { fields, fileText: fields.csvText ?? '', fileName };
  }
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer();
      if (fileName === null && buffer.length > 0) {
        fileName = part.filename;
        fileText = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
      }
    } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
  }
  return { fields, fileText, fileName };
};
