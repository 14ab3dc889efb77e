// Outgoing mail. Every message is written here in the transaction that causes it; a sender delivers it later
// (SMTP when configured). Without SMTP the outbox is the dev "mail catcher" read at /staff/outbox.
import { and, asc, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { outboxEmails } from '../schema/outbox-emails.js';

export type OutboxEmailRow = typeof outboxEmails.$inferSelect;

export async function insertOutboxEmail(
  db: Db,
  mail: { toAddress: string; subject: string; textBody: string; htmlBody?: string | null; createdAt: Date },
): Promise<{ id: string }> {
  const [row] = await db.insert(outboxEmails).values({ ...mail, htmlBody: mail.htmlBody ?? null }).returning({ id: outboxEmails.id });
  if (!row) throw new Error('insert outbox_emails returned no row');
  return row;
}

export async function listOutboxEmails(db: Db, filter: { to?: string; limit?: number; offset?: number } = {}): Promise<OutboxEmailRow[]> {
  return db
    .select()
    .from(outboxEmails)
    .where(filter.to ? sql`lower(${outboxEmails.toAddress}) = lower(${filter.to})` : undefined)
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(Math.min(filter.limit ?? 50, 200))
    .offset(filter.offset ?? 0);
}

export async function findOutboxEmail(db: Db, id: string): Promise<OutboxEmailRow | undefined> {
  const [row] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, id)).limit(1);
  return row;
}

export async function listUnsentOutboxEmails(db: Db, maxAttempts: number, limit = 20): Promise<OutboxEmailRow[]> {
  return db
    .select()
    .from(outboxEmails)
    .where(and(isNull(outboxEmails.sentAt), lt(outboxEmails.attempts, maxAttempts)))
    .orderBy(asc(outboxEmails.createdAt))
    .limit(limit);
}

export async function markOutboxEmailSent(db: Db, id: string, at: Date): Promise<void> {
  await db.update(outboxEmails).set({ sentAt: at, attempts: sql`${outboxEmails.attempts} + 1`, lastError: null }).where(eq(outboxEmails.id, id));
}

export async function markOutboxEmailFailed(db: Db, id: string, error: string): Promise<void> {
  await db.update(outboxEmails).set({ attempts: sql`${outboxEmails.attempts} + 1`, lastError: error.slice(0, 500) }).where(eq(outboxEmails.id, id));
}
