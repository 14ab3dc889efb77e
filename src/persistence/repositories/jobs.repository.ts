// SQL for the job queue (src/jobs/). Claiming uses FOR UPDATE SKIP LOCKED so several PostgreSQL
// instances can poll one table; on PGlite (one connection) the same statement simply runs alone.
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../database.js';
import { jobs } from '../schema/jobs.js';

export type NewJob = { name: string; payload: unknown; runAt?: Date; dedupeKey?: string; maxAttempts?: number };

export type ClaimedJob = { id: string; name: string; payload: unknown; attempts: number; maxAttempts: number };

export type JobRow = typeof jobs.$inferSelect;

const MAX_ERROR_LENGTH = 2_000;

/** Inserts a job; with a dedupe key already used, inserts nothing and returns created: false. */
export async function insertJob(db: Db, job: NewJob): Promise<{ id: string | null; created: boolean }> {
  const rows = await db
    .insert(jobs)
    .values({
      name: job.name,
      payload: job.payload ?? {},
      ...(job.runAt ? { runAt: job.runAt } : {}),
      ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
      dedupeKey: job.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  const id = rows[0]?.id ?? null;
  return { id, created: id !== null };
}

/**
 * Marks up to `limit` due jobs as running for this worker and returns them. A job left 'running' by a
 * worker that died (locked before `staleBefore`) is claimed again.
 */
export async function claimDueJobs(db: Db, opts: { workerId: string; now: Date; staleBefore: Date; limit: number }): Promise<ClaimedJob[]> {
  const now = opts.now.toISOString();
  const result = await db.execute(sql`
    UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_at = ${now}::timestamptz, locked_by = ${opts.workerId}
    WHERE id IN (
      SELECT id FROM jobs
      WHERE (status IN ('queued', 'failed') AND run_at <= ${now}::timestamptz)
         OR (status = 'running' AND locked_at < ${opts.staleBefore.toISOString()}::timestamptz)
      ORDER BY run_at
      LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, name, payload, attempts, max_attempts`);
  return rowsOf<{ id: string; name: string; payload: unknown; attempts: number; max_attempts: number }>(result).map((row) => ({
    id: row.id,
    name: row.name,
    payload: row.payload,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
  }));
}

export async function markJobDone(db: Db, id: string, finishedAt: Date): Promise<void> {
  await db.update(jobs).set({ status: 'done', finishedAt, lockedAt: null, lockedBy: null, lastError: null }).where(eq(jobs.id, id));
}

/** Records a failed attempt: back to the queue at `retryAt`, or dead when there is none. */
export async function markJobFailed(db: Db, opts: { id: string; error: string; retryAt: Date | null; now: Date }): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: opts.retryAt ? 'failed' : 'dead',
      lastError: opts.error.slice(0, MAX_ERROR_LENGTH),
      lockedAt: null,
      lockedBy: null,
      ...(opts.retryAt ? { runAt: opts.retryAt } : { finishedAt: opts.now }),
    })
    .where(eq(jobs.id, opts.id));
}

export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  return row;
}
