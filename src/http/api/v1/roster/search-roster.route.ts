import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { searchRoster } from '../../../../domain/roster/search-roster.js';
import type { AppDeps } from '../../../app.js';
import { RosterListingSchema, ValidRosterSchema } from './roster-schemas.js';

/** GET /api/v1/roster: the public roster as of a date, searchable. */
export const searchRosterRoute = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/roster',
    {
      config: { policy: 'roster.read', rateLimit: { max: 600, timeWindow: '1 minute' } },
      schema: {
        tags: ['roster'],
        summary: 'Search the public roster as of a date',
        description:
          'Establishments listed on `asOf` (default today in Japan): listed_from ≤ asOf < listed_until. `q` matches the establishment or company name or reading, insensitive to full/half width and to katakana/hiragana.',
        querystring: z.object({
          q: z.string().max(100).optional(),
          corporateNumber: z.string().max(30).optional().meta({ description: '法人番号 (13 digits)' }),
          prefecture: z.string().max(2).optional().meta({ description: 'JIS prefecture code 01–47' }),
          jsic: z.string().max(4).optional().meta({ description: 'JSIC code or prefix (2–4 digits)' }),
          asOf: z.string().max(10).optional().meta({ description: 'YYYY-MM-DD', example: '2025-12-26' }),
          page: z.coerce.number().int().min(1).max(10_000).optional(),
        }),
        response: {
          200: z.object({
            asOf: z.string(),
            validRoster: ValidRosterSchema,
            total: z.number().int(),
            page: z.number().int(),
            pageCount: z.number().int(),
            pageSize: z.number().int(),
            items: z.array(RosterListingSchema),
          }),
        },
      },
    },
    async (request) => {
      const result = await searchRoster({ actor: request.actor, db: deps.database.db, clock: deps.services.clock }, request.query);
      return { ...result, validRoster: result.validRoster ?? null };
    },
  );
};
