import { bigint, index, integer, jsonb, pgSequence, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, instant, timestamps } from './columns.js';
import type { JoinRequestStatus } from './enums.js';
import { establishments, organisations } from './organisations.js';
import { users } from './users.js';

/** Queue order is submission order: `nextval` of this sequence is stored in received_seq on submit. */
export const joinRequestsReceivedSeq = pgSequence('join_requests_received_seq');

export const joinRequests = pgTable(
  'join_requests',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    establishmentId: uuid('establishment_id').references(() => establishments.id),
    /** Written only through the join-request state machine. */
    status: text('status').$type<JoinRequestStatus>().notNull().default('draft'),
    idempotencyKey: text('idempotency_key').unique('join_requests_idempotency_key_key'),
    submittedAt: instant('submitted_at'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    decidedAt: instant('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decisionReason: text('decision_reason'),
    /** The rules' determination with its trace, stored with the decision. */
    determination: jsonb('determination'),
    /** The applicant's answers (migration 0003). */
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    /** The latest correction notice (補正) sent to the applicant (migration 0003). */
    correctionReason: text('correction_reason'),
    /** The refusal rules the reviewer cited (migration 0010). */
    decisionGrounds: jsonb('decision_grounds').$type<string[]>().notNull().default([]),
    /** Optimistic concurrency: UPDATE ... WHERE lock_version = $seen, then bump it. */
    lockVersion: integer('lock_version').notNull().default(0),
    receivedSeq: bigint('received_seq', { mode: 'number' }).unique('join_requests_received_seq_key'),
    ...timestamps(),
  },
  (t) => [index('join_requests_queue_idx').on(t.status, t.receivedSeq), index('join_requests_organisation_id_idx').on(t.organisationId)],
);
