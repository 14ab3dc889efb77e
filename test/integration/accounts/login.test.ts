import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock, type TestApp } from '../../helpers/test-app.js';
import { searchAuditEvents } from '../../../src/persistence/audit/index.js';
import { cookieHeader, cookieJar, createOrganisations, csrfFor, form, makeUser, PASSWORD, signIn, TOTP_SECRET, type Orgs } from './helpers.js';
import { totpCode } from '../../../src/domain/accounts/totp.js';

describe('sign in, sessions and lockout', () => {
  const clock = fixedClock('2026-04-01T01:00:00Z');
  let t: TestApp;
  let orgs: Orgs;
  beforeAll(async () => {
    t = await createTestApp({ clock, config: { sessionIdleMinutes: 120, login: { maxFailures: 3, lockMinutes: 15 } } });
    orgs = await createOrganisations(t.database);
  });
  afterAll(async () => t?.close());

  it('signs a company user in with a fresh, hardened session cookie and reaches the dashboard', async () => {
    const { email } = await makeUser(t.database, { isStaff: false, roles: [{ role: 'company_admin', organisationId: orgs.company }] });
    const jar: Record<string, string> = { sid: 'attacker-chosen-value' };
    const csrf = await csrfFor(t.app, jar);
    const res = await t.app.inject({ method: 'POST', url: '/login', ...form(jar, { _csrf: csrf, email, password: PASSWORD, next: '/dashboard' }) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/dashboard');
    const setCookie = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('sid='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    cookieJar(jar, res);
    expect(jar.sid).not.toBe('attacker-chosen-value');
    const dash = await t.app.inject({ method: 'GET', url: '/dashboard', headers: { cookie: cookieHeader(jar) } });
    expect(dash.statusCode).toBe(200);
    expect(dash.body).toContain('株式会社テスト製作所');
    expect(dash.headers['cache-control']).toBe('no-store');
  });

  it('gives the same answer for an unknown email and a wrong password, and audits failures', async () => {
    const { email, userId } = await makeUser(t.database, { isStaff: false, roles: [] });
    const jar: Record<string, string> = {};
    const csrf = await csrfFor(t.app, jar);
    const wrong = await t.app.inject({ method: 'POST', url: '/login', ...form(jar, { _csrf: csrf, email, password: 'not the password at all' }) });
    const unknown = await t.app.inject({ method: 'POST', url: '/login', ...form(jar, { _csrf: csrf, email: 'nobody@example.jp', password: 'not the password at all' }) });
    expect(wrong.statusCode).toBe(400);
    expect(unknown.statusCode).toBe(400);
    const message = (body: string) => /<a href="#email">([^<]+)<\/a>/.exec(body)?.[1];
    expect(message(wrong.body)).toBeDefined();
    expect(message(wrong.body)).toBe(message(unknown.body));
    const events = await searchAuditEvents(t.database.db, { action: 'user.login_failed', targetId: userId });
    expect(events.events).toHaveLength(1);
  });

  it('locks an account after the configured failures (even with the right password) and unknown emails lock the same way', async () => {
    const { email, userId } = await makeUser(t.database, { isStaff: false, roles: [] });
    const jar: Record<string, string> = {};
    const csrf = await csrfFor(t.app, jar);
    const attempt = (e: string, password: string) => t.app.inject({ method: 'POST', url: '/login', ...form(jar, { _csrf: csrf, email: e, password }) });
    for (let i = 0; i < 2; i += 1) expect((await attempt(email, 'wrong password number')).statusCode).toBe(400);
    const third = await attempt(email, 'wrong password number');
    expect(third.statusCode).toBe(429);
    expect((await attempt(email, PASSWORD)).statusCode).toBe(429);
    expect((await searchAuditEvents(t.database.db, { action: 'user.locked', targetId: userId })).events).toHaveLength(1);
    const unknownCodes = [];
    for (let i = 0; i < 3; i += 1) unknownCodes.push((await attempt('ghost@example.jp', 'wrong password number')).statusCode);
    expect(unknownCodes).toEqual([400, 400, 429]);
    clock.advance(16 * 60_000);
    expect((await attempt(email, PASSWORD)).statusCode).toBe(303);
  });

  it('times a session out after the idle period, slides it with activity, and revokes it at logout', async () => {
    const { email } = await makeUser(t.database, { isStaff: false, roles: [] });
    const jar = await signIn(t.app, email, { clock });
    const get = () => t.app.inject({ method: 'GET', url: '/dashboard', headers: { cookie: cookieHeader(jar) } });
    clock.advance(100 * 60_000);
    expect((await get()).statusCode).toBe(200); // slides: idle expiry now +120 min from here
    clock.advance(100 * 60_000);
    expect((await get()).statusCode).toBe(200);
    clock.advance(121 * 60_000);
    const expired = await get();
    expect(expired.statusCode).toBe(302);
    expect(expired.headers.location).toBe('/login?next=%2Fdashboard');

    const jar2 = await signIn(t.app, email, { clock });
    const csrf = await csrfFor(t.app, jar2, '/dashboard');
    const out = await t.app.inject({ method: 'POST', url: '/logout', ...form(jar2, { _csrf: csrf }) });
    expect(out.statusCode).toBe(303);
    const stale = { ...jar2 };
    expect((await t.app.inject({ method: 'GET', url: '/dashboard', headers: { cookie: cookieHeader(stale) } })).statusCode).toBe(302);
  });

  it('enforces the absolute timeout even with activity', async () => {
    const { email } = await makeUser(t.database, { isStaff: false, roles: [] });
    const jar = await signIn(t.app, email, { clock });
    for (let i = 0; i < 11; i += 1) {
      clock.advance(60 * 60_000);
      expect((await t.app.inject({ method: 'GET', url: '/dashboard', headers: { cookie: cookieHeader(jar) } })).statusCode).toBe(200);
    }
    clock.advance(61 * 60_000);
    expect((await t.app.inject({ method: 'GET', url: '/dashboard', headers: { cookie: cookieHeader(jar) } })).statusCode).toBe(302);
  });

  it('requires TOTP for staff; without it staff pages are refused; codes cannot be replayed', async () => {
    const { email } = await makeUser(t.database, { isStaff: true, totpSecret: TOTP_SECRET, roles: [{ role: 'secretariat_admin', organisationId: orgs.secretariat }] });
    const jar: Record<string, string> = {};
    const csrf = await csrfFor(t.app, jar);
    const login = await t.app.inject({ method: 'POST', url: '/login', ...form(jar, { _csrf: csrf, email, password: PASSWORD, next: '/staff' }) });
    expect(login.headers.location).toBe('/login/totp?next=%2Fstaff');
    cookieJar(jar, login);
    expect((await t.app.inject({ method: 'GET', url: '/staff', headers: { cookie: cookieHeader(jar) } })).statusCode).toBe(403);
    const csrf2 = await csrfFor(t.app, jar, '/login/totp');
    const bad = await t.app.inject({ method: 'POST', url: '/login/totp', ...form(jar, { _csrf: csrf2, code: '000000', next: '/staff' }) });
    expect(bad.statusCode).toBe(400);
    const code = totpCode(TOTP_SECRET, clock.now());
    const ok = await t.app.inject({ method: 'POST', url: '/login/totp', ...form(jar, { _csrf: csrf2, code, next: '/staff' }) });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/staff');
    expect((await t.app.inject({ method: 'GET', url: '/staff', headers: { cookie: cookieHeader(jar) } })).statusCode).toBe(200);

    // Same code in a second sign-in within the same step: refused.
    const jar2: Record<string, string> = {};
    const csrf3 = await csrfFor(t.app, jar2);
    cookieJar(jar2, await t.app.inject({ method: 'POST', url: '/login', ...form(jar2, { _csrf: csrf3, email, password: PASSWORD }) }));
    const csrf4 = await csrfFor(t.app, jar2, '/login/totp');
    const replay = await t.app.inject({ method: 'POST', url: '/login/totp', ...form(jar2, { _csrf: csrf4, code }) });
    expect(replay.statusCode).toBe(400);
  });

  it('makes staff without TOTP enrol first, showing a QR code image with alt text', async () => {
    const { email } = await makeUser(t.database, { isStaff: true, roles: [{ role: 'desk_operator', organisationId: orgs.secretariat }] });
    const jar: Record<string, string> = {};
    const csrf = await csrfFor(t.app, jar);
    const login = await t.app.inject({ method: 'POST', url: '/login', ...form(jar, { _csrf: csrf, email, password: PASSWORD }) });
    expect(login.headers.location).toMatch(/^\/account\/mfa\/setup/);
    cookieJar(jar, login);
    const page = await t.app.inject({ method: 'GET', url: '/account/mfa/setup', headers: { cookie: cookieHeader(jar) } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="[^"]+"/);
    const secret = /<code>([A-Z2-7 ]+)<\/code>/.exec(page.body)![1]!.replace(/ /g, '');
    const csrf2 = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    cookieJar(jar, page);
    const done = await t.app.inject({ method: 'POST', url: '/account/mfa/setup', ...form(jar, { _csrf: csrf2, code: totpCode(secret, clock.now()), next: '/staff' }) });
    expect(done.statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: '/staff', headers: { cookie: cookieHeader(jar) } })).statusCode).toBe(200);
  });
});
