import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../../config/env.js';

/** Our one policy: no inline script or style anywhere (every page), HSTS only when served over TLS. */
/** Typed as the plugin's options; helmet's own (ESM) typings describe the same object under a second declaration. */
type SecurityHeaderOptions = FastifyHelmetOptions;

export const helmetOptionsFor = (config: Pick<Config, 'tls'>): SecurityHeaderOptions => ({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      ...(config.tls ? { upgradeInsecureRequests: [] } : {}),
    },
  },
  hsts: config.tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
});

/**
 * The headers helmet sets for these options, worked out once. Our policy has no per-request parts (no nonces, no
 * functions), so every response gets the same headers; helmet runs here over a stand-in response that records them.
 */
export const helmetHeadersFor = (options: SecurityHeaderOptions): Record<string, string> => {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
  };
  let failure: unknown;
  helmet(options as HelmetOptions)({} as never, response as never, (error?: unknown) => (failure = error));
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return Object.fromEntries(headers);
};

/**
 * Security headers on every response. @fastify/helmet builds helmet's whole middleware chain again on every request
 * (parsing the CSP each time), which was the largest cost of a roster lookup after the query itself; so the plugin
 * is registered with `global: false` (reply.helmet() and a route's own `helmet` option still work) and the global
 * headers, computed once by helmet itself, are set by one cheap hook. Same headers, checked in http-basics.test.ts.
 */
export const installSecurityHeaders = async (app: FastifyInstance, config: Pick<Config, 'tls'>): Promise<void> => {
  const options = helmetOptionsFor(config);
  await app.register(fastifyHelmet, { ...options, global: false } as FastifyHelmetOptions);
  const headers = helmetHeadersFor(options);
  app.addHook('onRequest', (request, reply, done) => {
    if ((request.routeOptions.config as { helmet?: unknown }).helmet === undefined) reply.headers(headers);
    done();
  });
};
