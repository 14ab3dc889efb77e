import type { FastifyRequest } from 'fastify';
import type { Config } from '../../../config/env.js';
import { ANONYMOUS } from '../../../domain/access/actor.js';
import { authenticateApiToken } from '../../../domain/accounts/authenticate-api-token.js';
import type { Clock } from '../../../domain/accounts/context.js';
import { resolveSession, type SessionPolicy } from '../../../domain/accounts/sessions.js';
import type { Database } from '../../../persistence/database.js';
import type { IdentityResolver } from '../../services.js';
import { clearSessionCookie, SESSION_COOKIE } from '../../session-cookie.js';

// Resolves who a request is from: an API bearer token, or the session cookie (../../session-cookie.ts) looked up in
// the sessions table.

export const sessionPolicyOf = (config: Config): SessionPolicy => ({ idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours });

/** Requests that arrived with a timed-out session: read by the draft-recovery hook (./recover-draft.hook.ts). */
export const expiredSessionOf = new WeakMap<FastifyRequest, { userId: string; idHash: string }>();

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export const createIdentityResolver = (config: Config, database: Database, clock: Clock): IdentityResolver => {
  const policy = sessionPolicyOf(config);
  return async (request, reply) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = BEARER.exec(authorization);
      const actor = match ? await authenticateApiToken(database.db, clock, match[1]!) : undefined;
      return { actor: actor ?? ANONYMOUS };
    }
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return { actor: ANONYMOUS };
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) {
      clearSessionCookie(reply, config);
      return { actor: ANONYMOUS };
    }
    const resolved = await resolveSession(database.db, clock, policy, unsigned.value);
    if (resolved.status === 'active') {
      return { actor: resolved.actor, session: { idHash: resolved.session.idHash, userId: resolved.user.id }, locale: resolved.user.locale };
    }
    if (resolved.status === 'expired') expiredSessionOf.set(request, { userId: resolved.userId, idHash: resolved.idHash });
    else clearSessionCookie(reply, config);
    return { actor: ANONYMOUS };
  };
};
