import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { idColumn, instant } from './columns.js';
import type { JobStatus } from './enums.js';

export const jobs = pgTable(
  'jobs',
  {
    id: idColumn(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull().default({}),
    runAt: instant('run_at').notNull().defaultNow(),
    /** failed = the last attempt failed and a retry is due at runAt; dead = out of attempts. */
    status: text('status').$type<JobStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lastError: text('last_error'),
    lockedAt: instant('locked_at'),
    lockedBy: text('locked_by'),
    dedupeKey: text('dedupe_key').unique('jobs_dedupe_key_key'),
    createdAt: instant('created_at').notNull().defaultNow(),
    finishedAt: instant('finished_at'),
  },
  (t) => [
    index('jobs_due_idx').on(t.runAt).where(sql`status IN ('queued', 'failed')`),
    index('jobs_running_idx').on(t.lockedAt).where(sql`status = 'running'`),
  ],
);

/** The last slot each schedule in src/jobs/schedule.ts was enqueued for. */
export const jobSchedulesState = pgTable('job_schedules_state', {
  scheduleName: text('schedule_name').primaryKey(),
  lastRunAt: instant('last_run_at').notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});
