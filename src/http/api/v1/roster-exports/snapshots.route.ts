import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getVerifiedSnapshot, listPublishedSnapshots } from '../../../../domain/roster-snapshots/get-snapshot.js';
import type { AppDeps } from '../../../app.js';
import { useCaseContext } from '../../../pages/accounts/request-context.js';

const SnapshotSummary = z.object({
  id: z.string(),
  asOf: z.string().meta({ description: 'The date the roster is as of (Japan date)' }),
  listingCount: z.number().int(),
  sha256: z.string().meta({ description: 'sha-256 (hex) of the canonical JSON that was signed' }),
  kid: z.string().meta({ description: 'Key id; the public key is at /.well-known/jinzai-keys.json' }),
  signature: z.string().meta({ description: 'Ed25519 signature, base64url' }),
  publishedAt: z.string(),
  signedJson: z.string().meta({ description: 'Where to download the signed JSON' }),
});

/** GET /api/v1/roster/snapshots and /api/v1/roster/snapshots/:id (verified afresh on every request). */
export const rosterExportApi = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const summary = (s: { id: string; asOf: string; listingCount: number; sha256: string; kid: string; signature: string; publishedAt: Date }) => ({
    id: s.id,
    asOf: s.asOf,
    listingCount: s.listingCount,
    sha256: s.sha256,
    kid: s.kid,
    signature: s.signature,
    publishedAt: s.publishedAt.toISOString(),
    signedJson: `/roster/snapshots/${s.id}/signed.json`,
  });
  api.get(
    '/api/v1/roster/snapshots',
    {
      config: { policy: 'roster.read', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { tags: ['roster'], summary: 'Published, signed roster snapshots', response: { 200: z.object({ items: z.array(SnapshotSummary) }) } },
    },
    async (request) => ({ items: (await listPublishedSnapshots(useCaseContext(request, deps))).map(summary) }),
  );
  api.get(
    '/api/v1/roster/snapshots/:id',
    {
      config: { policy: 'roster.read', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['roster'],
        summary: 'Verify a published roster snapshot',
        description: 'Recomputes the canonical JSON’s sha-256 and verifies the Ed25519 signature under the published key; `verified` is true only when every check passes.',
        params: z.object({ id: z.string().uuid() }),
        response: {
          200: SnapshotSummary.extend({
            verified: z.boolean(),
            checks: z.object({ canonical: z.boolean(), hashMatches: z.boolean(), keyKnown: z.boolean(), signatureValid: z.boolean(), idMatches: z.boolean() }),
            validRoster: z.object({ roster: z.enum(['council', 'jaim']), citation: z.string() }).nullable(),
          }),
        },
      },
    },
    async (request) => {
      const { snapshot, verification, validRoster } = await getVerifiedSnapshot(useCaseContext(request, deps), request.params.id);
      return { ...summary(snapshot), ...verification, validRoster: validRoster ? { roster: validRoster.roster, citation: validRoster.citation } : null };
    },
  );
};
