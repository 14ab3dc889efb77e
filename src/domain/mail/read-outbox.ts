import type { Actor } from '../access/actor.js';
import { authorize } from '../access/policies.js';
import { NotFound } from '../errors.js';
import type { Db } from '../../persistence/database.js';
import { findOutboxEmail, listOutboxEmails, type OutboxEmailRow } from '../../persistence/repositories/outbox.repository.js';

const PAGE = 50;

/** Staff with `outbox.read` list what the system has mailed, newest first (optionally to one address). */
export const readOutbox = async (ctx: { actor: Actor; db: Db }, filter: { to?: string; page?: number }): Promise<OutboxEmailRow[]> => {
  authorize(ctx.actor, 'outbox.read');
  return listOutboxEmails(ctx.db, { ...(filter.to ? { to: filter.to } : {}), limit: PAGE, offset: ((filter.page ?? 1) - 1) * PAGE });
};

export const readOutboxEmail = async (ctx: { actor: Actor; db: Db }, id: string): Promise<OutboxEmailRow> => {
  authorize(ctx.actor, 'outbox.read');
  const mail = /^[0-9a-f-]{36}$/i.test(id) ? await findOutboxEmail(ctx.db, id) : undefined;
  if (!mail) throw new NotFound('mail');
  return mail;
};
