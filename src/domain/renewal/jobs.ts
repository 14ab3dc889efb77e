import type { Clock } from '../accounts/context.js';
import type { Db } from '../../persistence/database.js';
import { lapseUnansweredRenewals, sendRenewalReminders } from './run-renewal-jobs.js';

export const RENEWAL_REMIND_JOB = 'renewal.remind';
export const RENEWAL_LAPSE_JOB = 'renewal.lapse';

type Handler = (payload: unknown, job: { db: Db; logger: { info(o: object, msg?: string): void } }) => Promise<void>;

const SYSTEM_CLOCK: Clock = { now: () => new Date() };

/** The renewal job handlers over a clock (tests pass a fixed one). Mail links use PUBLIC_BASE_URL. */
export const renewalJobHandlers = (clock: Clock = SYSTEM_CLOCK, baseUrl = process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000'): Record<string, Handler> => ({
  [RENEWAL_REMIND_JOB]: async (_payload, job) => {
    const r = await sendRenewalReminders({ actor: { kind: 'system', job: RENEWAL_REMIND_JOB }, db: job.db, clock, baseUrl });
    job.logger.info({ ...r }, 'renewal reminders');
  },
  [RENEWAL_LAPSE_JOB]: async (_payload, job) => {
    const r = await lapseUnansweredRenewals({ actor: { kind: 'system', job: RENEWAL_LAPSE_JOB }, db: job.db, clock, baseUrl });
    job.logger.info({ ...r }, 'renewal lapse');
  },
});
