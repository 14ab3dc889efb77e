import { createHash, randomBytes } from 'node:crypto';
import type { UseCaseContext } from '../../accounts/context.js';
import { japanDateOf, type LegalDate } from '../../../../rules/core/index.js';

/** What exam use cases are given: the usual context, where mail links point, and the signing-key secret. */
export type ExamContext = UseCaseContext & { baseUrl?: string; signingSecret?: string };

export const todayOf = (ctx: Pick<UseCaseContext, 'clock'>): LegalDate => japanDateOf(ctx.clock.now());

/** A random bearer token (256 bits) and the sha-256 we keep of it. */
export const newSecretToken = (): { token: string; hash: string } => {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
};
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
export const isTokenShaped = (token: unknown): token is string => typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);

export const userIdOf = (ctx: UseCaseContext): string => {
  if (ctx.actor.kind !== 'user') throw new Error('A signed-in user is required');
  return ctx.actor.userId;
};

export const signingDeps = (ctx: ExamContext) => {
  if (!ctx.signingSecret) throw new Error('signingSecret missing from the exam context');
  return { db: ctx.db, secret: ctx.signingSecret, clock: ctx.clock };
};
