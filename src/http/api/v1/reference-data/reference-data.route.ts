import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isLegalDate } from '../../../../../rules/core/index.js';
import { publicReferenceData } from '../../../../domain/reference-data/public-reference-data.js';
import type { AppDeps } from '../../../app.js';
import { useCaseContext } from '../../../pages/accounts/request-context.js';

const Message = z.object({ ja: z.string(), en: z.string() });
const Marker = z.enum(['official', 'unverified', 'example']).meta({ description: 'official, unverified (要確認) or example (例示)' });
const Value = z.object({ value: z.unknown(), from: z.string().nullable(), lastDay: z.string().nullable(), marker: Marker, note: z.string().nullable() });

/** `GET /api/v1/reference-data`: the public reference data in force on a date (today by default), each item marked. */
export const referenceDataApi = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/reference-data',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['reference-data'],
        summary: 'Reference data in force on a date (eligible JSIC codes, business categories, designated associations, fee parameters)',
        querystring: z.object({ on: z.string().refine(isLegalDate, 'YYYY-MM-DD').optional() }),
        response: {
          200: z.object({
            today: z.string(),
            eligible: z
              .object({
                title: Message,
                from: z.string(),
                lastDay: z.string().nullable(),
                marker: Marker,
                complete: z.boolean(),
                officialCount: z.number().nullable(),
                entries: z.array(z.object({ code: z.string(), level: z.string(), name: z.string(), ssw1: z.boolean().nullable(), ssw2: z.boolean().nullable(), confidence: z.string(), marker: Marker }).loose()),
              })
              .nullable(),
            businessCategories: Value,
            packingAssociations: Value,
            printingAssociations: Value,
            fees: z.array(z.object({ id: z.string(), description: Message, unit: z.string().nullable(), value: Value })),
          }),
        },
      },
    },
    async (request) => {
      const on = request.query.on;
      return publicReferenceData(useCaseContext(request, deps), on && isLegalDate(on) ? on : undefined);
    },
  );
};
