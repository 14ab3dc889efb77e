// M2 → M10: approving a JAIM join request issues the establishment's first-year invoice in the same transaction, the
// approval date being the fee notice date whose month sets the first-year amount (jaim-membership-faq Q2-5-1).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveJoinRequest } from '../../../src/domain/membership/approve-join-request.js';
import { startReview } from '../../../src/domain/membership/start-review.js';
import { rowsOf, type Database } from '../../../src/persistence/database.js';
import { insertEstablishment } from '../../../src/persistence/repositories/establishments.repository.js';
import { insertSubmittedJoinRequest } from '../../../src/persistence/repositories/join-requests.repository.js';
import { insertOrganisation } from '../../../src/persistence/repositories/organisations.repository.js';
import { fixedClock } from '../../helpers/test-app.js';
import { createTestDatabase } from '../../helpers/test-database.js';
import { staffActor } from '../renewal/fixtures.js';

const clock = fixedClock('2026-09-15T02:00:00Z');
let database: Database;
let reviewer: Awaited<ReturnType<typeof staffActor>>;
const ctx = () => ({ db: database.db, clock, baseUrl: 'http://localhost:3000', actor: reviewer });

beforeAll(async () => {
  database = await createTestDatabase();
  reviewer = await staffActor(database.db, 'secretariat_reviewer');
});
afterAll(() => database?.close());

let n = 0;
/** A company with one establishment and its join request taken into review (lock version 1). */
const requestUnderReview = async () => {
  const company = await insertOrganisation(database.db, { kind: 'accepting_company', name: `株式会社承認請求${++n}`, nameKana: null, corporateNumber: null, postalCode: null, prefecture: '23', address: null, representativeName: null });
  const est = await insertEstablishment(database.db, { organisationId: company.id, name: `承認工場${n}`, nameKana: null, postalCode: null, prefecture: '23', address: '名古屋市', jsicCodes: ['2422'] });
  const id = randomUUID();
  await insertSubmittedJoinRequest(database.db, { id, organisationId: company.id, establishmentId: est.id, status: 'submitted', idempotencyKey: randomUUID(), submittedAt: clock.now(), submittedBy: null, answers: {}, determination: null });
  await startReview(ctx(), id, 0);
  return { id, establishmentId: est.id };
};

type InvoiceRow = { id: string; fiscal_year: number; first_year: boolean; fee_notice_date: string; amount_yen: number; payment_method: string; lines: { kind: string; amountYen: number; citation: string }[] };
const invoicesOf = async (establishmentId: string): Promise<InvoiceRow[]> =>
  rowsOf<InvoiceRow>(await database.db.execute(sql`SELECT id, fiscal_year, first_year, fee_notice_date::text AS fee_notice_date, amount_yen, payment_method, lines FROM fee_invoices WHERE establishment_id = ${establishmentId}`));

describe('first-year invoice on approval of a JAIM join request', () => {
  it('issues exactly one invoice: fee notice = the approval date, 7/12 for a September notice (example table), bank transfer, cited', async () => {
    const { id, establishmentId } = await requestUnderReview();
    const result = await approveJoinRequest(ctx(), id, 1);
    expect(result.roster).toBe('jaim');
    const invoices = await invoicesOf(establishmentId);
    expect(invoices).toHaveLength(1);
    const inv = invoices[0]!;
    expect(result.invoiceId).toBe(inv.id);
    expect(inv).toMatchObject({ fiscal_year: 2026, first_year: true, fee_notice_date: '2026-09-15', amount_yen: 58_333, payment_method: 'bank_transfer' });
    const firstYear = inv.lines.find((l) => l.kind === 'first_year');
    expect(firstYear).toMatchObject({ amountYen: 58_333 - 100_000, citation: expect.stringContaining('jaim-membership-faq Q2-5-1') });
    expect(inv.lines.reduce((s, l) => s + l.amountYen, 0)).toBe(58_333);
    for (const l of inv.lines) expect(l.citation).toMatch(/jaim-membership-faq Q2-5-\d/);
    const audit = rowsOf<{ action: string }>(await database.db.execute(sql`SELECT action FROM audit_events WHERE target_id = ${inv.id}`));
    expect(audit.map((a) => a.action)).toEqual(['fee_invoice.issued']);
  });

  it('a March notice is 1/12 of the fee and belongs to the fiscal year then ending', async () => {
    clock.set('2027-03-10T02:00:00Z');
    const { id, establishmentId } = await requestUnderReview();
    await approveJoinRequest(ctx(), id, 1);
    const invoices = await invoicesOf(establishmentId);
    expect(invoices.map((i) => [i.fiscal_year, i.fee_notice_date, i.amount_yen])).toEqual([[2026, '2027-03-10', 8_333]]);
  });

  it('an approval refused for a stale lock version issues no invoice', async () => {
    clock.set('2026-10-01T02:00:00Z');
    const { id, establishmentId } = await requestUnderReview();
    await expect(approveJoinRequest(ctx(), id, 0)).rejects.toThrow();
    expect(await invoicesOf(establishmentId)).toHaveLength(0);
  });

  it('an approval that lists on the council roster (before 2025-12-26) issues no JAIM invoice', async () => {
    clock.set('2025-11-04T02:00:00Z');
    const { id, establishmentId } = await requestUnderReview();
    const result = await approveJoinRequest(ctx(), id, 1);
    expect(result).toMatchObject({ roster: 'council', invoiceId: null });
    expect(await invoicesOf(establishmentId)).toHaveLength(0);
  });
});
