// Background work for a running server: the job runner with every handler and schedule.
import type { Mailer } from '../domain/mail/mailer.js';
import type { Database } from '../persistence/database.js';
import { JOB_HANDLERS } from './handlers.js';
import { startJobRunner, type JobRunner } from './queue.js';
import { SCHEDULES } from './schedule.js';
import type { JobHandlers, JobLogger } from './types.js';

export type BackgroundWorkOptions = {
  database: Database;
  logger: JobLogger;
  config?: unknown;
  /** Services some handlers need (the mailer, the clock). */
  services?: { mailer: Mailer; clock: { now(): Date } };
  pollMs?: number;
};

export function startBackgroundWork(options: BackgroundWorkOptions): JobRunner {
  return startJobRunner({
    database: options.database,
    handlers: { ...JOB_HANDLERS, ...serviceHandlers(options.services) },
    schedules: SCHEDULES,
    pollMs: options.pollMs ?? 2_000,
    logger: options.logger,
  });
}

/** Handlers that need app services rather than only the database. */
const serviceHandlers = (services: BackgroundWorkOptions['services']): JobHandlers =>
  services
    ? {
        // Mail queued in a transaction is delivered after commit by the request; this catches anything left (SMTP down).
        'mail.deliver': async (_payload, ctx) => {
          if (services.mailer.delivers) await services.mailer.deliverPending(ctx.db, services.clock.now());
        },
      }
    : {};
