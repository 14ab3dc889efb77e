import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock, type TestApp } from '../../helpers/test-app.js';
import { searchAuditEvents } from '../../../src/persistence/audit/index.js';
import { listOutboxEmails } from '../../../src/persistence/repositories/outbox.repository.js';
import { loadRecoveredDraft } from '../../../src/domain/accounts/recovered-drafts.js';
import { cookieHeader, cookieJar, createOrganisations, csrfFor, form, makeUser, PASSWORD, signIn, TOTP_SECRET, type Orgs } from './helpers.js';

const linkIn = (text: string, path: string): string => {
  const match = new RegExp(`https?://[^\\s]+${path.replace('/', '\\/')}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in mail`);
  return `${path}?token=${match[1]}`;
};

describe('accounts journeys', () => {
  const clock = fixedClock('2026-04-01T01:00:00Z');
  let t: TestApp;
  let orgs: Orgs;
  beforeAll(async () => {
    t = await createTestApp({ clock });
    orgs = await createOrganisations(t.database);
  });
  afterAll(async () => t?.close());

  it('signs up, mails a verification link in the user’s language, verifies, then signs in', async () => {
    const jar: Record<string, string> = {};
    const csrf = await csrfFor(t.app, jar, '/signup?lang=en');
    const weak = await t.app.inject({ method: 'POST', url: '/signup', ...form(jar, { _csrf: csrf, email: 'hanako@example.jp', displayName: 'Hanako', password: 'short' }) });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('href="#password"');
    const ok = await t.app.inject({ method: 'POST', url: '/signup', ...form(jar, { _csrf: csrf, email: 'hanako@example.jp', displayName: 'Hanako', password: 'lantern river maple quiet' }) });
    expect(ok.statusCode).toBe(200);
    const [mail] = await listOutboxEmails(t.database.db, { to: 'hanako@example.jp' });
    expect(mail!.subject).toBe('[Jinzai] Confirm your email address');
    // Not verified yet: sign-in refused with a clear message (and a new link).
    const early = await t.app.inject({ method: 'POST', url: '/login', ...form(jar, { _csrf: csrf, email: 'hanako@example.jp', password: 'lantern river maple quiet' }) });
    expect(early.statusCode).toBe(400);
    const verify = await t.app.inject({ method: 'GET', url: linkIn(mail!.textBody, '/verify-email') });
    expect(verify.statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: linkIn(mail!.textBody, '/verify-email') })).statusCode).toBe(410);
    const jar2 = await signIn(t.app, 'hanako@example.jp', { password: 'lantern river maple quiet' });
    expect(jar2.sid).toBeDefined();
    clock.advance(1000);
    // Signing up again with the same address reveals nothing on screen; the owner gets a mail instead.
    const again = await t.app.inject({ method: 'POST', url: '/signup', ...form(jar, { _csrf: csrf, email: 'HANAKO@example.jp', displayName: 'X', password: 'another long passphrase' }) });
    expect(again.statusCode).toBe(200);
    expect((await listOutboxEmails(t.database.db, { to: 'hanako@example.jp' }))[0]!.subject).toBe('[Jinzai] You already have an account');
  });

  it('resets a password through a one-hour link and signs out every other session', async () => {
    const { email } = await makeUser(t.database, { isStaff: false, roles: [] });
    const other = await signIn(t.app, email, { clock });
    const jar: Record<string, string> = {};
    const csrf = await csrfFor(t.app, jar, '/password/forgot');
    const unknown = await t.app.inject({ method: 'POST', url: '/password/forgot', ...form(jar, { _csrf: csrf, email: 'nobody@example.jp' }) });
    const known = await t.app.inject({ method: 'POST', url: '/password/forgot', ...form(jar, { _csrf: csrf, email }) });
    expect(unknown.body.replace(/name="_csrf" value="[^"]+"/g, '')).toBe(known.body.replace(/name="_csrf" value="[^"]+"/g, ''));
    const [mail] = await listOutboxEmails(t.database.db, { to: email });
    expect(mail!.subject).toBe('【Jinzai】パスワードの再設定');
    const link = linkIn(mail!.textBody, '/password/reset');
    const page = await t.app.inject({ method: 'GET', url: link, headers: { cookie: cookieHeader(jar) } });
    expect(page.statusCode).toBe(200);
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const reset = await t.app.inject({ method: 'POST', url: '/password/reset', ...form(jar, { _csrf: csrf, token, password: 'a brand new passphrase' }) });
    expect(reset.statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: '/dashboard', headers: { cookie: cookieHeader(other) } })).statusCode).toBe(302);
    await signIn(t.app, email, { password: 'a brand new passphrase' });
    // Expired link
    clock.advance(1000);
    await t.app.inject({ method: 'POST', url: '/password/forgot', ...form(jar, { _csrf: csrf, email }) });
    const [second] = await listOutboxEmails(t.database.db, { to: email });
    clock.advance(61 * 60_000);
    expect((await t.app.inject({ method: 'GET', url: linkIn(second!.textBody, '/password/reset') })).statusCode).toBe(410);
  });

  it('never loses a form posted after the session timed out: saves it as a recovered draft and sends the user to sign in', async () => {
    const { email, userId } = await makeUser(t.database, { isStaff: false, roles: [{ role: 'company_admin', organisationId: orgs.company }] });
    const jar = await signIn(t.app, email, { clock });
    const csrf = await csrfFor(t.app, jar, '/account/delegations');
    clock.advance(3 * 3_600_000);
    const res = await t.app.inject({
      method: 'POST',
      url: '/account/delegations',
      ...form(jar, { _csrf: csrf, companyOrganisationId: orgs.company, supportOrganisation: '2000000000001', password: 'never stored' }),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Faccount%2Fdelegations&recovered=1&expired=1');
    const draft = await loadRecoveredDraft(t.database.db, userId, '/account/delegations');
    expect(draft).toEqual({ companyOrganisationId: orgs.company, supportOrganisation: '2000000000001' });
    const loginPage = await t.app.inject({ method: 'GET', url: res.headers.location as string });
    expect(loginPage.body).toContain('name="recovered" value="1"');
  });

  it('lets a company admin delegate to a support organisation, whose members then act for the company; revocable', async () => {
    const admin = await makeUser(t.database, { isStaff: false, roles: [{ role: 'company_admin', organisationId: orgs.otherCompany }] });
    const supporter = await makeUser(t.database, { isStaff: false, roles: [{ role: 'support_org_member', organisationId: orgs.support }] });
    const jar = await signIn(t.app, admin.email, { clock });
    const csrf = await csrfFor(t.app, jar, '/account/delegations');
    const bad = await t.app.inject({ method: 'POST', url: '/account/delegations', ...form(jar, { _csrf: csrf, companyOrganisationId: orgs.otherCompany, supportOrganisation: '9999999999999' }) });
    expect(bad.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'POST', url: '/account/delegations', ...form(jar, { _csrf: csrf, companyOrganisationId: orgs.otherCompany, supportOrganisation: '2000000000001' }) });
    expect(ok.statusCode).toBe(303);
    const supportJar = await signIn(t.app, supporter.email, { clock });
    const dash = await t.app.inject({ method: 'GET', url: '/dashboard', headers: { cookie: cookieHeader(supportJar) } });
    expect(dash.body).toContain('他社工業株式会社');
    // Another company's admin cannot delegate for this company.
    const foreign = await t.app.inject({ method: 'POST', url: '/account/delegations', ...form(jar, { _csrf: csrf, companyOrganisationId: orgs.company, supportOrganisation: '2000000000001' }) });
    expect(foreign.statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/account/delegations', headers: { cookie: cookieHeader(jar) } });
    const id = /\/account\/delegations\/([0-9a-f-]{36})\/revoke/.exec(list.body)![1]!;
    expect((await t.app.inject({ method: 'POST', url: `/account/delegations/${id}/revoke`, ...form(jar, { _csrf: csrf }) })).statusCode).toBe(303);
    const after = await t.app.inject({ method: 'GET', url: '/dashboard', headers: { cookie: cookieHeader(supportJar) } });
    expect(after.body).not.toContain('他社工業株式会社');
    const events = await searchAuditEvents(t.database.db, { targetId: orgs.otherCompany });
    expect(events.events.map((e) => e.action)).toEqual(['delegation.revoked', 'delegation.granted']);
  });

  it('API tokens: shown once, hashed, scoped, expire, revocable, last-used recorded', async () => {
    const { email } = await makeUser(t.database, { isStaff: false, roles: [{ role: 'company_admin', organisationId: orgs.company }] });
    const jar = await signIn(t.app, email, { clock });
    const csrf = await csrfFor(t.app, jar, '/account/api-tokens');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { cookie: cookieHeader(jar), 'x-csrf-token': csrf },
      payload: { organisationId: orgs.company, name: 'HR link', scopes: ['join_request:read'], expiresAt: '2026-04-02T00:00:00+09:00' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json() as { token: string; id: string };
    expect(token).toMatch(/^jz_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: { cookie: cookieHeader(jar) } });
    expect(list.body).not.toContain(token);
    // The token identifies an api_token actor; it cannot manage tokens itself.
    const asToken = await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: { authorization: `Bearer ${token}` } });
    expect(asToken.statusCode).toBe(403);
    const wrong = await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: { authorization: `Bearer ${token.slice(0, -1)}x` } });
    expect(wrong.statusCode).toBe(401);
    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: { cookie: cookieHeader(jar) } })).json() as { items: { id: string; lastUsedAt: string | null }[] };
    expect(listed.items.find((i) => i.id === id)!.lastUsedAt).not.toBeNull();
    clock.advance(24 * 3_600_000);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    const jar2 = await signIn(t.app, email, { clock });
    const csrf2 = await csrfFor(t.app, jar2, '/account/api-tokens');
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/api-tokens/${id}`, headers: { cookie: cookieHeader(jar2), 'x-csrf-token': csrf2 } });
    expect(del.statusCode).toBe(204);
    const page = await t.app.inject({ method: 'GET', url: '/account/api-tokens', headers: { cookie: cookieHeader(jar2) } });
    expect(page.body).toContain('HR link');
    expect(page.body).toContain('取消済み');
  });

  it('roles: admin grants and revokes with audited before/after, cannot revoke own admin role; information handlers list and CSV', async () => {
    const admin = await makeUser(t.database, { isStaff: true, totpSecret: TOTP_SECRET, roles: [{ role: 'secretariat_admin', organisationId: orgs.secretariat }] });
    const staff = await makeUser(t.database, { isStaff: true, displayName: '山田 花子', roles: [] });
    clock.advance(60_000);
    const jar = await signIn(t.app, admin.email, { clock, totpSecret: TOTP_SECRET });
    const csrf = await csrfFor(t.app, jar, '/staff/users');
    const grant = await t.app.inject({ method: 'POST', url: `/staff/users/${staff.userId}/roles`, ...form(jar, { _csrf: csrf, role: 'desk_operator', organisationId: orgs.secretariat }) });
    expect(grant.statusCode).toBe(303);
    const [granted] = (await searchAuditEvents(t.database.db, { action: 'role.granted', targetId: staff.userId })).events;
    expect(granted!.summary).toEqual({ before: [], after: [{ role: 'desk_operator', organisationId: orgs.secretariat }] });
    const page = await t.app.inject({ method: 'GET', url: `/staff/users?q=${encodeURIComponent(admin.email)}`, headers: { cookie: cookieHeader(jar) } });
    const ownGrant = /\/staff\/roles\/([0-9a-f-]{36})\/revoke/.exec(page.body)![1]!;
    const self = await t.app.inject({ method: 'POST', url: `/staff/roles/${ownGrant}/revoke`, ...form(jar, { _csrf: csrf }) });
    expect(self.statusCode).toBe(409);
    const staffPage = await t.app.inject({ method: 'GET', url: `/staff/users?q=${encodeURIComponent(staff.email)}`, headers: { cookie: cookieHeader(jar) } });
    const staffGrant = /\/staff\/roles\/([0-9a-f-]{36})\/revoke/.exec(staffPage.body)![1]!;
    expect((await t.app.inject({ method: 'POST', url: `/staff/roles/${staffGrant}/revoke`, ...form(jar, { _csrf: csrf }) })).statusCode).toBe(303);
    expect((await searchAuditEvents(t.database.db, { action: 'role.revoked', targetId: staff.userId })).events[0]!.summary).toEqual({ before: [{ role: 'desk_operator', organisationId: orgs.secretariat }], after: [] });

    const reg = await t.app.inject({ method: 'POST', url: '/staff/information-handlers', ...form(jar, { _csrf: csrf, email: staff.email, department: '審査課', position: '=主任' }) });
    expect(reg.statusCode).toBe(303);
    const csv = await t.app.inject({ method: 'GET', url: '/staff/information-handlers.csv', headers: { cookie: cookieHeader(jar) } });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF"氏名","所属","役職","メールアドレス","登録日","登録者"')).toBe(true);
    expect(csv.body).toContain(`"山田 花子","審査課","'=主任","${staff.email}","2026-04-`);
    const nonHandler = await makeUser(t.database, { isStaff: false, roles: [] });
    const refused = await t.app.inject({ method: 'POST', url: '/staff/information-handlers', ...form(jar, { _csrf: csrf, email: nonHandler.email }) });
    expect(refused.statusCode).toBe(400);
  });

  it('the outbox is readable by staff with outbox.read', async () => {
    const desk = await makeUser(t.database, { isStaff: true, totpSecret: TOTP_SECRET, roles: [{ role: 'desk_operator', organisationId: orgs.secretariat }] });
    clock.advance(60_000);
    const jar = await signIn(t.app, desk.email, { clock, totpSecret: TOTP_SECRET });
    const page = await t.app.inject({ method: 'GET', url: '/staff/outbox?to=hanako%40example.jp', headers: { cookie: cookieHeader(jar) } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('hanako@example.jp');
    const id = [...page.body.matchAll(/\/staff\/outbox\/([0-9a-f-]{36})/g)].at(-1)![1]!; // the oldest: the verification mail
    const one = await t.app.inject({ method: 'GET', url: `/staff/outbox/${id}`, headers: { cookie: cookieHeader(jar) } });
    expect(one.body).toContain('/verify-email?token=');
    cookieJar(jar, one);
  });

  it('audit search page filters by action and actor', async () => {
    const admin = await makeUser(t.database, { isStaff: true, totpSecret: TOTP_SECRET, roles: [{ role: 'observer', organisationId: orgs.secretariat }] });
    clock.advance(60_000);
    const jar = await signIn(t.app, admin.email, { clock, totpSecret: TOTP_SECRET });
    const res = await t.app.inject({ method: 'GET', url: `/staff/audit?action=user.logged_in&actor=${encodeURIComponent(admin.email)}`, headers: { cookie: cookieHeader(jar) } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<code>user.logged_in</code>');
    expect(res.body).not.toContain('<code>role.granted</code>');
    expect(PASSWORD).toBeTruthy();
  });
});
