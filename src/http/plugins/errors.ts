import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { Forbidden } from '../../domain/access/policies.js';
import { DomainError, InvalidInput } from '../../domain/errors.js';
import { FactsInvalid, NotInForce } from '../../../rules/core/index.js';
import { type FieldError, fieldErrorsFromIssues, isApiRequest, sendProblem } from '../problem.js';

type Mapped = { status: number; key: string; errors?: FieldError[]; detail?: string };

const STATUS_KEYS: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
  413: 'payloadTooLarge',
  429: 'tooMany',
};

const mapError = (error: FastifyError, request: FastifyRequest): Mapped => {
  const lang = request.lang;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      ...(v.params as Record<string, unknown>),
      code: v.keyword,
      path: v.instancePath.split('/').filter(Boolean),
      message: v.message ?? '',
    }));
    return { status: 400, key: 'badRequest', errors: fieldErrorsFromIssues(issues, lang) };
  }
  if (error instanceof FactsInvalid) {
    return { status: 400, key: 'badRequest', errors: error.issues.map((i) => ({ field: `facts.${i.fact}`, message: i.message[lang] })) };
  }
  if (error instanceof NotInForce) return { status: 422, key: 'badRequest', detail: error.userMessage[lang] };
  if (error instanceof InvalidInput) {
    return { status: 400, key: 'badRequest', errors: error.fields.map((f) => ({ field: f.field, message: f.message[lang] })) };
  }
  if (error instanceof Forbidden) return { status: request.actor.kind === 'anonymous' ? 401 : 403, key: request.actor.kind === 'anonymous' ? 'unauthorized' : 'forbidden' };
  if (error instanceof DomainError) {
    const status = { not_found: 404, conflict: 409, invalid: 400, forbidden: 403, locked: 423, gone: 410 }[error.code];
    return { status, key: STATUS_KEYS[status] ?? 'badRequest', ...(error.userMessage ? { detail: error.userMessage[lang] } : {}) };
  }
  if (typeof error.code === 'string' && error.code.startsWith('FST_CSRF')) return { status: 403, key: 'csrf' };
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return { status, key: STATUS_KEYS[status] ?? 'badRequest' };
  return { status: 500, key: 'server' };
};

const respond = async (request: FastifyRequest, reply: FastifyReply, mapped: Mapped): Promise<FastifyReply> => {
  const t = request.t;
  const title = t(`errors.${mapped.key}.title`);
  if (isApiRequest(request)) {
    return sendProblem(request, reply, {
      status: mapped.status,
      title,
      ...(mapped.detail ? { detail: mapped.detail } : {}),
      ...(mapped.errors ? { errors: mapped.errors } : {}),
    });
  }
  reply.status(mapped.status);
  return reply.view('errors/error.njk', {
    pageTitle: title,
    title,
    body: mapped.detail ?? t(`errors.${mapped.key}.body`),
    reference: mapped.status >= 500 ? request.id : undefined,
  });
};

/** 404 and error pages in the user's language that reveal nothing internal; API errors as problem+json. */
export const installErrorHandling = (app: FastifyInstance): void => {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const mapped = mapError(error, request);
    if (mapped.status >= 500) request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code: error.code, status: mapped.status }, error.message);
    try {
      return await respond(request, reply, mapped);
    } catch (renderError) {
      request.log.error({ err: renderError }, 'error page failed to render');
      return reply.status(mapped.status).type('text/plain; charset=utf-8').send(`Error ${mapped.status} (${request.id})`);
    }
  });
  app.setNotFoundHandler(async (request, reply) => respond(request, reply, { status: 404, key: 'notFound' }));
};
