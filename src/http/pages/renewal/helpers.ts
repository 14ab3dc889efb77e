import type { FastifyRequest } from 'fastify';
import { formatJapaneseDate, legalDate } from '../../../../rules/core/index.js';
import type { RenewalContext } from '../../../domain/renewal/context.js';
import { RENEWAL_RESPONSE_LABELS, type RenewalResponseState } from '../../../domain/renewal/renewal-response.states.js';
import type { AppDeps } from '../../app.js';
import { useCaseContext } from '../accounts/request-context.js';

export const renewalContext = (request: FastifyRequest, deps: AppDeps): RenewalContext => useCaseContext(request, deps);

export const responseStatus = (status: RenewalResponseState, lang: 'ja' | 'en') => ({ label: RENEWAL_RESPONSE_LABELS[status][lang], tag: RENEWAL_RESPONSE_LABELS[status].tag });

/** 西暦 with 和暦 beside it in Japanese; ISO in English. */
export const showDate = (d: string | null | undefined, lang: 'ja' | 'en'): string => (!d ? '' : lang === 'ja' ? formatJapaneseDate(legalDate(d)) : d);

export const idParam = (request: FastifyRequest, name = 'id'): string => {
  const v = (request.params as Record<string, unknown>)[name];
  return typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? v : '00000000-0000-0000-0000-000000000000';
};

type Det = { outcome?: unknown; reasons?: { ja: string; en: string }[]; trace?: { citation: string; message: { ja: string; en: string } }[] } | null | undefined;
/** A stored determination for display: reasons and each rule applied with its citation. */
export const determinationView = (d: unknown, lang: 'ja' | 'en') => {
  const det = d as Det;
  if (!det) return null;
  return {
    outcome: String(det.outcome ?? ''),
    reasons: (det.reasons ?? []).map((r) => r[lang]),
    trace: (det.trace ?? []).map((s) => ({ citation: s.citation, message: s.message[lang] })),
  };
};
