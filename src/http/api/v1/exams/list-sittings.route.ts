import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listPublicSittings } from '../../../../domain/exams/use-cases/sittings.js';
import type { AppDeps } from '../../../app.js';
import { examContext } from '../../../pages/exams/helpers.js';

const SittingSchema = z.object({
  id: z.uuid(),
  examDate: z.string().meta({ description: 'YYYY-MM-DD (exam day, local)' }),
  startTime: z.string(),
  category: z.object({ code: z.string(), level: z.enum(['i', 'ii']), ja: z.string(), en: z.string() }),
  venue: z.object({ name: z.string(), country: z.string().meta({ description: 'ISO 3166-1 alpha-2' }), city: z.string(), address: z.string(), equipment: z.array(z.string()) }),
  registration: z.object({ opensOn: z.string(), closesOn: z.string(), open: z.boolean(), rescheduleDeadline: z.string(), cancelDeadline: z.string() }),
  fee: z.object({ amount: z.number().int().meta({ description: 'Integer minor units of the currency (yen for JPY)' }), currency: z.string() }),
  seats: z.object({ capacity: z.number().int(), taken: z.number().int() }),
});

/** GET /api/v1/exams/sittings: announced sittings (open or closed for registration, not yet held). Public. */
export const listSittingsRoute = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/exams/sittings',
    {
      config: { policy: 'public', rateLimit: { max: 300, timeWindow: '1 minute' } },
      schema: {
        tags: ['exams'],
        summary: 'Announced skills exam sittings',
        description: 'Sittings of the manufacturing skills exams in Japan and abroad whose registration is open or closed and whose exam day has not passed.',
        response: { 200: z.object({ items: z.array(SittingSchema) }) },
      },
    },
    async (request) => ({
      items: (await listPublicSittings(examContext(request, deps))).map((s) => ({
        id: s.sitting.id,
        examDate: s.sitting.examDate,
        startTime: s.sitting.startTime,
        category: { code: s.category.code, level: s.category.level, ja: s.category.nameJa, en: s.category.nameEn },
        venue: { name: s.venue.name, country: s.venue.country, city: s.venue.city, address: s.venue.address, equipment: s.venue.equipment },
        registration: { opensOn: s.sitting.registrationOpensOn, closesOn: s.sitting.registrationClosesOn, open: s.open, rescheduleDeadline: s.sitting.rescheduleDeadline, cancelDeadline: s.sitting.cancelDeadline },
        fee: { amount: s.sitting.feeAmount, currency: s.sitting.feeCurrency },
        seats: { capacity: s.sitting.capacity, taken: s.seatsTaken },
      })),
    }),
  );
};
