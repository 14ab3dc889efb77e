import type { Actor } from '../access/actor.js';
import type { Db } from '../../persistence/database.js';
import type { AuditActor } from '../../persistence/audit/index.js';

export type Clock = { now(): Date };

/** What every accounts use case is given. */
export type UseCaseContext = {
  actor: Actor;
  db: Db;
  clock: Clock;
  requestId?: string;
  ip?: string;
};

/** Where mail links point (config.publicBaseUrl). */
export type LinkContext = { baseUrl: string };

export const auditActorOf = (actor: Actor): AuditActor => {
  switch (actor.kind) {
    case 'user':
      return { kind: 'user', userId: actor.userId };
    case 'api_token':
      return { kind: 'api_token', organisationId: actor.organisationId };
    case 'system':
      return { kind: 'system' };
    default:
      return { kind: 'anonymous' };
  }
};

export const auditMeta = (ctx: UseCaseContext) => ({
  actor: auditActorOf(ctx.actor),
  occurredAt: ctx.clock.now(),
  ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
  ...(ctx.ip ? { ip: ctx.ip } : {}),
});
