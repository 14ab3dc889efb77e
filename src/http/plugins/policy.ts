import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS } from '../../domain/access/actor.js';
import { can, type PolicyName } from '../../domain/access/policies.js';

export type RouteRecord = { method: string; url: string; policy: PolicyName | undefined };

// Routes served by plugins (static assets) are public by construction.
const isAssetRoute = (url: string): boolean => url.startsWith('/assets/');

/**
 * Every route names a policy. Routes without one stop the app from starting; the access-matrix test reads the
 * inventory to check allow and deny for each role on each route.
 */
export const installPolicyEnforcement = (app: FastifyInstance): RouteRecord[] => {
  const inventory: RouteRecord[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      inventory.push({ method, url: route.url, policy: isAssetRoute(route.url) ? 'public' : route.config?.policy });
    }
  });
  app.addHook('onReady', async () => {
    const missing = inventory.filter((r) => r.policy === undefined);
    if (missing.length) throw new Error(`Routes without a policy: ${missing.map((r) => `${r.method} ${r.url}`).join(', ')}`);
  });
  const enforce = async (request: FastifyRequest, reply: FastifyReply) => {
    const policy = request.routeOptions.config.policy;
    if (policy === undefined) {
      if (isAssetRoute(request.url) || request.is404) return;
      throw Object.assign(new Error('Route has no policy'), { statusCode: 403 });
    }
    if (can(request.actor ?? ANONYMOUS, policy)) return;
    const anonymous = (request.actor ?? ANONYMOUS).kind === 'anonymous';
    if (anonymous && !request.url.startsWith('/api/') && request.method === 'GET') {
      return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`);
    }
    throw Object.assign(new Error(anonymous ? 'Authentication required' : 'Forbidden'), { statusCode: anonymous ? 401 : 403, policy });
  };
  // The JSON API is authorised before its body is validated (a caller who may not use a route learns nothing about
  // its schema). Pages are authorised in preHandler, after the accounts module's draft-recovery hook (preValidation)
  // has had the chance to save a form posted with a timed-out session.
  app.addHook('preValidation', async (request, reply) => (request.url.startsWith('/api/') ? enforce(request, reply) : undefined));
  app.addHook('preHandler', async (request, reply) => (request.url.startsWith('/api/') ? undefined : enforce(request, reply)));
  return inventory;
};
