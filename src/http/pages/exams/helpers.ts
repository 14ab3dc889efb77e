import type { FastifyReply, FastifyRequest } from 'fastify';
import { CANDIDATE_LANGUAGES, isCandidateLanguage, translatorFor, type CandidateLanguage } from '../../../locales/index.js';
import { DomainError, InvalidInput } from '../../../domain/errors.js';
import { ApplicationInputError } from '../../../domain/exams/use-cases/application-form.js';
import type { ExamContext } from '../../../domain/exams/use-cases/context.js';
import type { AppDeps } from '../../app.js';
import { useCaseContext } from '../accounts/request-context.js';

export const examContext = (request: FastifyRequest, deps: AppDeps): ExamContext => ({ ...useCaseContext(request, deps), signingSecret: deps.config.signingKeySecret });

const LANGUAGE_NAMES: Record<CandidateLanguage, string> = { ja: '日本語', en: 'English', vi: 'Tiếng Việt', id: 'Bahasa Indonesia' };
export const EXAM_LANG_COOKIE = 'exam_lang';
export const APPLICATION_COOKIE = 'exam_app';

/** The candidate's language: ?lang= (remembered in a cookie), else the cookie, else the site language. */
export const candidateLanguage = (request: FastifyRequest, reply: FastifyReply): CandidateLanguage => {
  const q = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isCandidateLanguage(q)) {
    reply.setCookie(EXAM_LANG_COOKIE, q, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
    return q;
  }
  const c = request.cookies[EXAM_LANG_COOKIE];
  return isCandidateLanguage(c) ? c : request.lang;
};

/** View data for candidate pages: the page language, its translator and the language switcher. */
export const candidateView = (request: FastifyRequest, reply: FastifyReply, data: Record<string, unknown>) => {
  const lang = candidateLanguage(request, reply);
  const path = request.url.split('?')[0];
  return {
    lang,
    t: translatorFor(lang),
    candidateLang: lang,
    languages: CANDIDATE_LANGUAGES.map((l) => ({ code: l, name: LANGUAGE_NAMES[l], href: `${path}?lang=${l}`, current: l === lang })),
    ...data,
  };
};

/** Field errors in the candidate's language: coded errors use exams-candidate:errors.<code>. */
export const candidateErrors = (error: unknown, lang: CandidateLanguage): { field: string; message: string }[] | undefined => {
  const t = translatorFor(lang);
  if (error instanceof ApplicationInputError) return error.codes.map((c) => ({ field: c.field, message: t(`exams-candidate:errors.${c.code}`) }));
  if (error instanceof InvalidInput) return error.fields.map((f) => ({ field: f.field, message: lang === 'ja' ? f.message.ja : f.message.en }));
  return undefined;
};

/** A domain refusal (conflict) as a message in the candidate's language (vi/id fall back to English text from the domain). */
export const refusalMessage = (error: unknown, lang: CandidateLanguage): string | undefined => {
  if (error instanceof DomainError && error.code === 'conflict' && error.userMessage) return lang === 'ja' ? error.userMessage.ja : error.userMessage.en;
  return undefined;
};

/** Form fields as posted (strings and string arrays), without _csrf. */
export const formBody = (request: FastifyRequest): Record<string, unknown> => {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x) => typeof x === 'string');
  }
  return out;
};

export const param = (request: FastifyRequest, name: string): string => {
  const v = (request.params as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : '';
};

/** Staff form errors in ja/en. */
export const staffErrors = (error: unknown, request: FastifyRequest): { field: string; message: string }[] | undefined =>
  error instanceof InvalidInput ? error.fields.map((f) => ({ field: f.field, message: f.message[request.lang] })) : undefined;

export const staffRefusal = (error: unknown, request: FastifyRequest): string | undefined =>
  error instanceof DomainError && error.code === 'conflict' && error.userMessage ? error.userMessage[request.lang] : undefined;

/** Reads a multipart form: text fields and the first file's bytes. */
export const readMultipartFile = async (request: FastifyRequest): Promise<{ fields: Record<string, string>; file: Buffer | undefined; fileName: string; tooLarge: boolean }> => {
  const fields: Record<string, string> = {};
  let file: Buffer | undefined;
  let fileName = '';
  let tooLarge = false;
  if (!request.isMultipart()) return { fields, file, fileName, tooLarge };
  for await (const part of request.parts({ limits: { fileSize: 5 * 1024 * 1024 } })) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer().catch(() => {
        tooLarge = true;
        return Buffer.alloc(0);
      });
      if (part.file.truncated) tooLarge = true;
      if (!file && buffer.length > 0) {
        file = buffer;
        fileName = part.filename;
      }
    } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
  }
  return { fields, file, fileName, tooLarge };
};
