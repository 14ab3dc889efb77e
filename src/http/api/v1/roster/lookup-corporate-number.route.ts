import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lookupCorporateNumber } from '../../../../domain/roster/lookup-corporate-number.js';
import type { AppDeps } from '../../../app.js';
import { RosterListingSchema, ValidRosterSchema } from './roster-schemas.js';

/** GET /api/v1/roster/corporate-number/:number: every listing of one 法人番号 on a date (one indexed query). */
export const lookupCorporateNumberRoute = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/roster/corporate-number/:number',
    {
      config: { policy: 'roster.read', rateLimit: { max: 6000, timeWindow: '1 minute' } },
      schema: {
        tags: ['roster'],
        summary: 'Was this company’s establishment on the roster on a date?',
        description: 'Listings under the 法人番号 valid on `asOf` (default today in Japan), and which roster counted for immigration filings that day. The check digit is verified (400 when wrong).',
        params: z.object({ number: z.string().min(1).max(40).meta({ description: '法人番号, 13 digits', example: '7123456789012' }) }),
        querystring: z.object({ asOf: z.string().max(10).optional().meta({ description: 'YYYY-MM-DD', example: '2025-12-26' }) }),
        response: {
          200: z.object({ corporateNumber: z.string(), asOf: z.string(), validRoster: ValidRosterSchema, listed: z.boolean(), listings: z.array(RosterListingSchema) }),
        },
      },
    },
    async (request) => {
      const r = await lookupCorporateNumber({ actor: request.actor, db: deps.database.db, clock: deps.services.clock }, request.params.number, request.query.asOf);
      return { corporateNumber: r.corporateNumber, asOf: r.asOf, validRoster: r.validRoster ?? null, listed: r.listings.length > 0, listings: r.listings };
    },
  );
};
