import type { FastifyRequest } from 'fastify';
import { discardRecoveredDraft, loadRecoveredDraft } from '../../../domain/accounts/recovered-drafts.js';
import type { MembershipContext } from '../../../domain/membership/context.js';
import { PREFECTURES } from '../../../domain/membership/prefectures.js';
import { JOIN_REQUEST_STATE_LABELS, JOIN_REQUEST_STATE_TAGS, type JoinRequestState } from '../../../domain/membership/join-request.states.js';
import type { AppDeps } from '../../app.js';
import { useCaseContext } from '../accounts/request-context.js';

export const membershipContext = (request: FastifyRequest, deps: AppDeps): MembershipContext => useCaseContext(request, deps);

/** Form fields as posted: strings, and arrays for repeated fields (checkboxes). `_csrf` is dropped. */
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

export const prefectureOptions = (lang: 'ja' | 'en') => PREFECTURES.map((p) => ({ value: p.code, label: p[lang] }));

export const statusView = (status: JoinRequestState, lang: 'ja' | 'en') => ({ label: JOIN_REQUEST_STATE_LABELS[status][lang], tag: JOIN_REQUEST_STATE_TAGS[status] });

export const paramId = (request: FastifyRequest, name = 'id'): string => {
  const v = (request.params as Record<string, unknown>)[name];
  return typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? v : '00000000-0000-0000-0000-000000000000';
};

/**
 * Fields of a form that was posted after the session timed out (saved by the accounts module's draft recovery and
 * brought back here after sign-in with ?recovered=1), so nothing typed is lost.
 */
export const recoveredValues = async (request: FastifyRequest, deps: AppDeps): Promise<Record<string, unknown>> => {
  if ((request.query as Record<string, unknown>).recovered !== '1' || request.actor.kind !== 'user') return {};
  return (await loadRecoveredDraft(deps.database.db, request.actor.userId, request.url.split('?')[0]!)) ?? {};
};

export const forgetRecovered = async (request: FastifyRequest, deps: AppDeps): Promise<void> => {
  if (request.actor.kind === 'user') await discardRecoveredDraft(deps.database.db, request.actor.userId, request.url.split('?')[0]!);
};
