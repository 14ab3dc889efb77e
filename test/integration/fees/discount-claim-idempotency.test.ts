// Discount claims are idempotent: the claim form carries a key, so a double submit or a retry files one claim for the
// reviewer (the first is returned), while a freshly drawn form files a deliberate second claim.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitDiscountClaim } from '../../../src/domain/fees/submit-discount-claim.js';
import { rowsOf } from '../../../src/persistence/database.js';
import { fixedClock } from '../../helpers/test-app.js';
import { clientFor, createMembershipTestApp, type MembershipTestApp } from '../membership/membership-test-app.js';
import { auditActions } from '../membership-lifecycle/fixtures.js';
import { listedCompany, memberActor } from '../renewal/fixtures.js';

const clock = fixedClock('2026-06-01T01:00:00Z');
let t: MembershipTestApp;

beforeAll(async () => {
  t = await createMembershipTestApp(clock);
});
afterAll(() => t?.close());

const keyIn = (html: string): string => /name="idempotencyKey" value="([^"]+)"/.exec(html)![1]!;
const claimsOf = async (organisationId: string) =>
  rowsOf<{ id: string }>(await t.database.db.execute(sql`SELECT id FROM fee_discount_claims WHERE organisation_id = ${organisationId} ORDER BY submitted_at, id`)).map((r) => r.id);

describe('discount claim idempotency', () => {
  it('a double submit of the claim form files one claim; the use case called again with the key returns it as a duplicate', async () => {
    const { company } = await listedCompany(t.database.db, { roster: 'jaim', listedFrom: '2026-05-01', establishments: ['本社工場'] });
    const member = await memberActor(t.database.db, company.id);
    const client = clientFor(t.app, member.userId);
    const form = await client.get('/fees/discount-claims/new');
    expect(form.statusCode).toBe(200);
    const key = keyIn(form.body);
    const body = { organisationId: company.id, kind: 'sme', evidenceText: '資本金5,000万円、従業員120人（登記事項証明書）', idempotencyKey: key };

    const [a, b] = await Promise.all([client.post('/fees/discount-claims', body), client.post('/fees/discount-claims', body)]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect(b.headers.location).toBe(a.headers.location);
    expect((await client.post('/fees/discount-claims', body)).statusCode).toBe(303);
    const ids = await claimsOf(company.id);
    expect(ids).toHaveLength(1);
    expect(await auditActions(t.database.db, ids[0]!)).toEqual(['fee_discount_claim.submitted']);

    const again = await submitDiscountClaim({ actor: member.actor, db: t.database.db, clock }, body, key);
    expect(again).toMatchObject({ id: ids[0], duplicate: true, kind: 'sme' });
    expect(await claimsOf(company.id)).toHaveLength(1);
  });

  it('bad input re-renders with the same key (nothing filed); a new form draws a new key and files a second claim', async () => {
    const { company } = await listedCompany(t.database.db, { roster: 'jaim', listedFrom: '2026-05-01', establishments: ['第二工場'] });
    const member = await memberActor(t.database.db, company.id);
    const client = clientFor(t.app, member.userId);
    const key = keyIn((await client.get('/fees/discount-claims/new')).body);
    const bad = await client.post('/fees/discount-claims', { organisationId: company.id, kind: 'sme', evidenceText: '', idempotencyKey: key });
    expect(bad.statusCode).toBe(400);
    expect(keyIn(bad.body)).toBe(key);
    expect(await claimsOf(company.id)).toHaveLength(0);

    const first = await client.post('/fees/discount-claims', { organisationId: company.id, kind: 'sme', evidenceText: '登記事項証明書', idempotencyKey: key });
    expect(first.statusCode).toBe(303);
    const key2 = keyIn((await client.get('/fees/discount-claims/new')).body);
    expect(key2).not.toBe(key);
    const second = await client.post('/fees/discount-claims', { organisationId: company.id, kind: 'association', evidenceText: '○○工業会 会員証', associationName: '○○工業会', associationCompletedOn: '2026-05-10', jaimApplicationDate: '2026-04-15', idempotencyKey: key2 });
    expect(second.statusCode).toBe(303);
    expect(await claimsOf(company.id)).toHaveLength(2);
    // Without a key (an older client), every submission is a new claim, as before.
    const plain = await submitDiscountClaim({ actor: member.actor, db: t.database.db, clock }, { organisationId: company.id, kind: 'sme', evidenceText: '再提出' });
    expect(plain.duplicate).toBe(false);
    expect(await claimsOf(company.id)).toHaveLength(3);
  });
});
