// The last slot each schedule was enqueued for (src/jobs/schedule.ts).
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { jobSchedulesState } from '../schema/jobs.js';

/** Locks the schedule's state row (if any) for the rest of the transaction and returns its last slot. */
export async function lockScheduleState(tx: Db, scheduleName: string): Promise<Date | null> {
  const [row] = await tx
    .select({ lastRunAt: jobSchedulesState.lastRunAt })
    .from(jobSchedulesState)
    .where(eq(jobSchedulesState.scheduleName, scheduleName))
    .for('update');
  return row?.lastRunAt ?? null;
}

export async function recordScheduleSlot(tx: Db, scheduleName: string, slot: Date): Promise<void> {
  await tx
    .insert(jobSchedulesState)
    .values({ scheduleName, lastRunAt: slot })
    .onConflictDoUpdate({ target: jobSchedulesState.scheduleName, set: { lastRunAt: slot, updatedAt: sql`now()` } });
}
