// Every schedule in one table. A scheduler tick enqueues each schedule's latest due slot exactly once:
// the dedupe key names the slot, and job_schedules_state remembers the last slot enqueued, so several
// instances ticking at once, or a restart, never double-run a slot. Missed slots are not replayed —
// only the latest one runs (jobs should be "catch up on everything due", not "do one slot's work").
import type { Db } from '../persistence/database.js';
import { lockScheduleState, recordScheduleSlot } from '../persistence/repositories/job-schedules.repository.js';
import { insertJob } from '../persistence/repositories/jobs.repository.js';

export type Schedule = { name: string; job: string; payload?: unknown } & ({ everyMinutes: number } | { dailyAtJst: string });

export const SCHEDULES: readonly Schedule[] = [
  // Retry delivery of any mail still waiting in the outbox (SMTP configured only; otherwise a no-op).
  { name: 'deliver-pending-mail', job: 'mail.deliver', everyMinutes: 1 },
  // Close the council listings of members not migrated to JAIM by 2025-12-25 (jaim-membership-faq Q2-2-3).
  { name: 'council-auto-withdraw', job: 'council.auto_withdraw', dailyAtJst: '00:15' },
  // Release exam results whose release date has come (the date is a Japan calendar date).
  { name: 'exam-results-release', job: 'exam_results.release_due', dailyAtJst: '00:05' },
  // Yearly renewal (M6): remind members that have not answered the renewal check (council art.12; JAIM FAQ Q3-1-4).
  { name: 'renewal-reminders', job: 'renewal.remind', dailyAtJst: '09:00' },
  // Lapse members that did not answer by the deadline, with the determination stored (council art.12(2)).
  { name: 'renewal-lapse', job: 'renewal.lapse', dailyAtJst: '00:30' },
  // Change notices applied with a later effective date: bring the organisation / establishment record up to date (M5).
  { name: 'membership-changes-master', job: 'membership_changes.apply_due', dailyAtJst: '00:10' },
];

const JST_OFFSET_MS = 9 * 60 * 60_000; // Japan has no daylight saving time
const DAY_MS = 24 * 60 * 60_000;

/** The most recent slot at or before `now` (slots of everyMinutes are aligned to the epoch, so to the clock). */
export function latestSlot(schedule: Schedule, now: Date): Date {
  if ('everyMinutes' in schedule) {
    const period = schedule.everyMinutes * 60_000;
    if (!(period > 0)) throw new Error(`Schedule ${schedule.name}: everyMinutes must be positive`);
    return new Date(Math.floor(now.getTime() / period) * period);
  }
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(schedule.dailyAtJst);
  if (!match) throw new Error(`Schedule ${schedule.name}: dailyAtJst must be HH:MM, got ${schedule.dailyAtJst}`);
  const jstMidnight = Math.floor((now.getTime() + JST_OFFSET_MS) / DAY_MS) * DAY_MS - JST_OFFSET_MS;
  const today = jstMidnight + (Number(match[1]) * 60 + Number(match[2])) * 60_000;
  return new Date(today <= now.getTime() ? today : today - DAY_MS);
}

export const slotDedupeKey = (schedule: Schedule, slot: Date): string => `schedule:${schedule.name}:${slot.toISOString()}`;

/** Enqueue every schedule whose latest slot has not been enqueued yet. Returns the names enqueued. */
export async function runSchedulerTick(db: Db, now: Date, schedules: readonly Schedule[] = SCHEDULES): Promise<string[]> {
  const enqueued: string[] = [];
  for (const schedule of schedules) {
    const slot = latestSlot(schedule, now);
    const created = await db.transaction(async (tx) => {
      const last = await lockScheduleState(tx, schedule.name);
      if (last && last.getTime() >= slot.getTime()) return false;
      const result = await insertJob(tx, { name: schedule.job, payload: schedule.payload ?? {}, runAt: slot, dedupeKey: slotDedupeKey(schedule, slot) });
      await recordScheduleSlot(tx, schedule.name, slot);
      return result.created;
    });
    if (created) enqueued.push(schedule.name);
  }
  return enqueued;
}
