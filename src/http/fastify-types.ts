import type { TFunction } from 'i18next';
import type { Actor } from '../domain/access/actor.js';
import type { PolicyName } from '../domain/access/policies.js';
import type { Language } from '../locales/index.js';

export type SessionInfo = { idHash: string; userId: string; csrfSeed?: string };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    lang: Language;
    t: TFunction;
    session: SessionInfo | undefined;
  }
  interface FastifyReply {
    /** Renders a Nunjucks template inside the layout with the request's language, actor and CSRF token. */
    view(template: string, data?: Record<string, unknown>): Promise<FastifyReply>;
  }
  interface FastifyContextConfig {
    /** The named policy this route requires. Every route has one; the app refuses to start otherwise. */
    policy?: PolicyName;
    /** Routes that must not be CSRF-checked (none of the form routes; only machine endpoints). */
    skipCsrf?: boolean;
  }
}

export {};
