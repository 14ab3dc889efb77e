// The constraints in 0001_platform.sql hold on both backends, and roster search works with pg_trgm.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Database } from '../../../src/persistence/database.js';
import { sqlStateOf } from '../../../src/persistence/errors.js';
import { establishments, organisations, rosterEntries, userRoles, users } from '../../../src/persistence/schema/index.js';
import { createTestDatabase } from '../../helpers/test-database.js';

let database: Database;
let orgId: string;
let establishmentId: string;
let userId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const [org] = await database.db
    .insert(organisations)
    .values({ kind: 'accepting_company', name: '山田製作所株式会社', nameKana: 'ヤマダセイサクショ', corporateNumber: '1234567890123' })
    .returning();
  orgId = org?.id ?? '';
  const [est] = await database.db.insert(establishments).values({ organisationId: orgId, name: '本社工場', jsicCodes: ['2194'] }).returning();
  establishmentId = est?.id ?? '';
  const [user] = await database.db.insert(users).values({ email: 'Taro@Example.jp', displayName: '山田太郎' }).returning();
  userId = user?.id ?? '';
});
afterAll(() => database?.close());

const violation = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => sqlStateOf(error));

describe('schema constraints', () => {
  it('fills ids and instants, and keeps updated_at current', async () => {
    const [org] = await database.db.select().from(organisations).limit(1);
    expect(org?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(org?.createdAt).toBeInstanceOf(Date);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const [updated] = await database.db.update(organisations).set({ phone: '03-0000-0000' }).where(sql`id = ${orgId}`).returning();
    expect(updated?.updatedAt.getTime()).toBeGreaterThan(org?.createdAt.getTime() ?? Infinity);
  });

  it('rejects unknown enum values and malformed corporate numbers', async () => {
    expect(await violation(database.db.insert(organisations).values({ kind: 'bank' as 'ministry', name: 'x' }))).toBe('23514');
    expect(await violation(database.db.insert(organisations).values({ kind: 'ministry', name: 'x', corporateNumber: '123' }))).toBe('23514');
  });

  it('keeps corporate numbers and e-mail addresses (case-insensitively) unique', async () => {
    expect(await violation(database.db.insert(organisations).values({ kind: 'ministry', name: 'y', corporateNumber: '1234567890123' }))).toBe('23505');
    expect(await violation(database.db.insert(users).values({ email: 'taro@example.JP', displayName: 'dup' }))).toBe('23505');
  });

  it('allows one active grant of a role, and a new one after revocation', async () => {
    const grant = { userId, organisationId: orgId, role: 'company_admin' as const };
    const [first] = await database.db.insert(userRoles).values(grant).returning();
    expect(await violation(database.db.insert(userRoles).values(grant))).toBe('23505');
    await database.db.update(userRoles).set({ revokedAt: new Date(Date.now() + 1000) }).where(sql`id = ${first?.id}`);
    expect(await violation(database.db.insert(userRoles).values(grant))).toBeUndefined();
  });

  it('stores roster periods half-open and finds names by trigram similarity', async () => {
    const entry = {
      establishmentId,
      organisationId: orgId,
      roster: 'council' as const,
      establishmentName: '本社工場',
      organisationName: '山田製作所株式会社',
      searchText: '山田製作所株式会社 本社工場 やまだせいさくしょ',
    };
    expect(await violation(database.db.insert(rosterEntries).values({ ...entry, listedFrom: '2025-04-01', listedUntil: '2025-04-01' }))).toBe('23514');
    await database.db.insert(rosterEntries).values({ ...entry, listedFrom: '2025-04-01', listedUntil: '2025-10-01' });
    await database.db.insert(rosterEntries).values({ ...entry, listedFrom: '2025-10-01', previousName: '旧山田製作所' });
    // Only one open-ended listing per establishment and roster.
    expect(await violation(database.db.insert(rosterEntries).values({ ...entry, listedFrom: '2026-01-01' }))).toBe('23505');

    const onDate = (date: string) =>
      database.db.execute(sql`SELECT listed_from::text AS listed_from FROM roster_entries
        WHERE listed_from <= ${date}::date AND (listed_until IS NULL OR ${date}::date < listed_until)`);
    expect(rowsOf<{ listed_from: string }>(await onDate('2025-09-30'))).toEqual([{ listed_from: '2025-04-01' }]);
    expect(rowsOf<{ listed_from: string }>(await onDate('2025-10-01'))).toEqual([{ listed_from: '2025-10-01' }]);

    const found = rowsOf<{ n: number }>(
      await database.db.execute(sql`SELECT count(*)::int AS n FROM roster_entries WHERE search_text % ${'山田製作所'} OR search_text ILIKE ${'%せいさく%'}`),
    );
    expect(found[0]?.n).toBe(2);
    const [row] = await database.db.select().from(rosterEntries).where(sql`listed_until IS NULL`);
    expect(row).toMatchObject({ listedFrom: '2025-10-01', listedUntil: null, jsicCodes: [] });
  });
});
