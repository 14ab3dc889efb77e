import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatJapaneseDate, japanDateOf, type LegalDate } from '../../../../rules/core/index.js';
import { can } from '../../../domain/access/policies.js';
import { getVerifiedSnapshot, listPublishedSnapshots } from '../../../domain/roster-snapshots/get-snapshot.js';
import { publishRosterSnapshot } from '../../../domain/roster-snapshots/publish-snapshot.js';
import { signedDocument } from '../../../domain/roster-snapshots/snapshot.js';
import type { AppDeps } from '../../app.js';
import { bodyOf, formErrorsOf, useCaseContext } from '../accounts/request-context.js';
import { attachment, rosterExportContext } from './helpers.js';

const dateLabel = (d: string, lang: 'ja' | 'en') => (lang === 'ja' ? formatJapaneseDate(d as LegalDate) : `${d} (${formatJapaneseDate(d as LegalDate).replace(/^.*（(.*)）$/, '$1')})`);

/** Signed roster snapshots: the list (and, for the secretariat, the publish form), the verification page, the signed JSON. */
export const rosterSnapshotPages = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const list = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const snapshots = (await listPublishedSnapshots(useCaseContext(request, deps))).map((s) => ({ ...s, asOfLabel: dateLabel(s.asOf, request.lang), publishedAtLabel: s.publishedAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' }));
    return {
      pageTitle: request.t('roster-exports:snapshots.title'),
      snapshots,
      canPublish: can(request.actor, 'roster_snapshots.publish'),
      values: { asOf: japanDateOf(deps.services.clock.now()) },
      ...extra,
    };
  };

  app.get('/roster/snapshots', { config: { policy: 'roster.read' } }, async (request, reply) => reply.view('pages/roster-exports/snapshots.njk', await list(request)));

  app.post('/roster/snapshots', { config: { policy: 'roster_snapshots.publish' } }, async (request, reply) => {
    const body = bodyOf(request);
    try {
      const snapshot = await publishRosterSnapshot(rosterExportContext(request, deps), { asOf: body.asOf ?? '' });
      return reply.redirect(`/roster/snapshots/${snapshot.id}?published=1`, 303);
    } catch (error) {
      const errors = formErrorsOf(error, request);
      if (!errors) throw error;
      reply.status(400);
      return reply.view('pages/roster-exports/snapshots.njk', await list(request, { errors, values: { asOf: body.asOf ?? '' } }));
    }
  });

  app.get('/roster/snapshots/:id', { config: { policy: 'roster.read' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { snapshot, verification, validRoster } = await getVerifiedSnapshot(useCaseContext(request, deps), id);
    const { content: _content, ...meta } = snapshot;
    return reply.view('pages/roster-exports/snapshot.njk', {
      pageTitle: request.t('roster-exports:snapshot.title', { date: snapshot.asOf }),
      snapshot: meta,
      asOfLabel: dateLabel(snapshot.asOf, request.lang),
      publishedAtLabel: snapshot.publishedAt.toISOString().replace('T', ' ').slice(0, 19) + ' UTC',
      verification,
      checks: Object.entries(verification.checks).map(([name, ok]) => ({ name, ok })),
      validRoster,
      published: (request.query as Record<string, unknown>).published === '1',
    });
  });

  app.get('/roster/snapshots/:id/signed.json', { config: { policy: 'roster.read' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { snapshot } = await getVerifiedSnapshot(useCaseContext(request, deps), id);
    reply.header('Content-Disposition', attachment(`roster-snapshot-${snapshot.asOf}-${snapshot.id.slice(0, 8)}.json`));
    reply.header('Cache-Control', 'public, max-age=3600, immutable');
    return reply.type('application/json; charset=utf-8').send(signedDocument(snapshot));
  });
};
