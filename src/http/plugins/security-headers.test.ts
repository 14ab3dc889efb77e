import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { helmetOptionsFor, installSecurityHeaders } from './security-headers.js';

// The headers worked out once must be exactly those @fastify/helmet sets per request with the same options.
const SECURITY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
  'x-powered-by',
];

const pick = (headers: Record<string, unknown>) => Object.fromEntries(SECURITY_HEADERS.filter((h) => h in headers).map((h) => [h, headers[h]]));

const withRoutes = async (app: FastifyInstance): Promise<FastifyInstance> => {
  app.get('/page', async (_request, reply) => reply.type('text/html').send('<p>ok</p>'));
  app.get('/own-policy', { helmet: { frameguard: { action: 'sameorigin' } } }, async () => ({ ok: true }));
  app.get('/no-helmet', { helmet: false }, async () => ({ ok: true }));
  await app.ready();
  return app;
};

describe('security headers computed once', () => {
  const apps: FastifyInstance[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });

  for (const tls of [false, true]) {
    it(`match @fastify/helmet's per-request headers on pages, 404s and routes with their own policy (tls ${tls})`, async () => {
      const reference = Fastify();
      await reference.register(fastifyHelmet, helmetOptionsFor({ tls }) as FastifyHelmetOptions);
      const ours = Fastify();
      await installSecurityHeaders(ours, { tls });
      apps.push(await withRoutes(reference), await withRoutes(ours));

      for (const url of ['/page', '/missing', '/own-policy', '/no-helmet']) {
        const [expected, actual] = await Promise.all([reference.inject({ url }), ours.inject({ url })]);
        expect(actual.statusCode, url).toBe(expected.statusCode);
        expect(pick(actual.headers), url).toEqual(pick(expected.headers));
      }
      const page = await ours.inject({ url: '/page' });
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['strict-transport-security'] !== undefined).toBe(tls);
      expect((await ours.inject({ url: '/own-policy' })).headers['x-frame-options']).toBe('SAMEORIGIN');
      expect((await ours.inject({ url: '/no-helmet' })).headers['content-security-policy']).toBeUndefined();
    });
  }
});
