import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../../../domain/access/actor.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyCertificateByExamNumber, verifyCertificateByToken } from '../../../../domain/exams/use-cases/verify-certificate.js';
import type { AppDeps } from '../../../app.js';

// Public verification of pass certificates (no authentication). Rate-limited per client: the exam number and date of
// birth are a weak secret, so guessing must be slow. Integrations with many checks can be allow-listed by IP.

export const CertificateCheckSchema = z.object({
  valid: z.boolean(),
  status: z.enum(['valid', 'revoked', 'not_found']),
  publicFields: z
    .object({
      certificateNumber: z.string(),
      maskedName: z.string().meta({ description: 'Initials only, e.g. "N*** V. A."' }),
      category: z.object({ ja: z.string(), en: z.string() }),
      level: z.enum(['i', 'ii']),
      passDate: z.string().meta({ description: 'YYYY-MM-DD' }),
      revokedOn: z.string().optional(),
    })
    .nullable(),
});

const rateLimit = { max: 60, timeWindow: '1 minute' };

export const verifyCertificateRoutes = async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
  const ctx = (request: { actor: Actor }) => ({ actor: request.actor, db: deps.database.db, clock: deps.services.clock });
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/certificates/verify',
    {
      config: { policy: 'certificates.verify', rateLimit },
      schema: {
        tags: ['certificates'],
        summary: 'Verify a pass certificate by exam number and date of birth',
        description:
          'Answers valid, revoked or not_found. A wrong date of birth and an unknown exam number give the same answer. Only the public fields are returned (no date of birth, passport or nationality).',
        querystring: z.object({
          examNumber: z.string().max(40).meta({ example: 'SSW1-2026-0001234-K' }),
          dateOfBirth: z.string().max(10).meta({ description: 'YYYY-MM-DD', example: '2000-01-31' }),
        }),
        response: { 200: CertificateCheckSchema },
      },
    },
    async (request) => verifyCertificateByExamNumber(ctx(request), request.query),
  );
  api.post(
    '/api/v1/certificates/verify-token',
    {
      // Read-only and public: no session is involved, so there is nothing for CSRF to protect.
      config: { policy: 'certificates.verify', rateLimit, skipCsrf: true },
      schema: {
        tags: ['certificates'],
        summary: 'Verify a pass certificate by the signed token in its QR code',
        description: 'The token is Ed25519-signed (keys at /.well-known/jinzai-keys.json). Answers valid, revoked or not_found, with the public fields only.',
        body: z.object({ token: z.string().max(2048) }),
        response: { 200: CertificateCheckSchema },
      },
    },
    async (request) => verifyCertificateByToken(ctx(request), request.body),
  );
};
