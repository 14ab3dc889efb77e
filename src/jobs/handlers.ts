// Every queued job the app knows how to run, by name. Modules add their entries here; a job whose name
// has no handler fails (and, after its attempts, is marked dead with a job.failed audit event).
import type { JobHandlers } from './types.js';
import { japanDateOf } from '../../rules/core/index.js';
import { withdrawUnmigratedCouncilMembers } from '../domain/council-migration/withdraw-unmigrated.js';
import { releaseDueResultsJob } from './exam-results-release.job.js';
import { renewalJobHandlers } from '../domain/renewal/jobs.js';
import { applyDueMasterUpdates } from '../domain/membership-changes/apply-due-master-updates.js';

export const JOB_HANDLERS: JobHandlers = {
  // Council members not migrated to JAIM by 2025-12-25 are withdrawn automatically (jaim-membership-faq Q2-2-3).
  'council.auto_withdraw': async (_payload, ctx) => {
    const clock = { now: () => new Date() };
    const run = await withdrawUnmigratedCouncilMembers({ actor: { kind: 'system', job: 'council.auto_withdraw' }, db: ctx.db, clock }, japanDateOf(clock.now()));
    ctx.logger.info(run, 'council automatic withdrawal');
  },
  // Exam results are released on their sitting's release date, with certificates and notices (issue 5).
  'exam_results.release_due': releaseDueResultsJob,
  // Yearly renewal (M6): reminders to members that have not answered; lapse after the deadline (council art.12(2)).
  ...renewalJobHandlers(),
  // Change notices (M5): records follow the roster on the effective date.
  'membership_changes.apply_due': async (_payload, ctx) => {
    const run = await applyDueMasterUpdates({ actor: { kind: 'system', job: 'membership_changes.apply_due' }, db: ctx.db, clock: { now: () => new Date() } });
    ctx.logger.info(run, 'membership change records updated');
  },
};
