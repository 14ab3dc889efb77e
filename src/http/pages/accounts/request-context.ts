import type { FastifyRequest } from 'fastify';
import type { UseCaseContext } from '../../../domain/accounts/context.js';
import { InvalidInput } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';

/** The use-case context for a request: who, which database, which clock, and the request id and IP for the audit trail. */
export const useCaseContext = (request: FastifyRequest, deps: AppDeps): UseCaseContext & { baseUrl: string; login: AppDeps['config']['login'] } => ({
  actor: request.actor,
  db: deps.database.db,
  clock: deps.services.clock,
  requestId: request.id,
  ip: request.ip,
  baseUrl: deps.config.publicBaseUrl,
  login: deps.config.login,
});

/** Only same-site paths may be redirect targets (no `//host`, no `/\host`, no schemes). */
export const safeNext = (value: unknown, fallback = '/dashboard'): string =>
  typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length < 500 ? value : fallback;

export type FormError = { field: string; message: string };

/** Field errors of an InvalidInput in the request's language, or undefined for any other error (rethrow it). */
export const formErrorsOf = (error: unknown, request: FastifyRequest): FormError[] | undefined =>
  error instanceof InvalidInput ? error.fields.map((f) => ({ field: f.field, message: f.message[request.lang] })) : undefined;

export const bodyOf = (request: FastifyRequest): Record<string, string> => {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
};

/** Sends queued mail after the transaction that queued it has committed (no-op without SMTP). */
export const deliverMail = (request: FastifyRequest, deps: AppDeps): void => {
  deps.services.mailer.deliverPending(deps.database.db, deps.services.clock.now()).catch((error: unknown) => {
    request.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'mail delivery failed');
  });
};
