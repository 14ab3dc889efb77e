// The whole app on a fresh database, with an identity resolver that signs requests in by the `x-test-user` header
// (the real actor is built from the database: roles, handler flag, delegations). Forms go through CSRF for real.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { testConfig } from '../../../src/config/env.js';
import { ANONYMOUS } from '../../../src/domain/access/actor.js';
import { buildUserActor } from '../../../src/domain/accounts/build-actor.js';
import { provisionUser } from '../../../src/domain/accounts/provision-user.js';
import { buildApp } from '../../../src/http/app.js';
import { createServices } from '../../../src/http/create-services.js';
import type { Clock } from '../../../src/http/services.js';
import type { Database } from '../../../src/persistence/database.js';
import { insertOrganisation } from '../../../src/persistence/repositories/organisations.repository.js';
import { findUserById } from '../../../src/persistence/repositories/users.repository.js';
import { createTestDatabase } from '../../helpers/test-database.js';

export type MembershipTestApp = { app: FastifyInstance; database: Database; close(): Promise<void> };

export const createMembershipTestApp = async (clock?: Clock, overrides: Partial<ReturnType<typeof testConfig>> = {}): Promise<MembershipTestApp> => {
  const database = await createTestDatabase();
  const config = { ...testConfig(), ...overrides };
  const services = createServices(config, database, {
    ...(clock ? { clock } : {}),
    identity: async (request) => {
      const id = request.headers['x-test-user'];
      if (typeof id !== 'string') return { actor: ANONYMOUS };
      const user = await findUserById(database.db, id);
      if (!user) return { actor: ANONYMOUS };
      return { actor: await buildUserActor(database.db, user, true) };
    },
  });
  const app = await buildApp({ config, database, services });
  await app.ready();
  return { app, database, close: async () => { await app.close(); await database.close(); } };
};

let counter = 0;
export const provisionCompanyUser = async (db: Database['db'], locale: 'ja' | 'en' = 'ja') =>
  provisionUser(db, { email: `company${++counter}-${Date.now()}@example.jp`, password: 'correct horse battery staple', displayName: '申請 太郎', locale, isStaff: false, roles: [] });

export const provisionReviewer = async (db: Database['db'], email = `reviewer${++counter}@jinzai.invalid`) => {
  const secretariat = await insertOrganisation(db, { kind: 'secretariat', name: '事務局', nameKana: null, corporateNumber: null, postalCode: null, prefecture: null, address: null, representativeName: null });
  return provisionUser(db, {
    email,
    password: 'correct horse battery staple',
    displayName: '審査 花子',
    isStaff: true,
    roles: [{ role: 'secretariat_reviewer', organisationId: secretariat.id }],
    informationHandler: { department: '審査課' },
  });
};

/** A browser-like client for one user: keeps the CSRF cookie and finds the token in each page. */
export const clientFor = (app: FastifyInstance, userId?: string) => {
  let cookie = '';
  let token = '';
  const remember = (res: LightMyRequestResponse) => {
    const set = res.cookies.find((c) => c.name === 'csrf');
    if (set) cookie = `csrf=${set.value}`;
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) token = m[1]!;
    return res;
  };
  const headers = () => ({ ...(userId ? { 'x-test-user': userId } : {}), ...(cookie ? { cookie } : {}) });
  return {
    get: async (url: string) => remember(await app.inject({ method: 'GET', url, headers: headers() })),
    post: async (url: string, form: Record<string, string | string[]>) => {
      if (!token) await remember(await app.inject({ method: 'GET', url: '/membership', headers: headers() }));
      const body = new URLSearchParams();
      body.append('_csrf', token);
      for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
      return remember(await app.inject({ method: 'POST', url, headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() }));
    },
    /** A multipart form with one file; the CSRF token goes in the action URL (?_csrf=), as the pages do. */
    upload: async (url: string, fields: Record<string, string>, file: { filename: string; contentType: string; bytes: Buffer }) => {
      if (!token) await remember(await app.inject({ method: 'GET', url: '/membership', headers: headers() }));
      const boundary = `----jinzai${Date.now()}`;
      const parts: Buffer[] = [];
      for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`));
      parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
      const sep = url.includes('?') ? '&' : '?';
      return remember(
        await app.inject({ method: 'POST', url: `${url}${sep}_csrf=${encodeURIComponent(token)}`, headers: { ...headers(), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(parts) }),
      );
    },
  };
};

export const VALID_COMPANY = {
  name: '株式会社東海精機',
  nameKana: 'カブシキガイシャトウカイセイキ',
  corporateNumber: '７１２３４５６７８９０１２',
  postalCode: '4600001',
  prefecture: '23',
  address: '名古屋市中区三の丸1-2-3',
  representativeName: '東海 一郎',
};

export const VALID_ESTABLISHMENT = { name: '本社工場', nameKana: 'ﾎﾝｼｬｺｳｼﾞｮｳ', postalCode: '460-0001', prefecture: '23', address: '名古屋市中区三の丸1-2-3', jsicCodes: '2691, 2592' };
