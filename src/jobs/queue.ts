// A small job queue in the application's own database, so it works the same on embedded PGlite and on
// PostgreSQL (pg-boss would share PGlite's single connection and stall it; see stack-notes §1).
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Database, Db } from '../persistence/database.js';
import { describeDbError } from '../persistence/errors.js';
import { writeAuditEvent } from '../persistence/audit/write-audit-event.js';
import { claimDueJobs, insertJob, markJobDone, markJobFailed, type ClaimedJob } from '../persistence/repositories/jobs.repository.js';
import { defaultBackoffMs } from './backoff.js';
import { runSchedulerTick, type Schedule } from './schedule.js';
import type { JobHandlers, JobLogger } from './types.js';

export type EnqueueOptions = { runAt?: Date; dedupeKey?: string; maxAttempts?: number };

/**
 * Queue a job (pass the caller's transaction to enqueue atomically with the change that needs it).
 * With a dedupe key that was already used, nothing is queued and `created` is false.
 */
export async function enqueue(db: Db, name: string, payload: unknown, options: EnqueueOptions = {}): Promise<{ id: string | null; created: boolean }> {
  return insertJob(db, { name, payload, ...options });
}

export type ProcessJobsOptions = {
  database: Database;
  handlers: JobHandlers;
  logger: JobLogger;
  workerId?: string;
  /** Jobs claimed per poll. */
  batchSize?: number;
  /** A job still 'running' after this long is assumed orphaned by a dead worker and claimed again. */
  staleAfterMs?: number;
  backoffMs?: (attempt: number) => number;
  clock?: () => Date;
};

const defaultWorkerId = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** Claim and run the jobs that are due now. Returns how many were run. */
export async function processDueJobs(options: ProcessJobsOptions): Promise<number> {
  const clock = options.clock ?? (() => new Date());
  const now = clock();
  const claimed = await claimDueJobs(options.database.db, {
    workerId: options.workerId ?? defaultWorkerId(),
    now,
    staleBefore: new Date(now.getTime() - (options.staleAfterMs ?? 15 * 60_000)),
    limit: options.batchSize ?? 5,
  });
  for (const job of claimed) await runOne(job, options, clock);
  return claimed.length;
}

async function runOne(job: ClaimedJob, options: ProcessJobsOptions, clock: () => Date): Promise<void> {
  const { database, logger } = options;
  const handler = options.handlers[job.name];
  try {
    if (job.attempts > job.maxAttempts) throw new Error('out of attempts (the worker running it stopped)');
    if (!handler) throw new Error(`no handler registered for job "${job.name}"`);
    await handler(job.payload, { jobId: job.id, attempt: job.attempts, maxAttempts: job.maxAttempts, db: database.db, logger });
    await markJobDone(database.db, job.id, clock());
    logger.info({ job: job.name, jobId: job.id, attempt: job.attempts }, 'job done');
  } catch (error) {
    await recordFailure(job, error, options, clock());
  }
}

async function recordFailure(job: ClaimedJob, error: unknown, options: ProcessJobsOptions, now: Date): Promise<void> {
  const message = error instanceof Error ? error.message : describeDbError(error).message;
  const dead = job.attempts >= job.maxAttempts;
  const retryAt = dead ? null : new Date(now.getTime() + (options.backoffMs ?? defaultBackoffMs)(job.attempts));
  try {
    await options.database.db.transaction(async (tx) => {
      await markJobFailed(tx, { id: job.id, error: message, retryAt, now });
      await writeAuditEvent(tx, {
        action: 'job.failed',
        actor: { kind: 'system' },
        target: { type: 'job', id: job.id },
        summary: { after: { name: job.name, attempt: job.attempts, maxAttempts: job.maxAttempts, status: dead ? 'dead' : 'failed', retryAt, error: message } },
        occurredAt: now,
      });
    });
  } catch (recordError) {
    // Leave it 'running': the stale-claim rule picks it up again later.
    options.logger.error({ job: job.name, jobId: job.id, err: describeDbError(recordError) }, 'could not record job failure');
    return;
  }
  const log = dead ? options.logger.error.bind(options.logger) : options.logger.warn.bind(options.logger);
  log({ job: job.name, jobId: job.id, attempt: job.attempts, maxAttempts: job.maxAttempts, retryAt, err: message }, dead ? 'job dead' : 'job failed, will retry');
}

export type JobRunnerOptions = ProcessJobsOptions & { pollMs: number; schedules?: readonly Schedule[] };

export type JobRunner = { stop(): Promise<void> };

/**
 * Poll for due jobs every `pollMs` (and enqueue due schedule runs first). One poll at a time; `stop()`
 * waits for the poll in progress to finish, so no job is left half-recorded.
 */
export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const clock = options.clock ?? (() => new Date());
  const workerId = options.workerId ?? defaultWorkerId();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const poll = async (): Promise<void> => {
    try {
      if (options.schedules?.length) await runSchedulerTick(options.database.db, clock(), options.schedules);
      // Keep going while there is a backlog; then wait for the next poll.
      while (!stopped && (await processDueJobs({ ...options, workerId, clock })) > 0);
    } catch (error) {
      options.logger.error({ err: describeDbError(error) }, 'job poll failed');
    }
  };
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = poll().finally(schedule);
    }, options.pollMs);
  };
  current = poll().finally(schedule);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
