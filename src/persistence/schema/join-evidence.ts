import { customType, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { idColumn, instant } from './columns.js';
import { joinRequests } from './join-requests.js';
import { organisations } from './organisations.js';
import { users } from './users.js';

// Migration 0010: uploaded evidence files and the history of each join request.

/** bytea as a Node Buffer (both drivers return Buffer / Uint8Array). */
const bytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

export const UPLOAD_PURPOSES = ['join_evidence', 'wage_evidence'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];
export const UPLOAD_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];
/** 'clean' only when a scanner said so; 'unscanned' when no scanner is configured. Infected files are never stored. */
export const UPLOAD_SCAN_STATUSES = ['clean', 'unscanned'] as const;
export type UploadScanStatus = (typeof UPLOAD_SCAN_STATUSES)[number];

/** Files in the database (see the migration for why bytea and not DATA_DIR). */
export const uploads = pgTable(
  'uploads',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    purpose: text('purpose').$type<UploadPurpose>().notNull(),
    kind: text('kind').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').$type<UploadContentType>().notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytes('content').notNull(),
    scanStatus: text('scan_status').$type<UploadScanStatus>().notNull(),
    scanner: text('scanner').notNull(),
    scanDetail: text('scan_detail'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('uploads_organisation_id_idx').on(t.organisationId, t.createdAt)],
);

export const JOIN_REQUEST_HISTORY_EVENTS = ['submit', 'start_review', 'request_correction', 'resubmit', 'approve', 'refuse', 'withdraw'] as const;
export type JoinRequestHistoryEvent = (typeof JOIN_REQUEST_HISTORY_EVENTS)[number];

/** Append-only: one row per step of a join request's life (answers and determination as submitted, notices, decisions). */
export const joinRequestHistory = pgTable(
  'join_request_history',
  {
    id: idColumn(),
    joinRequestId: uuid('join_request_id')
      .notNull()
      .references(() => joinRequests.id),
    seq: integer('seq').notNull(),
    event: text('event').$type<JoinRequestHistoryEvent>().notNull(),
    statusAfter: text('status_after').notNull(),
    at: instant('at').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    message: text('message'),
    grounds: jsonb('grounds').$type<string[]>().notNull().default([]),
    answers: jsonb('answers'),
    determination: jsonb('determination'),
  },
  (t) => [unique('join_request_history_request_seq_key').on(t.joinRequestId, t.seq)],
);
