import { authorize } from '../access/policies.js';
import { NotFound } from '../errors.js';
import { writeAuditEvent } from '../../persistence/audit/index.js';
import { findApiToken, revokeApiToken as revokeRow } from '../../persistence/repositories/api-tokens.repository.js';
import { auditMeta, type UseCaseContext } from './context.js';

/** Revokes an API token of one of the actor's organisations; it stops working at once. */
export const revokeApiToken = async (ctx: UseCaseContext, input: { id: string }): Promise<void> => {
  const token = /^[0-9a-f-]{36}$/i.test(input.id) ? await findApiToken(ctx.db, input.id) : undefined;
  authorize(ctx.actor, 'api_tokens.manage', token ? { organisationId: token.organisationId } : {});
  if (!token || token.revokedAt || ctx.actor.kind !== 'user') throw new NotFound('api token');
  const by = ctx.actor.userId;
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeRow(tx, token.id, by, ctx.clock.now()))) throw new NotFound('api token');
    await writeAuditEvent(tx, { ...auditMeta(ctx), action: 'api_token.revoked', target: { type: 'api_token', id: token.id }, summary: { before: { prefix: token.tokenPrefix }, after: { revoked: true } } });
  });
};
