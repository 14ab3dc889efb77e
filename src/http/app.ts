import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config/env.js';
import type { Database } from '../persistence/database.js';
import { initI18n } from '../locales/index.js';
import type { AppServices } from './services.js';
import { installErrorHandling } from './plugins/errors.js';
import { installLanguage } from './plugins/language.js';
import { installPolicyEnforcement } from './plugins/policy.js';
import { installCsrfEnforcement } from './plugins/csrf.js';
import { installViews } from './plugins/views.js';
import { installIdentity } from './plugins/identity.js';
import { installSecurityHeaders } from './plugins/security-headers.js';
import { registerRoutes } from './routes/index.js';
import './fastify-types.js';

export type AppDeps = { config: Config; database: Database; services: AppServices };

const here = dirname(fileURLToPath(import.meta.url));
const publicDir = join(here, '..', '..', 'public');

export const buildApp = async (deps: AppDeps): Promise<FastifyInstance> => {
  const { config } = deps;
  await initI18n();

  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            // One-time tokens travel in mail links (?token=…); they never reach the logs.
            serializers: {
              req: (req: { method: string; url: string; id: string; ip?: string }) => ({
                method: req.method,
                url: req.url.replace(/([?&](?:token|_csrf)=)[^&]*/gi, '$1[redacted]'),
                requestId: req.id,
                ip: req.ip,
              }),
            },
          },
    // Request ids come from us, never from the client, so logs and audit entries can be trusted to correlate.
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const inventory = installPolicyEnforcement(app);
  app.decorate('routeInventory', inventory);

  await installSecurityHeaders(app, config);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Permissions-Policy', 'camera=(self), geolocation=(), microphone=(), payment=()');
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
  });

  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 10, fields: 200, fieldSize: 100_000 } });
  await app.register(rateLimit, { global: false, allowList: config.rateLimitAllow });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: config.tls ? '__Host-csrf' : 'csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: config.tls },
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const query = req.query as Record<string, unknown> | undefined;
      const header = req.headers['x-csrf-token'];
      const value = body?._csrf ?? query?._csrf ?? (Array.isArray(header) ? header[0] : header);
      return typeof value === 'string' ? value : undefined;
    },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Jinzai API',
        version: '1.0.0',
        description:
          'JSON API of the Jinzai platform. Authenticate integrations with an organisation API token (`Authorization: Bearer …`). ' +
          'Errors are RFC 9457 problem details. Every automated determination returns the provisions it applied.',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
    transform: (input) => {
      if (!input.url.startsWith('/api/') || input.url === '/api/openapi.json') return { schema: { ...input.schema, hide: true }, url: input.url };
      return jsonSchemaTransform(input);
    },
  });

  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', decorateReply: false, cacheControl: false });

  installLanguage(app);
  installIdentity(app, deps);
  installCsrfEnforcement(app);
  installViews(app, deps);
  installErrorHandling(app);

  await registerRoutes(app, deps);
  return app;
};
