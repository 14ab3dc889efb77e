// Filtered, newest-first listing of the trail for the staff audit page. Keyset paging on seq, so deep
// pages stay as fast as the first.
import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database.js';
import { auditEvents } from '../schema/audit-events.js';

export type AuditSearchFilters = {
  action?: string;
  actorUserId?: string;
  targetType?: string;
  targetId?: string;
  /** Inclusive lower bound on occurred_at. */
  from?: Date;
  /** Exclusive upper bound on occurred_at. */
  to?: Date;
  /** Case-insensitive substring of action, target id, reason or summary. */
  text?: string;
};

export type AuditSearchPage = { limit?: number; beforeSeq?: number };

export type AuditEventRow = typeof auditEvents.$inferSelect;

export type AuditSearchResult = { events: AuditEventRow[]; nextBeforeSeq: number | null };

const MAX_PAGE = 200;

const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function searchAuditEvents(db: Db, filters: AuditSearchFilters, page: AuditSearchPage = {}): Promise<AuditSearchResult> {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), MAX_PAGE);
  const conditions: SQL[] = [];
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.actorUserId) conditions.push(eq(auditEvents.actorUserId, filters.actorUserId));
  if (filters.targetType) conditions.push(eq(auditEvents.targetType, filters.targetType));
  if (filters.targetId) conditions.push(eq(auditEvents.targetId, filters.targetId));
  if (filters.from) conditions.push(gte(auditEvents.occurredAt, filters.from));
  if (filters.to) conditions.push(lt(auditEvents.occurredAt, filters.to));
  if (page.beforeSeq !== undefined) conditions.push(lt(auditEvents.seq, page.beforeSeq));
  if (filters.text?.trim()) {
    const pattern = likePattern(filters.text.trim());
    const textMatch = or(
      ilike(auditEvents.action, pattern),
      ilike(auditEvents.targetId, pattern),
      ilike(auditEvents.reason, pattern),
      sql`${auditEvents.summary}::text ILIKE ${pattern}`,
    );
    if (textMatch) conditions.push(textMatch);
  }
  const rows = await db
    .select()
    .from(auditEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.seq))
    .limit(limit + 1);
  const events = rows.slice(0, limit).map((row) => ({ ...row, seq: Number(row.seq) }));
  const nextBeforeSeq = rows.length > limit ? (events.at(-1)?.seq ?? null) : null;
  return { events, nextBeforeSeq };
}
