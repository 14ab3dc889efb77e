import { z } from 'zod';
import type { JoinRequestDetail } from '../../../../domain/membership/get-join-request.js';
import { DETERMINATION_OUTCOME_LABELS, type StoredDetermination } from '../../../../domain/membership/join-determination.js';
import { JOIN_REQUEST_STATE_LABELS } from '../../../../domain/membership/join-request.states.js';
import { REFUSAL_GROUNDS } from '../../../../domain/membership/refusal-grounds.js';
import { translatorFor } from '../../../../locales/index.js';
import { Message, Status, StatusLabel } from './review-schemas.js';

// The reviewer's JSON view of one join request: what the decision page shows, with codes and ja/en labels.

const Ground = z.object({
  id: z.string().meta({ example: 'not_operating' }),
  citation: z.string().meta({ description: 'The provision applied', example: 'jaim-membership-faq Q3-2-4' }),
  label: Message,
});

const Determination = z.object({
  id: z.string(),
  asOf: z.string().meta({ description: 'The legal date the rules were applied as of' }),
  outcome: z.string().meta({ example: 'accept' }),
  outcomeLabel: Message.nullable(),
  reasons: z.array(Message),
  trace: z.array(z.object({ ruleId: z.string(), citation: z.string().meta({ example: 'jaim-membership-faq Q2-3-1' }), outcome: z.string(), message: Message })),
  error: Message.nullable().meta({ description: 'Set when the rules could not be applied; the reviewer decides' }),
});

export const JoinRequestDetailSchema = z.object({
  id: z.string(),
  status: Status,
  statusLabel: StatusLabel,
  lockVersion: z.number().int().meta({ description: 'Send with a decision (optimistic concurrency)' }),
  receivedSeq: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  correctionReason: z.string().nullable().meta({ description: 'The latest correction notice (補正) sent to the applicant' }),
  grounds: z.array(Ground).meta({ description: 'The refusal grounds cited, each with its provision' }),
  organisation: z.object({ id: z.string(), name: z.string(), corporateNumber: z.string().nullable() }),
  establishment: z.object({ id: z.string(), name: z.string(), prefecture: z.string().nullable(), jsicCodes: z.array(z.string()) }).nullable(),
  applicant: z.object({ displayName: z.string(), email: z.string() }).nullable(),
  answers: z.record(z.string(), z.unknown()).meta({ description: 'The answers as last submitted (same field names as the web form)' }),
  determination: Determination.nullable().meta({ description: 'The rules determination stored with the latest submission' }),
  evidence: z.array(z.object({ id: z.string(), kind: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number().int(), scanStatus: z.string() })),
  history: z.array(
    z.object({
      seq: z.number().int(),
      event: z.string().meta({ example: 'request_correction' }),
      eventLabel: Message,
      statusAfter: z.string(),
      at: z.string(),
      actorName: z.string().nullable(),
      message: z.string().nullable(),
      grounds: z.array(Ground),
      determination: Determination.nullable().meta({ description: 'The determination of that submission (submit and resubmit)' }),
    }),
  ),
});

const ja = translatorFor('ja');
const en = translatorFor('en');

const groundsOf = (ids: readonly string[]) => REFUSAL_GROUNDS.filter((g) => ids.includes(g.id)).map((g) => ({ id: g.id, citation: g.citation, label: g.label }));

const determinationOf = (d: StoredDetermination | null | undefined): z.infer<typeof Determination> | null =>
  d
    ? {
        id: d.id,
        asOf: d.asOf,
        outcome: d.outcome,
        outcomeLabel: DETERMINATION_OUTCOME_LABELS[d.outcome] ?? null,
        reasons: [...d.reasons],
        trace: d.trace.map((s) => ({ ruleId: s.ruleId, citation: s.citation, outcome: String(s.outcome), message: s.message })),
        error: d.error ?? null,
      }
    : null;

export const joinRequestDetail = (d: JoinRequestDetail): z.infer<typeof JoinRequestDetailSchema> => {
  const r = d.request;
  return {
    id: r.id,
    status: r.status,
    statusLabel: JOIN_REQUEST_STATE_LABELS[r.status],
    lockVersion: r.lockVersion,
    receivedSeq: r.receivedSeq === null ? null : Number(r.receivedSeq),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionReason: r.decisionReason,
    correctionReason: r.correctionReason,
    grounds: groundsOf(r.decisionGrounds),
    organisation: { id: d.organisation.id, name: d.organisation.name, corporateNumber: d.organisation.corporateNumber },
    establishment: d.establishment ? { id: d.establishment.id, name: d.establishment.name, prefecture: d.establishment.prefecture, jsicCodes: d.establishment.jsicCodes } : null,
    applicant: d.applicant ? { displayName: d.applicant.displayName, email: d.applicant.email } : null,
    answers: d.answers as Record<string, unknown>,
    determination: determinationOf(d.determination),
    evidence: d.evidence.map((e) => ({ id: e.id, kind: e.kind, filename: e.filename, contentType: e.contentType, sizeBytes: e.sizeBytes, scanStatus: e.scanStatus })),
    history: d.history.map((h) => ({
      seq: h.seq,
      event: h.event,
      eventLabel: { ja: ja(`membership:history.event.${h.event}`), en: en(`membership:history.event.${h.event}`) },
      statusAfter: h.statusAfter,
      at: h.at.toISOString(),
      actorName: h.actorName,
      message: h.message,
      grounds: groundsOf(h.grounds),
      determination: determinationOf(h.determination as StoredDetermination | null),
    })),
  };
};
