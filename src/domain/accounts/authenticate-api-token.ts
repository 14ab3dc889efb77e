import type { Actor } from '../access/actor.js';
import type { Db } from '../../persistence/database.js';
import { findApiTokenByHash, touchApiToken } from '../../persistence/repositories/api-tokens.repository.js';
import { companiesDelegatedTo } from '../../persistence/repositories/delegations.repository.js';
import { organisationsByIds } from '../../persistence/repositories/roles.repository.js';
import { parseApiToken } from './api-token-format.js';
import type { Clock } from './context.js';
import { constantTimeEqual } from './secrets.js';
import { TOUCH_INTERVAL_MS } from './sessions.js';

/** The actor for `Authorization: Bearer <token>`, or undefined when the token is unknown, revoked or expired. */
export const authenticateApiToken = async (db: Db, clock: Clock, bearer: string): Promise<Extract<Actor, { kind: 'api_token' }> | undefined> => {
  const parsed = parseApiToken(bearer);
  if (!parsed) return undefined;
  const row = await findApiTokenByHash(db, parsed.hash);
  // The lookup is by hash; compare again in constant time so no code path depends on a partial match.
  if (!row || !constantTimeEqual(row.tokenHash, parsed.hash)) return undefined;
  const now = clock.now();
  if (row.revokedAt || (row.expiresAt && now >= row.expiresAt)) return undefined;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) await touchApiToken(db, row.id, now);
  const [org] = await organisationsByIds(db, [row.organisationId]);
  const actingFor = org?.kind === 'support_organisation' ? await companiesDelegatedTo(db, [row.organisationId]) : [];
  return { kind: 'api_token', tokenId: row.id, organisationId: row.organisationId, scopes: [...row.scopes], actingFor };
};
