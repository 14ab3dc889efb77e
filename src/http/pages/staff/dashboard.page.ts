import type { FastifyInstance } from 'fastify';
import { can } from '../../../domain/access/policies.js';
import type { AppDeps } from '../../app.js';

/** /staff: links to what this staff member's roles allow. */
export const staffDashboardPage = async (app: FastifyInstance, _deps: AppDeps): Promise<void> => {
  app.get('/staff', { config: { policy: 'staff.dashboard' } }, async (request, reply) => {
    const a = request.actor;
    const links = [
      { href: '/staff/join-requests', key: 'joinRequests', show: can(a, 'join_request.review') },
      { href: '/staff/lifecycle', key: 'lifecycle', show: can(a, 'membership_change.review') },
      { href: '/staff/renewal', key: 'renewal', show: can(a, 'renewal.manage') },
      { href: '/staff/fees', key: 'fees', show: can(a, 'fees.manage') },
      { href: '/staff/expulsions', key: 'expulsions', show: can(a, 'expulsion.read') },
      { href: '/staff/violations', key: 'violations', show: can(a, 'violation_report.read') },
      { href: '/staff/communications', key: 'communications', show: can(a, 'communications.send') },
      { href: '/staff/surveys', key: 'surveys', show: can(a, 'surveys.manage') },
      { href: '/staff/council-migration', key: 'councilMigration', show: can(a, 'council_migration.manage') },
      { href: '/roster/snapshots', key: 'rosterSnapshots', show: can(a, 'roster_snapshots.publish') },
      { href: '/staff/exams', key: 'exams', show: can(a, 'exam_catalogue.read') },
      { href: '/staff/exams/results', key: 'examResults', show: can(a, 'exam_results.enter_practical') },
      { href: '/staff/exams/ledger', key: 'examLedger', show: can(a, 'exam_ledger.read') },
      { href: '/staff/exams/statistics', key: 'examStatistics', show: can(a, 'exam_statistics.read') },
      { href: '/staff/reference-data', key: 'referenceData', show: can(a, 'reference_data.read') },
      { href: '/staff/users', key: 'users', show: can(a, 'roles.manage') },
      { href: '/staff/information-handlers', key: 'handlers', show: can(a, 'information_handlers.read') },
      { href: '/staff/audit', key: 'audit', show: can(a, 'audit.read') },
      { href: '/staff/outbox', key: 'outbox', show: can(a, 'outbox.read') },
    ].filter((l) => l.show);
    return reply.view('pages/staff/dashboard.njk', { pageTitle: request.t('staff:dashboard.title'), links });
  });
};
