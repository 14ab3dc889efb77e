// Venues and sittings.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../database.js';
import { examCategories, examSittings, examVenues, type SittingStatus } from '../schema/exams.js';

export type VenueRow = typeof examVenues.$inferSelect;
export type SittingRow = typeof examSittings.$inferSelect;
export type SittingWithPlace = { sitting: SittingRow; venue: VenueRow; category: typeof examCategories.$inferSelect };

export const insertVenue = async (db: Db, row: typeof examVenues.$inferInsert): Promise<VenueRow> => (await db.insert(examVenues).values(row).returning())[0]!;
export const listVenues = (db: Db): Promise<VenueRow[]> => db.select().from(examVenues).orderBy(asc(examVenues.country), asc(examVenues.city), asc(examVenues.name));
export const findVenue = async (db: Db, id: string): Promise<VenueRow | undefined> => (await db.select().from(examVenues).where(eq(examVenues.id, id)))[0];

export const insertSitting = async (db: Db, row: typeof examSittings.$inferInsert): Promise<SittingRow> => (await db.insert(examSittings).values(row).returning())[0]!;

const withPlace = (db: Db) =>
  db
    .select({ sitting: examSittings, venue: examVenues, category: examCategories })
    .from(examSittings)
    .innerJoin(examVenues, eq(examVenues.id, examSittings.venueId))
    .innerJoin(examCategories, eq(examCategories.id, examSittings.categoryId));

export const findSitting = async (db: Db, id: string): Promise<SittingWithPlace | undefined> => (await withPlace(db).where(eq(examSittings.id, id)))[0];

/** Locks the sitting row for the rest of the transaction: registrations of one sitting are counted one at a time. */
export const lockSitting = async (db: Db, id: string): Promise<void> => {
  await db.execute(sql`SELECT id FROM exam_sittings WHERE id = ${id} FOR UPDATE`);
};

export const listSittings = (db: Db, statuses?: SittingStatus[]): Promise<SittingWithPlace[]> =>
  withPlace(db)
    .where(statuses ? inArray(examSittings.status, statuses) : undefined)
    .orderBy(asc(examSittings.examDate), asc(examVenues.country), asc(examVenues.city));

export const updateSittingStatus = async (
  db: Db,
  id: string,
  seenLockVersion: number,
  patch: { status: SittingStatus; questionSetId?: string; questionSetVersion?: number; scheduledAt?: Date },
): Promise<boolean> =>
  (
    await db
      .update(examSittings)
      .set({ ...patch, lockVersion: seenLockVersion + 1 })
      .where(and(eq(examSittings.id, id), eq(examSittings.lockVersion, seenLockVersion)))
      .returning({ id: examSittings.id })
  ).length === 1;

/** Seats taken per sitting (every live registration except the waitlist). */
export const seatsTaken = async (db: Db, sittingIds: string[]): Promise<Map<string, number>> => {
  if (sittingIds.length === 0) return new Map();
  const rows = rowsOf<{ sitting_id: string; n: number }>(
    await db.execute(sql`SELECT sitting_id, count(*)::int AS n FROM exam_registrations
      WHERE sitting_id IN (${sql.join(sittingIds.map((id) => sql`${id}::uuid`), sql`, `)}) AND status NOT IN ('cancelled', 'waitlisted', 'no_show')
      GROUP BY sitting_id`),
  );
  return new Map(rows.map((r) => [r.sitting_id, Number(r.n)]));
};
