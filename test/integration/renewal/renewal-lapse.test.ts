// M6: the renewal-intent check, reminders and the lapse of members that do not answer, by the scheduled jobs with a
// fixed clock (council art.12(2)); JAIM renewal with the next year's invoice and the wage-increase report (Q3-1-4, Q3-3-2).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerRenewal } from '../../../src/domain/renewal/answer-renewal.js';
import { RENEWAL_LAPSE_JOB, RENEWAL_REMIND_JOB, renewalJobHandlers } from '../../../src/domain/renewal/jobs.js';
import { openRenewalCycle } from '../../../src/domain/renewal/open-renewal-cycle.js';
import { getRenewalResponse } from '../../../src/domain/renewal/read-renewals.js';
import { submitWageReport } from '../../../src/domain/renewal/wage-reports.js';
import { DomainError, InvalidInput } from '../../../src/domain/errors.js';
import { enqueue, processDueJobs } from '../../../src/jobs/queue.js';
import { JOB_HANDLERS } from '../../../src/jobs/handlers.js';
import { SCHEDULES } from '../../../src/jobs/schedule.js';
import { rowsOf, type Database } from '../../../src/persistence/database.js';
import { rosterListingsByCorporateNumber } from '../../../src/persistence/repositories/roster.repository.js';
import { fixedClock } from '../../helpers/test-app.js';
import { createTestDatabase } from '../../helpers/test-database.js';
import { listedCompany, memberActor, staffActor } from './fixtures.js';

const clock = fixedClock('2025-06-02T01:00:00Z');
const logger = { info: () => {}, warn: () => {}, error: () => {} };
let database: Database;
const base = { baseUrl: 'http://localhost:3000' };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const runJob = async (name: string) => {
  await enqueue(database.db, name, {}, { runAt: clock.now() });
  return processDueJobs({ database, handlers: renewalJobHandlers(clock), logger, clock: () => clock.now() });
};
const responsesOf = async (cycleId: string) =>
  rowsOf<{ id: string; establishment_id: string; status: string; lock_version: number; determination: { outcome: string; trace: { ruleId: string; citation: string }[] } | null; membership_ends_on: string | null }>(
    await database.db.execute(sql`SELECT id, establishment_id, status, lock_version, determination, membership_ends_on::text FROM renewal_responses WHERE cycle_id = ${cycleId}`),
  );

describe('renewal jobs are registered', () => {
  it('the reminder and lapse jobs have handlers and daily schedules', () => {
    for (const job of [RENEWAL_REMIND_JOB, RENEWAL_LAPSE_JOB]) {
      expect(JOB_HANDLERS[job]).toBeTypeOf('function');
      expect(SCHEDULES.some((s) => s.job === job && 'dailyAtJst' in s)).toBe(true);
    }
  });
});

describe('council renewal: members that do not answer lapse by the job (art.12(2))', () => {
  it('opens, reminds the silent, lapses them after the deadline with the determination stored, and closes the listing', async () => {
    clock.set('2025-06-02T01:00:00Z');
    const staff = await staffActor(database.db);
    const { company, establishments: [a, b] } = await listedCompany(database.db, { roster: 'council', listedFrom: '2025-04-01', establishments: ['第一工場', '第二工場'] });
    const member = await memberActor(database.db, company.id);
    const opened = await openRenewalCycle({ ...base, actor: staff, db: database.db, clock }, { fiscalYear: 2025, roster: 'council', deadline: '2025-06-30' });
    expect(opened.asked).toBeGreaterThanOrEqual(2);
    expect(opened.invoices).toBe(0);
    const cycleId = opened.cycle.id;
    const ra = (await responsesOf(cycleId)).find((r) => r.establishment_id === a!.id)!;
    const rb = (await responsesOf(cycleId)).find((r) => r.establishment_id === b!.id)!;

    // A renews; a member of another company cannot answer for B.
    clock.set('2025-06-10T01:00:00Z');
    await answerRenewal({ ...base, actor: member.actor, db: database.db, clock }, ra.id, { decision: 'renew', lockVersion: '0' });
    const stranger = await memberActor(database.db, (await listedCompany(database.db, { roster: 'council', listedFrom: '2025-04-01', establishments: ['他社工場'] })).company.id);
    await expect(answerRenewal({ ...base, actor: stranger.actor, db: database.db, clock }, rb.id, { decision: 'renew', lockVersion: '0' })).rejects.toThrow(/Not allowed/);

    // Reminder 14 days before the deadline goes to B's organisation only once that day.
    clock.set('2025-06-16T01:00:00Z');
    await runJob(RENEWAL_REMIND_JOB);
    await runJob(RENEWAL_REMIND_JOB);
    const reminders = rowsOf<{ subject: string; text_body: string }>(await database.db.execute(sql`SELECT subject, text_body FROM outbox_emails WHERE to_address = ${member.email} AND subject LIKE '%再送%'`));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text_body).toContain('第二工場');
    expect(reminders[0]!.text_body).not.toContain('第一工場');

    // On the deadline day nothing lapses yet.
    clock.set('2025-06-30T14:00:00Z'); // 23:00 JST on 2025-06-30
    await runJob(RENEWAL_LAPSE_JOB);
    expect((await responsesOf(cycleId)).find((r) => r.id === rb.id)!.status).toBe('awaiting');

    // The day after: B lapses, with the council-renewal determination and its citation; A stays renewed.
    clock.set('2025-06-30T15:30:00Z'); // 00:30 JST on 2025-07-01
    await runJob(RENEWAL_LAPSE_JOB);
    const after = await responsesOf(cycleId);
    const lapsed = after.find((r) => r.id === rb.id)!;
    expect(lapsed.status).toBe('lapsed');
    expect(lapsed.determination!.outcome).toBe('lapsed');
    expect(lapsed.determination!.trace.map((s) => s.ruleId)).toContain('council-operating-rules/art-012/renewal');
    expect(lapsed.determination!.trace[0]!.citation).toMatch(/council-operating-rules art\.12/);
    expect(lapsed.membership_ends_on).toBe('2025-07-01');
    expect(after.find((r) => r.id === ra.id)!.status).toBe('renewed');

    // The roster still shows B on 2025-06-30 and not from 2025-07-01 (history kept, listing closed).
    const on = async (d: string) => (await rosterListingsByCorporateNumber(database.db, company.corporateNumber!, d)).map((l) => l.establishmentName).sort();
    expect(await on('2025-06-30')).toEqual(['第一工場', '第二工場']);
    expect(await on('2025-07-01')).toEqual(['第一工場']);
    const cycle = rowsOf<{ status: string }>(await database.db.execute(sql`SELECT status FROM renewal_cycles WHERE id = ${cycleId}`))[0]!;
    expect(cycle.status).toBe('closed');
    const audit = rowsOf<{ action: string }>(await database.db.execute(sql`SELECT action FROM audit_events WHERE target_id = ${rb.id}`));
    expect(audit.map((x) => x.action)).toContain('renewal_response.lapsed');
    const lapseMail = rowsOf<{ subject: string }>(await database.db.execute(sql`SELECT subject FROM outbox_emails WHERE to_address = ${member.email} AND subject LIKE '%失われました%'`));
    expect(lapseMail).toHaveLength(1);

    // A late answer is refused, citing art.12(2); running the job again changes nothing.
    await expect(answerRenewal({ ...base, actor: member.actor, db: database.db, clock }, rb.id, { decision: 'renew', lockVersion: String(lapsed.lock_version) })).rejects.toThrow(DomainError);
    await runJob(RENEWAL_LAPSE_JOB);
    expect((await responsesOf(cycleId)).find((r) => r.id === rb.id)!.lock_version).toBe(lapsed.lock_version);
  });
});

describe('JAIM renewal: the next year\'s invoice, withdrawal at the check, the wage-increase report', () => {
  it('issues FY2027 invoices by direct debit, cancels the one withdrawn, keeps the silent member (fee due), and reports wages as needs_review', async () => {
    clock.set('2027-02-01T01:00:00Z');
    const staff = await staffActor(database.db);
    const { company, establishments: [a, b, c] } = await listedCompany(database.db, { roster: 'jaim', listedFrom: '2026-01-10', establishments: ['本社工場', '北工場', '南工場'] });
    const member = await memberActor(database.db, company.id);
    const ctx = { ...base, db: database.db, clock };
    const opened = await openRenewalCycle({ ...ctx, actor: staff }, { fiscalYear: 2027, roster: 'jaim', deadline: '2027-02-28' });
    expect(opened.invoices).toBe(opened.asked);
    const invoices = rowsOf<{ establishment_id: string; payment_method: string; amount_yen: number; status: string; amounts_are_examples: boolean }>(
      await database.db.execute(sql`SELECT establishment_id, payment_method, amount_yen, status, amounts_are_examples FROM fee_invoices WHERE organisation_id = ${company.id}`),
    );
    expect(invoices).toHaveLength(3);
    for (const i of invoices) expect(i).toMatchObject({ payment_method: 'direct_debit', amount_yen: 100_000, status: 'issued', amounts_are_examples: true });

    const rs = await responsesOf(opened.cycle.id);
    const ra = rs.find((r) => r.establishment_id === a!.id)!;
    const rb = rs.find((r) => r.establishment_id === b!.id)!;
    const rc = rs.find((r) => r.establishment_id === c!.id)!;
    // Withdrawal is refused while SSW are employed (art.13), with the field named.
    const refused = await answerRenewal({ ...ctx, actor: member.actor }, ra.id, { decision: 'withdraw', sswEmployed: '2', lockVersion: '0' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InvalidInput);
    expect((refused as InvalidInput).fields[0]!.field).toBe('sswEmployed');
    await answerRenewal({ ...ctx, actor: member.actor }, ra.id, { decision: 'withdraw', sswEmployed: '0', lockVersion: '0' });
    const withdrawn = (await getRenewalResponse({ ...ctx, actor: member.actor }, ra.id)).response;
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.membershipEndsOn).toBe('2027-04-01');
    expect((withdrawn.determination as { trace: { ruleId: string }[] }).trace.map((s) => s.ruleId)).toContain('jaim-fees/q3-1/next-year-fee');
    const cancelled = rowsOf<{ status: string }>(await database.db.execute(sql`SELECT status FROM fee_invoices WHERE establishment_id = ${a!.id}`))[0]!;
    expect(cancelled.status).toBe('cancelled');

    await answerRenewal({ ...ctx, actor: member.actor }, rb.id, { decision: 'renew', lockVersion: '0' });
    const report = await submitWageReport({ ...ctx, actor: member.actor }, rb.id, { increasePercent: '3.2', evidenceText: '2027年1月支給分の賃金台帳（前年同月比）', evidenceReference: 'wage-ledger-2027-01.pdf' });
    expect(report.adequacy).toBe('needs_review');
    expect(report.increaseBasisPoints).toBe(320);
    expect((report.determination as { trace: { citation: string }[] }).trace.map((s) => s.citation).join(' ')).toContain('Q3-3-2');

    // C does not answer: after the deadline the JAIM membership continues and the fee stays due (Q3-1-4).
    clock.set('2027-02-28T15:30:00Z');
    await runJob(RENEWAL_LAPSE_JOB);
    const silent = (await responsesOf(opened.cycle.id)).find((r) => r.id === rc.id)!;
    expect(silent.status).toBe('renewed');
    expect(silent.determination!.outcome).toBe('renewed_by_default');
    expect((await rosterListingsByCorporateNumber(database.db, company.corporateNumber!, '2027-04-01')).map((l) => l.establishmentName).sort()).toEqual(['北工場', '南工場']);
  });
});
