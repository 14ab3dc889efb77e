// Creating a survey is idempotent: the form carries a key, so a double submit or a retry makes one draft (the first is
// returned); a freshly drawn form makes a deliberate second one. (Responses are one per establishment by constraint.)
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserActor } from '../../../src/domain/accounts/build-actor.js';
import { provisionUser } from '../../../src/domain/accounts/provision-user.js';
import { createSurvey } from '../../../src/domain/communications/surveys.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { insertOrganisation } from '../../../src/persistence/repositories/organisations.repository.js';
import { findUserById } from '../../../src/persistence/repositories/users.repository.js';
import { fixedClock } from '../../helpers/test-app.js';
import { clientFor, createMembershipTestApp, type MembershipTestApp } from '../membership/membership-test-app.js';

const clock = fixedClock('2026-04-10T03:00:00Z');
let t: MembershipTestApp;
let staffId = '';

beforeAll(async () => {
  t = await createMembershipTestApp(clock);
  const secretariat = await insertOrganisation(t.database.db, { kind: 'secretariat', name: '事務局', nameKana: null, corporateNumber: null, postalCode: null, prefecture: null, address: null, representativeName: null });
  staffId = (await provisionUser(t.database.db, { email: 'survey-idem@jinzai.invalid', password: 'correct horse battery staple', displayName: '広報 担当', isStaff: true, roles: [{ role: 'secretariat_admin', organisationId: secretariat.id }] })).userId;
});
afterAll(() => t?.close());

const keyIn = (html: string): string => /name="idempotencyKey" value="([^"]+)"/.exec(html)![1]!;
const surveysTitled = async (title: string) => rowsOf<{ id: string }>(await t.database.db.execute(sql`SELECT id FROM surveys WHERE title = ${title}`)).map((r) => r.id);
const form = (title: string, idempotencyKey: string) => ({ title, questions: 'single: 受入れ予定* | はい | いいえ', opensOn: '2026-04-01', closesOn: '2026-04-30', status: 'listed', idempotencyKey });

describe('survey creation idempotency', () => {
  it('the same form posted twice (at once and again) makes one draft; the use case returns it as a duplicate', async () => {
    const staff = clientFor(t.app, staffId);
    const key = keyIn((await staff.get('/staff/surveys')).body);
    const body = form('二重送信調査', key);
    const [a, b] = await Promise.all([staff.post('/staff/surveys', body), staff.post('/staff/surveys', body)]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect(b.headers.location).toBe(a.headers.location);
    expect((await staff.post('/staff/surveys', body)).headers.location).toBe(a.headers.location);
    const ids = await surveysTitled('二重送信調査');
    expect(ids).toHaveLength(1);
    expect(a.headers.location).toBe(`/staff/surveys/${ids[0]}`);
    const audits = rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'survey.created' AND target_id = ${ids[0]!}`))[0]!.n;
    expect(audits).toBe(1);
    const actor = await buildUserActor(t.database.db, (await findUserById(t.database.db, staffId))!, true);
    expect(await createSurvey({ actor, db: t.database.db, clock }, body, key)).toMatchObject({ id: ids[0], duplicate: true });
    expect(await surveysTitled('二重送信調査')).toHaveLength(1);
  });

  it('bad input keeps the key (nothing made); a new form makes a second draft', async () => {
    const staff = clientFor(t.app, staffId);
    const key = keyIn((await staff.get('/staff/surveys')).body);
    const bad = await staff.post('/staff/surveys', { ...form('再送信調査', key), closesOn: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(keyIn(bad.body)).toBe(key);
    expect(await surveysTitled('再送信調査')).toHaveLength(0);
    expect((await staff.post('/staff/surveys', form('再送信調査', key))).statusCode).toBe(303);
    const key2 = keyIn((await staff.get('/staff/surveys')).body);
    expect(key2).not.toBe(key);
    expect((await staff.post('/staff/surveys', form('再送信調査', key2))).statusCode).toBe(303);
    expect(await surveysTitled('再送信調査')).toHaveLength(2);
  });
});
