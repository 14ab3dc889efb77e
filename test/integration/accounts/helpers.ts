// Shared set-up for the accounts integration tests: organisations, users in each role, and signed-in cookies.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { organisations } from '../../../src/persistence/schema/index.js';
import type { Database } from '../../../src/persistence/database.js';
import { provisionUser, type ProvisionUserInput } from '../../../src/domain/accounts/provision-user.js';
import { totpCode } from '../../../src/domain/accounts/totp.js';
import { testDataKeys } from '../../helpers/data-keys.js';
import type { Clock } from '../../../src/http/services.js';

export const PASSWORD = 'correct horse battery staple';
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export type Orgs = { secretariat: string; company: string; otherCompany: string; support: string };

export const createOrganisations = async (database: Database): Promise<Orgs> => {
  const rows = await database.db
    .insert(organisations)
    .values([
      { kind: 'secretariat', name: '製造業特定技能事務局' },
      { kind: 'accepting_company', name: '株式会社テスト製作所', corporateNumber: '1000000000001' },
      { kind: 'accepting_company', name: '他社工業株式会社', corporateNumber: '1000000000002' },
      { kind: 'support_organisation', name: '登録支援機関サポート', corporateNumber: '2000000000001' },
    ])
    .returning({ id: organisations.id });
  return { secretariat: rows[0]!.id, company: rows[1]!.id, otherCompany: rows[2]!.id, support: rows[3]!.id };
};

let counter = 0;
export const makeUser = async (database: Database, input: Partial<ProvisionUserInput> & Pick<ProvisionUserInput, 'roles' | 'isStaff'>): Promise<{ userId: string; email: string }> => {
  counter += 1;
  const email = input.email ?? `user${counter}-${Math.random().toString(36).slice(2, 8)}@example.jp`;
  const { userId } = await provisionUser(database.db, { password: PASSWORD, displayName: `利用者${counter}`, dataKeys: testDataKeys(), ...input, email });
  return { userId, email };
};

type Injectable = { inject: FastifyInstance['inject'] };

/** Cookies from a response's set-cookie headers, merged into a jar. */
export const cookieJar = (jar: Record<string, string>, response: LightMyRequestResponse): Record<string, string> => {
  for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
    if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() <= 0)) delete jar[c.name];
    else jar[c.name] = c.value;
  }
  return jar;
};

export const cookieHeader = (jar: Record<string, string>): string => Object.entries(jar).map(([k, v]) => `${k}=${v}`).join('; ');

/** A CSRF token and its cookie, from any page with a form. */
export const csrfFor = async (app: Injectable, jar: Record<string, string>, url = '/login'): Promise<string> => {
  const page = await app.inject({ method: 'GET', url, headers: { cookie: cookieHeader(jar) } });
  cookieJar(jar, page);
  const match = /name="_csrf" value="([^"]+)"/.exec(page.body);
  if (!match) throw new Error(`no CSRF token on ${url} (status ${page.statusCode})`);
  return match[1]!;
};

/** Signs in through the real pages (password, then TOTP for staff with a secret). Returns the cookie jar. */
export const signIn = async (app: Injectable, email: string, options: { clock?: Clock; totpSecret?: string; password?: string } = {}): Promise<Record<string, string>> => {
  const jar: Record<string, string> = {};
  const csrf = await csrfFor(app, jar);
  const login = await app.inject({
    method: 'POST',
    url: '/login',
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, email, password: options.password ?? PASSWORD, next: '/dashboard' }).toString(),
  });
  if (login.statusCode !== 303) throw new Error(`login failed for ${email}: ${login.statusCode}`);
  cookieJar(jar, login);
  if (options.totpSecret && login.headers.location?.startsWith('/login/totp')) {
    const csrf2 = await csrfFor(app, jar, '/login/totp');
    const now = options.clock?.now() ?? new Date();
    const totp = await app.inject({
      method: 'POST',
      url: '/login/totp',
      headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf2, code: totpCode(options.totpSecret, now), next: '/dashboard' }).toString(),
    });
    if (totp.statusCode !== 303) throw new Error(`TOTP failed for ${email}: ${totp.statusCode}`);
    cookieJar(jar, totp);
  }
  return jar;
};

export const form = (jar: Record<string, string>, values: Record<string, string>) => ({
  headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(values).toString(),
});
