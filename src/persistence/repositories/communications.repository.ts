// Notices to members (M12): audience selection, recipients, inbox with read state per user.
import { and, desc, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../database.js';
import { noticeReads, noticeRecipients, notices, type NoticeAudience } from '../schema/comms.js';

export type { NoticeAudience } from '../schema/comms.js';

const json = (value: unknown) => sql`${JSON.stringify(value)}::json`;

/**
 * Organisations a notice or survey addresses. status 'listed' (default): establishments on the roster on `asOf`
 * (optionally one roster); 'applicant': organisations with a join application in progress; 'any': every accepting
 * company. Prefecture and JSIC (prefix) filter the establishments either way.
 */
export async function selectAudienceOrganisations(db: Db, audience: NoticeAudience, asOf: string): Promise<string[]> {
  const prefectures = audience.prefectures ?? [];
  const jsic = (audience.jsic ?? []).map((j) => j.replace(/[\\%_]/g, '') + '%');
  const estFilter = sql`(${prefectures.length === 0} OR e.prefecture IN (SELECT value FROM json_array_elements_text(${json(prefectures)})))
    AND (${jsic.length === 0} OR EXISTS (SELECT 1 FROM unnest(e.jsic_codes) c, json_array_elements_text(${json(jsic)}) p WHERE c LIKE p.value))`;
  const status = audience.status ?? 'listed';
  const query =
    status === 'listed'
      ? sql`SELECT DISTINCT e.organisation_id AS id FROM roster_entries e
            WHERE e.listed_from <= ${asOf} AND (e.listed_until IS NULL OR e.listed_until > ${asOf})
              AND (${!audience.roster} OR e.roster = ${audience.roster ?? 'jaim'}) AND ${estFilter}`
      : status === 'applicant'
        ? sql`SELECT DISTINCT j.organisation_id AS id FROM join_requests j LEFT JOIN establishments e ON e.id = j.establishment_id
              WHERE j.status IN ('submitted', 'under_review', 'correction_requested') AND (e.id IS NULL OR (${estFilter}))`
        : sql`SELECT DISTINCT o.id FROM organisations o LEFT JOIN establishments e ON e.organisation_id = o.id
              WHERE o.kind = 'accepting_company' AND (${prefectures.length === 0 && jsic.length === 0} OR (e.id IS NOT NULL AND ${estFilter}))`;
  return rowsOf<{ id: string }>(await db.execute(query)).map((r) => r.id);
}

/** Active users with a role in the organisations, for e-mail. */
export async function contactsOfOrganisations(db: Db, organisationIds: readonly string[]): Promise<{ email: string; locale: 'ja' | 'en' }[]> {
  if (organisationIds.length === 0) return [];
  return rowsOf<{ email: string; locale: 'ja' | 'en' }>(
    await db.execute(sql`SELECT DISTINCT u.email, u.locale FROM users u JOIN user_roles r ON r.user_id = u.id
      WHERE r.revoked_at IS NULL AND u.disabled_at IS NULL
        AND r.organisation_id IN (SELECT value::uuid FROM json_array_elements_text(${json(organisationIds)}))
      ORDER BY u.email`),
  );
}

export type NoticeRow = typeof notices.$inferSelect;

export async function insertNotice(tx: Db, n: { id?: string; subject: string; body: string; audience: NoticeAudience; sendEmail: boolean; recipientCount: number; emailCount: number; sentBy: string | null; sentAt: Date }): Promise<NoticeRow> {
  const [row] = await tx.insert(notices).values({ ...n, createdAt: n.sentAt, updatedAt: n.sentAt }).returning();
  if (!row) throw new Error('insert notices returned no row');
  return row;
}

export async function insertNoticeRecipients(tx: Db, noticeId: string, organisationIds: readonly string[]): Promise<void> {
  if (organisationIds.length === 0) return;
  await tx.execute(sql`INSERT INTO notice_recipients (notice_id, organisation_id)
    SELECT ${noticeId}::uuid, value::uuid FROM json_array_elements_text(${json(organisationIds)}) ON CONFLICT DO NOTHING`);
}

export async function listNotices(db: Db, limit = 100): Promise<NoticeRow[]> {
  return db.select().from(notices).orderBy(desc(notices.sentAt)).limit(limit);
}

export type InboxItem = { id: string; subject: string; body: string; sentAt: Date; readAt: Date | null };

export async function listInbox(db: Db, organisationIds: readonly string[], userId: string, limit = 200): Promise<InboxItem[]> {
  if (organisationIds.length === 0) return [];
  const rows = rowsOf<{ id: string; subject: string; body: string; sent_at: string | Date; read_at: string | Date | null }>(
    await db.execute(sql`SELECT n.id, n.subject, n.body, n.sent_at, r.read_at FROM notices n
      LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = ${userId}
      WHERE EXISTS (SELECT 1 FROM notice_recipients x WHERE x.notice_id = n.id AND x.organisation_id IN (SELECT value::uuid FROM json_array_elements_text(${json(organisationIds)})))
      ORDER BY n.sent_at DESC LIMIT ${limit}`),
  );
  return rows.map((r) => ({ id: r.id, subject: r.subject, body: r.body, sentAt: new Date(r.sent_at), readAt: r.read_at ? new Date(r.read_at) : null }));
}

export async function isNoticeAddressedTo(db: Db, noticeId: string, organisationIds: readonly string[]): Promise<boolean> {
  if (organisationIds.length === 0 || !/^[0-9a-f-]{36}$/i.test(noticeId)) return false;
  const rows = rowsOf<{ n: number }>(
    await db.execute(sql`SELECT count(*)::int AS n FROM notice_recipients WHERE notice_id = ${noticeId} AND organisation_id IN (SELECT value::uuid FROM json_array_elements_text(${json(organisationIds)}))`),
  );
  return Number(rows[0]?.n ?? 0) > 0;
}

export async function findNotice(db: Db, id: string): Promise<NoticeRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return (await db.select().from(notices).where(eq(notices.id, id)).limit(1))[0];
}

export async function markNoticeRead(db: Db, noticeId: string, userId: string, at: Date): Promise<void> {
  await db.insert(noticeReads).values({ noticeId, userId, readAt: at }).onConflictDoNothing();
}

export async function countRecipients(db: Db, noticeId: string): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(noticeRecipients).where(and(eq(noticeRecipients.noticeId, noticeId)));
  return Number(rows[0]?.n ?? 0);
}
