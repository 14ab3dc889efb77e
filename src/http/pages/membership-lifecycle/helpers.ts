import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../domain/errors.js';
import { keepOrDrawKey } from '../../../domain/idempotency/idempotency.js';
import type { LifecycleContext } from '../../../domain/membership-changes/lifecycle-common.js';
import type { AppDeps } from '../../app.js';
import { formErrorsOf, useCaseContext } from '../accounts/request-context.js';

export { formBody, paramId, prefectureOptions } from '../membership/helpers.js';
export { deliverMail } from '../accounts/request-context.js';

export const lifecycleContext = (request: FastifyRequest, deps: AppDeps): LifecycleContext => useCaseContext(request, deps);

/** The key a create form carries (see keepOrDrawKey). */
export const formKeyOf = (extra: Record<string, unknown>): string => keepOrDrawKey((extra.values as Record<string, unknown> | undefined)?.idempotencyKey);

export const lockOf = (body: Record<string, unknown>): number => {
  const n = Number(body.lockVersion);
  return Number.isInteger(n) ? n : -1;
};

export const when = (d: Date | null | undefined): string =>
  d ? new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' }).format(d) : '';

/**
 * Runs a form action; on bad input re-renders with the error summary (400), on a domain refusal with a message
 * (conflict, self-approval) re-renders with that message; anything else propagates to the error pages.
 */
export const handleForm = async (
  request: FastifyRequest,
  reply: FastifyReply,
  action: () => Promise<unknown>,
  rerender: (extra: Record<string, unknown>) => Promise<unknown>,
  values: Record<string, unknown>,
): Promise<{ ok: true } | { ok: false; response: unknown }> => {
  try {
    await action();
    return { ok: true };
  } catch (error) {
    const errors = formErrorsOf(error, request);
    if (errors) {
      reply.status(400);
      return { ok: false, response: await rerender({ errors, values }) };
    }
    if (error instanceof DomainError && error.userMessage && (error.code === 'conflict' || error.code === 'forbidden')) {
      reply.status(error.code === 'conflict' ? 409 : 403);
      return { ok: false, response: await rerender({ values, flash: { kind: 'error', message: error.userMessage[request.lang] } }) };
    }
    throw error;
  }
};

export const flashFrom = (request: FastifyRequest, ns: string, allowed: readonly string[]): Record<string, unknown> => {
  const done = (request.query as Record<string, unknown>).done;
  return typeof done === 'string' && allowed.includes(done) ? { flash: { message: request.t(`membership-lifecycle:${ns}.done.${done}`) } } : {};
};
