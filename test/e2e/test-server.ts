// The real server (src/server.ts) on port 0 with a fresh embedded database in a temp folder, or a fresh PostgreSQL
// database (from the migrated test template) when TEST_DATABASE_URL is set. No demo data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testConfig } from '../../src/config/env.js';
import { buildUserActor } from '../../src/domain/accounts/build-actor.js';
import { provisionUser } from '../../src/domain/accounts/provision-user.js';
import { JOIN_STEPS } from '../../src/domain/membership/join-form.js';
import { registerEstablishment } from '../../src/domain/membership/register-establishment.js';
import { registerOrganisation } from '../../src/domain/membership/register-organisation.js';
import { saveJoinStep } from '../../src/domain/membership/save-join-step.js';
import { findUserById } from '../../src/persistence/repositories/users.repository.js';
import { generateTotpSecret, totpCode } from '../../src/domain/accounts/totp.js';
import { insertOrganisation } from '../../src/persistence/repositories/organisations.repository.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { testDataKeys } from '../helpers/data-keys.js';
import { createScratchPostgresDatabase, testDatabaseUrl } from '../helpers/test-database.js';

export type E2eServer = RunningServer & { close(): Promise<void> };

export const startE2eServer = async (): Promise<E2eServer> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jinzai-e2e-'));
  const adminUrl = testDatabaseUrl();
  const scratch = adminUrl ? await createScratchPostgresDatabase(adminUrl, 'jinzai_test_template') : undefined;
  const config = testConfig({ port: 0, host: '127.0.0.1', dataDir, databaseUrl: scratch?.url, demoData: false, logLevel: 'silent' });
  const server = await startServer(config, { handleSignals: false });
  return {
    ...server,
    close: async () => {
      await server.stop();
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export type StaffLogin = { email: string; password: string; totpSecret: string; userId: string };

let secretariatId: string | undefined;

/** A staff user (TOTP enrolled, named information handler) provisioned straight into the server's database. */
export const provisionStaff = async (server: RunningServer, role: 'secretariat_admin' | 'secretariat_reviewer', email: string): Promise<StaffLogin> => {
  const db = server.database.db;
  secretariatId ??= (
    await insertOrganisation(db, { kind: 'secretariat', name: '協議・連絡会 事務局', nameKana: null, corporateNumber: null, postalCode: null, prefecture: null, address: null, representativeName: null })
  ).id;
  const totpSecret = generateTotpSecret();
  const password = 'e2e-staff-password-2026';
  const { userId } = await provisionUser(db, {
    email,
    password,
    displayName: role === 'secretariat_admin' ? '管理 一郎' : '審査 花子',
    isStaff: true,
    roles: [{ role, organisationId: secretariatId }],
    totpSecret,
    dataKeys: testDataKeys(),
    informationHandler: { department: '事務局' },
  });
  return { email, password, totpSecret, userId };
};

export const resetSecretariat = (): void => {
  secretariatId = undefined;
};

export const currentTotp = (secret: string): string => totpCode(secret, new Date());

/** A verified company user with a registered company, one establishment and a fully answered join draft. */
export const provisionCompanyReadyToSubmit = async (
  server: RunningServer,
  p: { email: string; password: string; corporateNumber: string; name: string },
): Promise<{ organisationId: string; userId: string }> => {
  const db = server.database.db;
  const { userId } = await provisionUser(db, { email: p.email, password: p.password, displayName: '二重 送信', isStaff: false, roles: [] });
  const ctx = async () => {
    const user = await findUserById(db, userId);
    return { actor: await buildUserActor(db, user!, true), db, clock: { now: () => new Date() }, baseUrl: server.url };
  };
  const { organisationId } = await registerOrganisation(await ctx(), {
    name: p.name,
    nameKana: 'ニジュウソウシンテスト',
    corporateNumber: p.corporateNumber,
    postalCode: '100-0001',
    prefecture: '13',
    address: '千代田区千代田1-1',
    representativeName: '二重 送信',
  });
  const { establishmentId } = await registerEstablishment(await ctx(), organisationId, {
    name: '東京工場',
    nameKana: 'トウキョウコウジョウ',
    postalCode: '100-0001',
    prefecture: '13',
    address: '千代田区千代田1-1',
    jsicCodes: '2691',
  });
  const answers: Record<string, Record<string, unknown>> = {
    establishment: { establishmentId },
    shipments: { shipments: 'yes' },
    documents: { documents: ['invoice'] },
    photos: { photos: ['product', 'plant'] },
    declaration: { declaration: 'none_apply' },
    pledges: { pledges: ['codeOfConduct', 'cooperationDuties'] },
  };
  for (const step of JOIN_STEPS) await saveJoinStep(await ctx(), organisationId, step, answers[step]!);
  return { organisationId, userId };
};
