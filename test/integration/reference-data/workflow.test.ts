// Reference data: draft → review → publish with four eyes, history by effective date, and the determinations API
// honouring published operator data for dates on or after the effective date only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Forbidden } from '../../../src/domain/access/policies.js';
import { InvalidInput } from '../../../src/domain/errors.js';
import { draftParameterOverride } from '../../../src/domain/reference-data/draft-parameter-override.js';
import { draftReferenceList } from '../../../src/domain/reference-data/draft-reference-list.js';
import { listReferenceData } from '../../../src/domain/reference-data/list-reference-data.js';
import { previewReferenceList } from '../../../src/domain/reference-data/preview-reference-list.js';
import { publishReferenceChange } from '../../../src/domain/reference-data/publish-reference-change.js';
import { FourEyesRefused } from '../../../src/domain/reference-data/reference-change.js';
import { reviewReferenceChange } from '../../../src/domain/reference-data/review-reference-change.js';
import { loadRulesContext } from '../../../src/domain/rules-context.js';
import { searchAuditEvents } from '../../../src/persistence/audit/index.js';
import { fixedClock } from '../../helpers/test-app.js';
import { OFFICIAL_CSV, createRefTestApp, ctxFor, provisionStaff, type RefTestApp } from './helpers.js';

const clock = fixedClock('2026-05-01T01:00:00Z');
let t: RefTestApp;
let alice: Awaited<ReturnType<typeof provisionStaff>>;
let bob: Awaited<ReturnType<typeof provisionStaff>>;
let observer: Awaited<ReturnType<typeof provisionStaff>>;

beforeAll(async () => {
  t = await createRefTestApp(clock);
  alice = await provisionStaff(t.database.db);
  bob = await provisionStaff(t.database.db);
  observer = await provisionStaff(t.database.db, 'observer');
});
afterAll(() => t?.close());

const listInput = (effectiveFrom: string, csv = OFFICIAL_CSV) => ({ kind: 'eligible-industries', effectiveFrom, csv, sourceNote: '告示第127号（改正）', certainty: 'official' });

const determine = async (id: string, asOf: string, facts: unknown) => {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/determinations/${id}`, headers: { authorization: 'Bearer integration' }, payload: { asOf, facts } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { outcome: string; reasons: { ja: string; en: string }[]; trace: { ruleId: string; version: { from: string } }[] };
};

describe('reference lists: preview, four eyes, publish', () => {
  it('preview lists row-level errors from the parser and refuses to save the file', async () => {
    const bad = 'code,level,name,ssw1,ssw2\n15,中分類,印刷・同関連業,yes,no\n9X,中分類,,maybe,no\n2464,小分類,電気めっき業,yes,yes\n';
    const preview = await previewReferenceList(ctxFor(t.database, alice.actor, clock), listInput('2025-10-01', bad));
    expect(preview.canSave).toBe(false);
    expect(preview.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'code'],
      [3, 'name'],
      [3, 'ssw1'],
      [4, 'level'],
    ]);
    await expect(draftReferenceList(ctxFor(t.database, alice.actor, clock), listInput('2025-10-01', bad))).rejects.toBeInstanceOf(InvalidInput);
  });

  it('refuses a date before a seeded list starts (the older list could not be closed)', async () => {
    const preview = await previewReferenceList(ctxFor(t.database, alice.actor, clock), listInput('2024-06-01'));
    expect(preview.canSave).toBe(false);
    expect(preview.errors[0]!.message.en).toMatch(/starts after/);
  });

  it('only a secretariat admin may load; observers may read', async () => {
    await expect(draftReferenceList(ctxFor(t.database, observer.actor, clock), listInput('2025-10-01'))).rejects.toBeInstanceOf(Forbidden);
    await expect(listReferenceData(ctxFor(t.database, observer.actor, clock))).resolves.toBeDefined();
  });

  it('refuses review and publication by the person who loaded the list (four eyes), in the domain', async () => {
    const { id } = await draftReferenceList(ctxFor(t.database, alice.actor, clock), listInput('2025-10-01'));
    await expect(reviewReferenceChange(ctxFor(t.database, alice.actor, clock), 'list', id, 1)).rejects.toBeInstanceOf(FourEyesRefused);
    await reviewReferenceChange(ctxFor(t.database, bob.actor, clock), 'list', id, 1);
    await expect(publishReferenceChange(ctxFor(t.database, alice.actor, clock), 'list', id, 2)).rejects.toBeInstanceOf(FourEyesRefused);
    // Nothing is in force yet: the API still answers from the seeded partial list.
    expect((await determine('jsic-eligibility', '2025-10-01', { jsicCodes: ['0911'], track: 'ssw1' })).outcome).toBe('needs_review');
  });

  it('a published list changes the outcome on and after its effective date, and not before', async () => {
    const overview = await listReferenceData(ctxFor(t.database, alice.actor, clock));
    const change = overview.lists.find((l) => l.kind === 'eligible-industries')!.changes.find((c) => c.status === 'reviewed')!;
    await publishReferenceChange(ctxFor(t.database, bob.actor, clock), 'list', change.id, change.lockVersion);

    // 0911 (food) is not on the complete official list: "not eligible" from 2025-10-01; before, the partial list → review.
    expect((await determine('jsic-eligibility', '2025-10-01', { jsicCodes: ['0911'], track: 'ssw1' })).outcome).toBe('not_eligible');
    expect((await determine('jsic-eligibility', '2026-03-01', { jsicCodes: ['0911'], track: 'ssw1' })).outcome).toBe('not_eligible');
    expect((await determine('jsic-eligibility', '2025-09-30', { jsicCodes: ['0911'], track: 'ssw1' })).outcome).toBe('needs_review');
    // 2464 is confirmed on the official list (ssw2 too); the partial list had ssw2 unknown.
    expect((await determine('jsic-eligibility', '2025-10-01', { jsicCodes: ['2464'], track: 'ssw2' })).outcome).toBe('eligible');
    expect((await determine('jsic-eligibility', '2025-09-30', { jsicCodes: ['2464'], track: 'ssw2' })).outcome).toBe('needs_review');
    // The join determination sees the same lists.
    const join = await t.app.inject({ method: 'GET', url: '/api/v1/determinations' });
    const example = (join.json() as { id: string; example: { facts: Record<string, unknown> } }[]).find((d) => d.id === 'jaim-join')!.example.facts;
    const food = { ...example, establishment: { ...(example.establishment as object), jsicCodes: ['0911'] }, applicationDate: '2025-10-01' };
    expect((await determine('jaim-join', '2025-10-01', food)).outcome).toBe('refuse');
    expect((await determine('jaim-join', '2025-09-30', { ...food, applicationDate: '2025-09-30' })).outcome).not.toBe('refuse');
  });

  it('keeps history: a later list closes the earlier one for later dates only; the same date supersedes', async () => {
    const later = OFFICIAL_CSV + '\n0911,細分類,肉製品製造業,yes,no,,告示,confirmed';
    const a = await draftReferenceList(ctxFor(t.database, alice.actor, clock), listInput('2026-04-01', later));
    await reviewReferenceChange(ctxFor(t.database, bob.actor, clock), 'list', a.id, 1);
    await publishReferenceChange(ctxFor(t.database, bob.actor, clock), 'list', a.id, 2);
    expect((await determine('jsic-eligibility', '2026-04-01', { jsicCodes: ['0911'], track: 'ssw1' })).outcome).toBe('eligible');
    expect((await determine('jsic-eligibility', '2026-03-31', { jsicCodes: ['0911'], track: 'ssw1' })).outcome).toBe('not_eligible');

    const overview = await listReferenceData(ctxFor(t.database, alice.actor, clock));
    const rows = overview.lists.find((l) => l.kind === 'eligible-industries')!.changes.filter((c) => c.status === 'published');
    expect(rows.map((r) => [r.effectiveFrom, r.lastDay])).toEqual([
      ['2025-10-01', '2026-03-31'],
      ['2026-04-01', null],
    ]);

    // Re-publishing on the same date supersedes the earlier row, which is kept.
    const b = await draftReferenceList(ctxFor(t.database, bob.actor, clock), listInput('2026-04-01'));
    await reviewReferenceChange(ctxFor(t.database, alice.actor, clock), 'list', b.id, 1);
    await publishReferenceChange(ctxFor(t.database, alice.actor, clock), 'list', b.id, 2);
    expect((await determine('jsic-eligibility', '2026-04-01', { jsicCodes: ['0911'], track: 'ssw1' })).outcome).toBe('not_eligible');
    const after = await listReferenceData(ctxFor(t.database, alice.actor, clock));
    expect(after.lists.find((l) => l.kind === 'eligible-industries')!.changes.find((c) => c.id === a.id)!.status).toBe('superseded');

    // What had been published by an earlier instant can still be reproduced.
    expect((await loadRulesContext(t.database.db, new Date('2026-05-01T00:59:00Z'))).lists.map((l) => l.id)).toEqual(['pre-2024-three-fields', 'current-partial-2024']);
    expect((await loadRulesContext(t.database.db)).lists.map((l) => l.period.from)).toEqual(['2019-04-01', '2024-09-30', '2025-10-01', '2026-04-01']);
  });

  it('audits every change', async () => {
    const { events } = await searchAuditEvents(t.database.db, {}, { limit: 200 });
    const names = new Set(events.map((e) => e.action));
    for (const a of ['reference_data.drafted', 'reference_data.reviewed', 'reference_data.published', 'reference_data.superseded']) expect(names).toContain(a);
  });
});

describe('parameter overrides', () => {
  it('a published fee amount replaces the example from its effective date; earlier fiscal years keep the example', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/determinations' });
    const fee = (list.json() as { id: string; example: { asOf: string; facts: Record<string, unknown> } }[]).find((d) => d.id === 'jaim-fee')!.example;
    const before = await determine('jaim-fee', fee.asOf, fee.facts);
    expect(before.reasons.at(-1)!.en).toMatch(/example values/);

    await expect(
      draftParameterOverride(ctxFor(t.database, alice.actor, clock), { parameterId: 'jaim-fees/annual-fee-per-establishment', effectiveFrom: '2026-04-01', value: '12万', certainty: 'official', sourceNote: '会費規程' }),
    ).rejects.toBeInstanceOf(InvalidInput);
    const { id } = await draftParameterOverride(ctxFor(t.database, alice.actor, clock), {
      parameterId: 'jaim-fees/annual-fee-per-establishment',
      effectiveFrom: '2026-04-01',
      value: '120,000',
      certainty: 'official',
      sourceNote: '賛助会員会費規程（2026年3月改定）',
    });
    await expect(reviewReferenceChange(ctxFor(t.database, alice.actor, clock), 'parameter', id, 1)).rejects.toBeInstanceOf(FourEyesRefused);
    await reviewReferenceChange(ctxFor(t.database, bob.actor, clock), 'parameter', id, 1);
    await publishReferenceChange(ctxFor(t.database, bob.actor, clock), 'parameter', id, 2);

    const after = await determine('jaim-fee', fee.asOf, fee.facts);
    // 120,000 − 10% SME − 20% association = 84,000; notice in September: 7/12 → 49,000 × 2 establishments.
    expect(after.reasons.at(-1)!.en).toContain('¥98000');
    expect(after.reasons.at(-1)!.en).not.toMatch(/example values/);
    // FY2025 (before the effective date) keeps the example amount.
    const fy2025 = { ...fee.facts, fiscalYear: 2025, feeNoticeDate: '2025-09-01', jaimApplicationDate: '2025-07-01', associationMembershipCompletedOn: '2025-05-01' };
    expect((await determine('jaim-fee', '2025-09-01', fy2025)).reasons.at(-1)!.en).toMatch(/example values/);
  });
});
