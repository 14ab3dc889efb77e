import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';
import type { ActorKind } from './enums.js';

/**
 * Append-only, hash-chained audit trail (a trigger rejects UPDATE, DELETE and TRUNCATE). Write it only
 * through src/persistence/audit/write-audit-event.ts. No foreign keys: the trail outlives what it describes.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    id: uuid('id').notNull().unique('audit_events_id_key'),
    occurredAt: instant('occurred_at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorOrganisationId: uuid('actor_organisation_id'),
    actorKind: text('actor_kind').$type<ActorKind>().notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    summary: jsonb('summary'),
    reason: text('reason'),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique('audit_events_hash_key'),
  },
  (t) => [
    index('audit_events_action_idx').on(t.action, t.seq),
    index('audit_events_actor_user_id_idx').on(t.actorUserId, t.seq),
    index('audit_events_target_idx').on(t.targetType, t.targetId, t.seq),
    index('audit_events_occurred_at_idx').on(t.occurredAt),
  ],
);
