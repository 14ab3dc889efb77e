import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../../src/persistence/database.js';
import { createTestDatabase } from '../../helpers/test-database.js';
import { apply, createExamWorld, EXAM_DATE, type ExamWorld } from './fixtures.js';
import { importPayments } from '../../../src/domain/exams/use-cases/import-payments.js';
import { signTicketToken } from '../../../src/domain/exams/use-cases/admission-ticket.js';
import { lookUpTicket, recordCheckIn, reportIrregularity, TicketRefused } from '../../../src/domain/exams/use-cases/check-in.js';
import { generateSigningKey, signToken } from '../../../src/domain/exams/signed-token.js';
import { getSigningKey, publishedKeys } from '../../../src/domain/signing/signing-keys.js';
import { Forbidden } from '../../../src/domain/access/policies.js';
import { InvalidTransition } from '../../../src/domain/errors.js';

let database: Database;
let w: ExamWorld;

beforeEach(async () => {
  database = await createTestDatabase();
  w = await createExamWorld(database);
}, 60_000);
afterEach(async () => database?.close());

const paidCandidate = async (sittingId = w.sittingId) => {
  const r = await apply(w, {}, sittingId);
  await importPayments(w.admin, { fileName: 'p.csv', bytes: Buffer.from(`exam_number,amount,currency,paid_on,reference\n${r.registration.examNumber},8000,JPY,2025-09-30,R-${r.registration.examNumber}\n`) });
  const token = await signTicketToken(w.anon, { registrationId: r.registration.id, sittingId, examNumber: r.registration.examNumber, examDate: EXAM_DATE });
  return { ...r, ticket: token };
};

describe('check-in', () => {
  it('shows the candidate for comparison and records attendance on the exam day only', async () => {
    const c = await paidCandidate();
    const view = await lookUpTicket(w.proctor, { sittingId: w.sittingId, token: c.ticket });
    expect(view.examNumber).toBe(c.registration.examNumber);
    expect(view.passportLast4).toHaveLength(4);
    expect(view.photo?.contentType).toBe('image/png');
    await expect(recordCheckIn(w.proctor, { sittingId: w.sittingId, token: c.ticket, identityConfirmed: 'yes' })).rejects.toBeInstanceOf(InvalidTransition);
    w.clock.set(`${EXAM_DATE}T00:30:00Z`);
    await expect(recordCheckIn(w.proctor, { sittingId: w.sittingId, token: c.ticket, identityConfirmed: 'no' })).rejects.toBeInstanceOf(InvalidTransition);
    const done = await recordCheckIn(w.proctor, { sittingId: w.sittingId, token: c.ticket, identityConfirmed: 'yes' });
    expect(done.status).toBe('checked_in');
    const row = rowsOf<{ status: string; checked_in_by: string }>(await database.db.execute(sql`SELECT status, checked_in_by FROM exam_registrations WHERE id = ${c.registration.id}`))[0]!;
    expect(row.status).toBe('checked_in');
    expect(row.checked_in_by).toBe((w.proctor.actor as { userId: string }).userId);
  });

  it('refuses a forged token, a tampered token and a ticket for another sitting', async () => {
    const c = await paidCandidate();
    const key = await getSigningKey({ db: database.db, secret: 'test-signing-secret-0123456789abcdef0123', clock: w.clock }, 'exam_ticket');
    const forger = { ...generateSigningKey('x'), kid: key.kid };
    const forged = signToken({ r: c.registration.id, s: w.sittingId, n: c.registration.examNumber }, forger, { typ: 'ticket', issuedAt: w.clock.now() });
    await expect(lookUpTicket(w.proctor, { sittingId: w.sittingId, token: forged })).rejects.toSatisfy((e) => e instanceof TicketRefused && e.reason === 'bad_signature');
    const [body, sig] = c.ticket.split('.');
    const tampered = `${Buffer.from(Buffer.from(body!, 'base64url').toString().replace(c.registration.examNumber, 'SSW1-2025-0000999-Z')).toString('base64url')}.${sig}`;
    await expect(lookUpTicket(w.proctor, { sittingId: w.sittingId, token: tampered })).rejects.toBeInstanceOf(TicketRefused);
    const other = await w.newSitting({ examDate: '2025-12-20' });
    await expect(lookUpTicket(w.proctor, { sittingId: other, token: c.ticket })).rejects.toSatisfy((e) => e instanceof TicketRefused && e.reason === 'other_sitting');
    await expect(lookUpTicket(w.proctor, { sittingId: w.sittingId, token: 'garbage' })).rejects.toSatisfy((e) => e instanceof TicketRefused && e.reason === 'malformed');
  });

  it('records irregularities, and only proctors and exam admins may check in', async () => {
    const c = await paidCandidate();
    await reportIrregularity(w.proctor, { sittingId: w.sittingId, registrationId: c.registration.id, kind: 'identity_mismatch', description: 'Photo does not match' });
    const n = rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM exam_irregularity_reports`))[0]!.n;
    expect(Number(n)).toBe(1);
    await expect(lookUpTicket(w.anon, { sittingId: w.sittingId, token: c.ticket })).rejects.toBeInstanceOf(Forbidden);
  });

  it('publishes the ticket public key and keeps the private key encrypted', async () => {
    await paidCandidate();
    const { keys } = await publishedKeys(database.db);
    expect(keys.map((k) => k.use)).toContain('exam_ticket');
    const stored = rowsOf<{ private_key_encrypted: string }>(await database.db.execute(sql`SELECT private_key_encrypted FROM signing_keys`))[0]!.private_key_encrypted;
    expect(stored.startsWith('v1.')).toBe(true);
    expect(stored).not.toContain('PRIVATE KEY');
    await expect(getSigningKey({ db: database.db, secret: 'another-secret-that-is-long-enough-000000', clock: w.clock }, 'exam_ticket')).rejects.toThrow();
  });
});
