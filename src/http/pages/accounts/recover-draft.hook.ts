import type { FastifyInstance } from 'fastify';
import { ANONYMOUS } from '../../../domain/access/actor.js';
import { can } from '../../../domain/access/policies.js';
import { recoverableFields, saveRecoveredDraft } from '../../../domain/accounts/recovered-drafts.js';
import type { AppDeps } from '../../app.js';
import { expiredSessionOf } from './session-cookie.js';

/**
 * Never lose a draft on timeout: a form posted (to a page that needs sign-in) with a session that has timed out is
 * saved for that session's user as a `recovered` draft keyed by the path, and the user is sent to sign in with
 * `?next=<path>&recovered=1`. The page then reloads it with `loadRecoveredDraft`. Runs after the body is parsed
 * (preValidation) and before the policy check (preHandler) would answer 401.
 */
export const installDraftRecovery = (app: FastifyInstance, deps: AppDeps): void => {
  app.addHook('preValidation', async (request, reply) => {
    if (request.method !== 'POST' || request.url.startsWith('/api/')) return;
    const expired = expiredSessionOf.get(request);
    if (!expired) return;
    const policy = request.routeOptions.config.policy;
    if (policy === undefined || can(ANONYMOUS, policy)) return;
    const path = request.url.split('?')[0]!;
    const fields = recoverableFields(request.body);
    // The sid cookie is SameSite=Lax, so a cross-site form never reaches this point with it: only our own pages can
    // write a draft here. The CSRF check still applies to the real submission after sign-in.
    if (fields) {
      await saveRecoveredDraft(deps.database.db, expired.userId, path, fields);
      request.log.info({ path }, 'form saved from an expired session');
    }
    return reply.redirect(`/login?next=${encodeURIComponent(path)}${fields ? '&recovered=1' : ''}&expired=1`, 303);
  });
};
