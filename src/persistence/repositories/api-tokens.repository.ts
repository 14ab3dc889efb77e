// Organisation API tokens. Only the sha-256 of the token is stored; the prefix is kept to tell tokens apart.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../database.js';
import { apiTokens } from '../schema/auth.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type ApiTokenListItem = Omit<ApiTokenRow, 'tokenHash'>;

export async function insertApiToken(
  db: Db,
  token: { organisationId: string; name: string; tokenPrefix: string; tokenHash: string; scopes: string[]; createdBy: string; createdAt: Date; expiresAt: Date | null },
): Promise<ApiTokenListItem> {
  const [row] = await db.insert(apiTokens).values(token).returning();
  if (!row) throw new Error('insert api_tokens returned no row');
  const { tokenHash: _hash, ...rest } = row;
  return rest;
}

export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).limit(1);
  return row;
}

export async function findApiToken(db: Db, id: string): Promise<ApiTokenListItem | undefined> {
  const rows = await listApiTokensWhere(db, eq(apiTokens.id, id));
  return rows[0];
}

const listApiTokensWhere = (db: Db, where: ReturnType<typeof eq>) =>
  db
    .select({
      id: apiTokens.id,
      organisationId: apiTokens.organisationId,
      name: apiTokens.name,
      tokenPrefix: apiTokens.tokenPrefix,
      scopes: apiTokens.scopes,
      createdBy: apiTokens.createdBy,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      revokedBy: apiTokens.revokedBy,
    })
    .from(apiTokens)
    .where(where)
    .orderBy(desc(apiTokens.createdAt));

export async function listApiTokens(db: Db, organisationIds: string[]): Promise<ApiTokenListItem[]> {
  const lists = await Promise.all(organisationIds.map((id) => listApiTokensWhere(db, eq(apiTokens.organisationId, id))));
  return lists.flat();
}

export async function revokeApiToken(db: Db, id: string, revokedBy: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at, revokedBy })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length === 1;
}

export async function touchApiToken(db: Db, id: string, at: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}
