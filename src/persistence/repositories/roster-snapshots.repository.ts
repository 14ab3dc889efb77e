// Roster exports and signed snapshots (M9): every listing valid on a date (no paging), and the snapshot rows.
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database.js';
import { rosterEntries } from '../schema/roster-entries.js';
import { rosterSnapshots } from '../schema/roster-snapshots.js';
import type { Roster } from '../schema/enums.js';
import { hasJsicPrefix, listedOn, listingColumns, type RosterListing } from './roster.repository.js';

export type ExportListing = RosterListing;

export type ExportFilter = { asOf: string; prefecture?: string; jsic?: string; roster?: Roster; corporateNumber?: string };

/** Every listing valid on `asOf` (optionally filtered), in a stable order: what exports and snapshots contain. */
export async function listListingsOn(db: Db, f: ExportFilter, limit = 500_000): Promise<ExportListing[]> {
  const conditions: SQL[] = [listedOn(f.asOf)];
  if (f.prefecture) conditions.push(eq(rosterEntries.prefecture, f.prefecture));
  if (f.roster) conditions.push(eq(rosterEntries.roster, f.roster));
  if (f.corporateNumber) conditions.push(eq(rosterEntries.corporateNumber, f.corporateNumber));
  if (f.jsic) conditions.push(hasJsicPrefix(f.jsic));
  return db
    .select(listingColumns)
    .from(rosterEntries)
    .where(and(...conditions))
    .orderBy(asc(rosterEntries.roster), asc(rosterEntries.prefecture), asc(rosterEntries.corporateNumber), asc(rosterEntries.establishmentName), asc(rosterEntries.id))
    .limit(limit);
}

export async function countListingsOn(db: Db, asOf: string): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(rosterEntries).where(listedOn(asOf));
  return Number(rows[0]?.n ?? 0);
}

export type RosterSnapshotRow = typeof rosterSnapshots.$inferSelect;
export type RosterSnapshotSummary = Omit<RosterSnapshotRow, 'content'>;

export async function insertRosterSnapshot(
  db: Db,
  s: { id: string; asOf: string; listingCount: number; content: string; sha256: string; signature: string; kid: string; publishedBy: string | null; publishedAt: Date },
): Promise<RosterSnapshotSummary> {
  const [row] = await db.insert(rosterSnapshots).values(s).returning();
  if (!row) throw new Error('insert roster_snapshots returned no row');
  const { content: _c, ...summary } = row;
  return summary;
}

export async function findRosterSnapshot(db: Db, id: string): Promise<RosterSnapshotRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return (await db.select().from(rosterSnapshots).where(eq(rosterSnapshots.id, id)).limit(1))[0];
}

export async function listRosterSnapshots(db: Db, limit = 100): Promise<RosterSnapshotSummary[]> {
  return db
    .select({
      id: rosterSnapshots.id,
      asOf: rosterSnapshots.asOf,
      listingCount: rosterSnapshots.listingCount,
      sha256: rosterSnapshots.sha256,
      signature: rosterSnapshots.signature,
      kid: rosterSnapshots.kid,
      publishedBy: rosterSnapshots.publishedBy,
      publishedAt: rosterSnapshots.publishedAt,
      createdAt: rosterSnapshots.createdAt,
      updatedAt: rosterSnapshots.updatedAt,
    })
    .from(rosterSnapshots)
    .orderBy(desc(rosterSnapshots.publishedAt))
    .limit(limit);
}

/** Benchmarks only: turns the open JAIM listings that started on `from` into council listings closed on `until`. */
export async function closeCouncilListingsForBench(db: Db, from: string, until: string): Promise<void> {
  await db.execute(sql`UPDATE roster_entries SET roster = 'council', listed_until = ${until} WHERE listed_from = ${from} AND listed_until IS NULL`);
}
