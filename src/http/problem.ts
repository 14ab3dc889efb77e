import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Language } from '../locales/index.js';

// RFC 9457 problem details for the JSON API. Field errors carry the field path and a message in the caller's language.

export type FieldError = { field: string; message: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  requestId?: string;
};

const zodLocales = { ja: z.locales.ja(), en: z.locales.en() } as const;

type IssueLike = { code: string; path: PropertyKey[]; message: string } & Record<string, unknown>;

export const localiseIssue = (issue: IssueLike, lang: Language): string => {
  const out = zodLocales[lang].localeError(issue as never);
  if (typeof out === 'string') return out;
  return out?.message ?? issue.message;
};

export const fieldErrorsFromIssues = (issues: readonly IssueLike[], lang: Language): FieldError[] =>
  issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', message: localiseIssue(issue, lang) }));

export const sendProblem = (request: FastifyRequest, reply: FastifyReply, problem: Omit<Problem, 'type' | 'instance' | 'requestId'> & { type?: string }): FastifyReply =>
  reply
    .status(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send({ type: problem.type ?? 'about:blank', instance: request.url.split('?')[0], requestId: request.id, ...problem });

export const isApiRequest = (request: FastifyRequest): boolean => request.url.startsWith('/api/');
