import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../domain/access/actor.js';
import type { DataKeyring } from '../domain/crypto/data-encryption.js';
import type { Mailer } from '../domain/mail/mailer.js';
import type { SessionInfo } from './fastify-types.js';

/** Resolves who is making a request (session cookie or API token). The accounts module provides the real one. */
export type IdentityResolver = (request: FastifyRequest, reply: FastifyReply) => Promise<{ actor: Actor; session?: SessionInfo; locale?: 'ja' | 'en' }>;

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

export type AppServices = {
  clock: Clock;
  identity: IdentityResolver;
  /** Delivers queued mail (outbox_emails) over SMTP when configured; otherwise mail stays in the outbox only. */
  mailer: Mailer;
  /** Keys that seal secrets stored in the database (config DATA_ENCRYPTION_KEY and its retired predecessors). */
  dataKeys: DataKeyring;
};
