// TOTP secrets at rest: sealed with AES-256-GCM (DATA_ENCRYPTION_KEY), never the base32 secret in users.totp_secret;
// legacy plaintext rows still work once and are sealed on use or at start-up; a retired key is rotated out.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resealTotpSecrets } from '../../../src/domain/accounts/reseal-totp-secrets.js';
import { totpCode } from '../../../src/domain/accounts/totp.js';
import { sealTotpSecret } from '../../../src/domain/accounts/totp-secret-storage.js';
import { verifyLoginTotp } from '../../../src/domain/accounts/verify-login-totp.js';
import { DataDecryptionError, dataKeyring } from '../../../src/domain/crypto/data-encryption.js';
import { searchAuditEvents } from '../../../src/persistence/audit/index.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { findUserById } from '../../../src/persistence/repositories/users.repository.js';
import { users } from '../../../src/persistence/schema/index.js';
import { testDataKeys } from '../../helpers/data-keys.js';
import { createTestApp, fixedClock, type TestApp } from '../../helpers/test-app.js';
import { cookieHeader, cookieJar, createOrganisations, csrfFor, form, makeUser, PASSWORD, signIn, TOTP_SECRET, type Orgs } from './helpers.js';

describe('TOTP secrets are encrypted at rest', () => {
  const clock = fixedClock('2026-04-01T01:00:00Z');
  let t: TestApp;
  let orgs: Orgs;
  beforeAll(async () => {
    t = await createTestApp({ clock });
    orgs = await createOrganisations(t.database);
  });
  afterAll(async () => t?.close());

  /** The column as the database holds it, read with plain SQL. */
  const storedColumn = async (userId: string): Promise<string | null> =>
    rowsOf<{ totp_secret: string | null }>(await t.database.db.execute(sql`SELECT totp_secret FROM users WHERE id = ${userId}::uuid`))[0]!.totp_secret;
  const nextStep = () => clock.advance(31_000);
  const staff = (extra: { totpSecret?: string } = {}) => makeUser(t.database, { isStaff: true, ...extra, roles: [{ role: 'secretariat_admin', organisationId: orgs.secretariat }] });

  it('a provisioned secret is stored sealed (v1 envelope), not as base32, and signing in still works', async () => {
    const { userId, email } = await staff({ totpSecret: TOTP_SECRET });
    const stored = await storedColumn(userId);
    expect(stored).toMatch(/^v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(TOTP_SECRET);
    expect(stored).not.toContain(TOTP_SECRET.slice(0, 8));
    // Through the repository as well: the row carries only the envelope.
    expect((await findUserById(t.database.db, userId))!.totpSecret).toBe(stored);
    nextStep();
    const jar = await signIn(t.app, email, { clock, totpSecret: TOTP_SECRET });
    expect((await t.app.inject({ method: 'GET', url: '/staff', headers: { cookie: cookieHeader(jar) } })).statusCode).toBe(200);
  });

  it('enrolment through the pages stores the secret sealed; the page shows it, the column never does', async () => {
    const { userId, email } = await staff();
    const jar: Record<string, string> = {};
    const csrf = await csrfFor(t.app, jar);
    cookieJar(jar, await t.app.inject({ method: 'POST', url: '/login', ...form(jar, { _csrf: csrf, email, password: PASSWORD }) }));
    const page = await t.app.inject({ method: 'GET', url: '/account/mfa/setup', headers: { cookie: cookieHeader(jar) } });
    cookieJar(jar, page);
    const secret = /<code>([A-Z2-7 ]+)<\/code>/.exec(page.body)![1]!.replace(/ /g, '');
    const pending = await storedColumn(userId);
    expect(pending).toMatch(/^v1:/);
    expect(pending).not.toContain(secret);
    // Reloading the page shows the same secret (opened from the envelope), still sealed.
    const again = await t.app.inject({ method: 'GET', url: '/account/mfa/setup', headers: { cookie: cookieHeader(jar) } });
    expect(/<code>([A-Z2-7 ]+)<\/code>/.exec(again.body)![1]!.replace(/ /g, '')).toBe(secret);
    const csrf2 = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const done = await t.app.inject({ method: 'POST', url: '/account/mfa/setup', ...form(jar, { _csrf: csrf2, code: totpCode(secret, clock.now()), next: '/staff' }) });
    expect(done.statusCode).toBe(303);
    const enabled = await storedColumn(userId);
    expect(enabled).toBe(pending);
    expect(enabled).not.toContain(secret);
  });

  it('a legacy plaintext row signs in once and is sealed by that successful use; a wrong code leaves it as it was', async () => {
    const { userId, email } = await staff({ totpSecret: TOTP_SECRET });
    await t.database.db.update(users).set({ totpSecret: TOTP_SECRET }).where(eq(users.id, userId));
    expect(await storedColumn(userId)).toBe(TOTP_SECRET);
    nextStep();
    const jar: Record<string, string> = {};
    const csrf = await csrfFor(t.app, jar);
    cookieJar(jar, await t.app.inject({ method: 'POST', url: '/login', ...form(jar, { _csrf: csrf, email, password: PASSWORD }) }));
    const csrf2 = await csrfFor(t.app, jar, '/login/totp');
    expect((await t.app.inject({ method: 'POST', url: '/login/totp', ...form(jar, { _csrf: csrf2, code: '000000' }) })).statusCode).toBe(400);
    expect(await storedColumn(userId)).toBe(TOTP_SECRET);
    const ok = await t.app.inject({ method: 'POST', url: '/login/totp', ...form(jar, { _csrf: csrf2, code: totpCode(TOTP_SECRET, clock.now()), next: '/staff' }) });
    expect(ok.statusCode).toBe(303);
    const sealed = await storedColumn(userId);
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain(TOTP_SECRET);
    nextStep();
    await signIn(t.app, email, { clock, totpSecret: TOTP_SECRET }); // and it still works sealed
  });

  it('the start-up sweep seals plaintext rows and rotates rows of a retired key, and reports rows no key opens', async () => {
    const oldKeys = dataKeyring('the-retired-data-encryption-key-of-this-test');
    const plain = await staff({ totpSecret: TOTP_SECRET });
    const retired = await staff({ totpSecret: TOTP_SECRET });
    const lost = await staff({ totpSecret: TOTP_SECRET });
    const current = await staff({ totpSecret: TOTP_SECRET });
    const untouched = await storedColumn(current.userId);
    await t.database.db.update(users).set({ totpSecret: TOTP_SECRET }).where(eq(users.id, plain.userId));
    await t.database.db.update(users).set({ totpSecret: sealTotpSecret(oldKeys, retired.userId, TOTP_SECRET) }).where(eq(users.id, retired.userId));
    await t.database.db.update(users).set({ totpSecret: sealTotpSecret(dataKeyring('a-key-nobody-configured-any-more-000000'), lost.userId, TOTP_SECRET) }).where(eq(users.id, lost.userId));

    const { key } = t.config.dataEncryption;
    const report = await resealTotpSecrets(t.database.db, dataKeyring(key, ['the-retired-data-encryption-key-of-this-test']), clock);
    expect(report.resealed).toBeGreaterThanOrEqual(2);
    expect(report.plaintext).toBeGreaterThanOrEqual(1);
    expect(report.unreadable).toContain(lost.userId);
    const keys = testDataKeys();
    for (const id of [plain.userId, retired.userId]) {
      const stored = (await storedColumn(id))!;
      expect(stored.startsWith(`v1:${keys.current.kid}:`)).toBe(true);
      expect(stored).not.toContain(TOTP_SECRET);
    }
    expect(await storedColumn(current.userId)).toBe(untouched);
    const { events } = await searchAuditEvents(t.database.db, { action: 'user.totp_secrets_resealed' });
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toMatchObject({ after: { resealed: report.resealed, plaintext: report.plaintext, keyId: keys.current.kid } });

    // Nothing left to do: a second run changes nothing and writes no event.
    const second = await resealTotpSecrets(t.database.db, testDataKeys(), clock);
    expect(second.resealed).toBe(0);
    expect(second.unreadable).toEqual([lost.userId]);
    expect((await searchAuditEvents(t.database.db, { action: 'user.totp_secrets_resealed' })).events).toHaveLength(1);
    nextStep();
    await signIn(t.app, retired.email, { clock, totpSecret: TOTP_SECRET });
  });

  it('an unconfirmed enrolment no key opens any more is replaced by a fresh secret on the set-up page', async () => {
    const { userId, email } = await staff();
    const orphan = sealTotpSecret(dataKeyring('a-key-nobody-configured-any-more-000000'), userId, TOTP_SECRET);
    await t.database.db.update(users).set({ totpSecret: orphan, totpEnabledAt: null }).where(eq(users.id, userId));
    const jar: Record<string, string> = {};
    const csrf = await csrfFor(t.app, jar);
    cookieJar(jar, await t.app.inject({ method: 'POST', url: '/login', ...form(jar, { _csrf: csrf, email, password: PASSWORD }) }));
    const page = await t.app.inject({ method: 'GET', url: '/account/mfa/setup', headers: { cookie: cookieHeader(jar) } });
    expect(page.statusCode).toBe(200);
    const secret = /<code>([A-Z2-7 ]+)<\/code>/.exec(page.body)![1]!.replace(/ /g, '');
    expect(secret).not.toBe(TOTP_SECRET);
    const stored = (await storedColumn(userId))!;
    expect(stored).not.toBe(orphan);
    expect(stored.startsWith(`v1:${testDataKeys().current.kid}:`)).toBe(true);
  });

  it('with the wrong key the code is not checked against garbage: it fails loudly and does not count against the user', async () => {
    const { userId } = await staff({ totpSecret: TOTP_SECRET });
    const user = (await findUserById(t.database.db, userId))!;
    const ctx = {
      actor: { kind: 'user' as const, userId, email: user.email, displayName: user.displayName, roles: [], isInformationHandler: false, mfaVerified: false, actingFor: [] },
      db: t.database.db,
      clock,
      dataKeys: dataKeyring('a-different-data-encryption-key-0000000000'),
      login: t.config.login,
      sessionIdHash: 'none',
    };
    nextStep();
    await expect(verifyLoginTotp(ctx, { code: totpCode(TOTP_SECRET, clock.now()) })).rejects.toBeInstanceOf(DataDecryptionError);
    expect((await findUserById(t.database.db, userId))!.failedLoginCount).toBe(0);
  });
});
