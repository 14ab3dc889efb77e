// The app on a fresh database with an identity resolver driven by the `x-test-user` header (the actor is built from
// the database, MFA taken as verified), and secretariat users to act as the two administrators of the four-eyes rule.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { testConfig } from '../../../src/config/env.js';
import { ANONYMOUS, type Actor, type Role } from '../../../src/domain/access/actor.js';
import { buildUserActor } from '../../../src/domain/accounts/build-actor.js';
import type { UseCaseContext } from '../../../src/domain/accounts/context.js';
import { provisionUser } from '../../../src/domain/accounts/provision-user.js';
import { buildApp } from '../../../src/http/app.js';
import { createServices } from '../../../src/http/create-services.js';
import type { Clock } from '../../../src/http/services.js';
import type { Database } from '../../../src/persistence/database.js';
import { insertOrganisation } from '../../../src/persistence/repositories/organisations.repository.js';
import { findUserById } from '../../../src/persistence/repositories/users.repository.js';
import { createTestDatabase } from '../../helpers/test-database.js';

export type RefTestApp = { app: FastifyInstance; database: Database; close(): Promise<void> };

export const createRefTestApp = async (clock?: Clock): Promise<RefTestApp> => {
  const database = await createTestDatabase();
  const config = testConfig();
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

export const provisionStaff = async (db: Database['db'], role: Role = 'secretariat_admin'): Promise<{ userId: string; actor: Actor }> => {
  const org = await insertOrganisation(db, { kind: 'secretariat', name: '事務局', nameKana: null, corporateNumber: null, postalCode: null, prefecture: null, address: null, representativeName: null });
  counter += 1;
  const email = `ref-admin${counter}-${Math.random().toString(36).slice(2, 8)}@jinzai.invalid`;
  const { userId } = await provisionUser(db, { email, password: 'correct horse battery staple', displayName: `管理 ${counter}`, isStaff: true, roles: [{ role, organisationId: org.id }] });
  const user = await findUserById(db, userId);
  return { userId, actor: await buildUserActor(db, user!, true) };
};

export const ctxFor = (database: Database, actor: Actor, clock: Clock): UseCaseContext => ({ actor, db: database.db, clock, requestId: 'test', ip: '127.0.0.1' });

/** A browser-like client for one user: keeps the CSRF cookie and the last token seen. */
export const clientFor = (app: FastifyInstance, userId?: string) => {
  let cookie = '';
  let token = '';
  const remember = (res: LightMyRequestResponse) => {
    const set = res.cookies.find((c) => c.name === 'csrf');
    if (set) cookie = `csrf=${set.value}`;
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body) ?? /_csrf=([^"&]+)"/.exec(res.body);
    if (m) token = decodeURIComponent(m[1]!);
    return res;
  };
  const headers = () => ({ ...(userId ? { 'x-test-user': userId } : {}), ...(cookie ? { cookie } : {}) });
  const ensureToken = async () => {
    if (!token) remember(await app.inject({ method: 'GET', url: '/staff/reference-data/lists/new', headers: headers() }));
  };
  return {
    get: async (url: string) => remember(await app.inject({ method: 'GET', url, headers: headers() })),
    post: async (url: string, form: Record<string, string>) => {
      await ensureToken();
      const body = new URLSearchParams({ _csrf: token, ...form });
      return remember(await app.inject({ method: 'POST', url, headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() }));
    },
    upload: async (url: string, fields: Record<string, string>, file: { name: string; content: string }) => {
      await ensureToken();
      const boundary = '----jinzaitest' + Math.random().toString(36).slice(2);
      const parts: string[] = [];
      for (const [k, v] of Object.entries(fields)) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
      parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="csv"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n`);
      parts.push(`--${boundary}--\r\n`);
      return remember(
        await app.inject({
          method: 'POST',
          url: `${url}?_csrf=${encodeURIComponent(token)}`,
          headers: { ...headers(), 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload: Buffer.from(parts.join(''), 'utf8'),
        }),
      );
    },
  };
};

/** A complete official list (small, for tests): printing 15 and electroplating 2464 only. */
export const OFFICIAL_CSV = ['code,level,name,ssw1,ssw2,exclusions,source,confidence', '15,中分類,印刷・同関連業,yes,no,,告示,confirmed', '2464,細分類,電気めっき業,yes,yes,,告示,confirmed'].join('\n');
