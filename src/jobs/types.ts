import type { Db } from '../persistence/database.js';

export type JobLogger = {
  info(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
  error(o: object, msg?: string): void;
};

export type JobContext = { jobId: string; attempt: number; maxAttempts: number; db: Db; logger: JobLogger };

/** A job handler. Throwing fails the attempt; the runner retries with backoff until max attempts. */
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

export type JobHandlers = Record<string, JobHandler>;
