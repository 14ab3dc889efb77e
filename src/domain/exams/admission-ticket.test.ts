import { describe, expect, it } from 'vitest';
import { admissionTicketToken, readAdmissionTicket } from './admission-ticket.js';
import { formatExamNumber } from './exam-number.js';
import { generateSigningKey } from './signed-token.js';

const key = generateSigningKey('ticket-2026');
const keys = new Map([[key.kid, key.publicKey]]);
const ticket = { examNumber: formatExamNumber({ level: 'i', year: 2026, sequence: 55 }), sittingId: 'S-2026-03-TOKYO', sittingDate: '2026-02-15' };
const token = admissionTicketToken(ticket, key, new Date('2026-01-20T03:00:00Z'));

describe('admission ticket QR', () => {
  it('reads back at the right sitting on the exam day', () => {
    expect(readAdmissionTicket(token, { keys, now: new Date('2026-02-15T01:00:00Z'), sittingId: ticket.sittingId })).toEqual({ ok: true, ticket });
  });

  it('is valid until the end of the exam day in Japan and expired from midnight JST', () => {
    expect(readAdmissionTicket(token, { keys, now: new Date('2026-02-15T14:59:59Z'), sittingId: ticket.sittingId }).ok).toBe(true);
    expect(readAdmissionTicket(token, { keys, now: new Date('2026-02-15T15:00:00Z'), sittingId: ticket.sittingId })).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a ticket for another sitting and a tampered ticket', () => {
    expect(readAdmissionTicket(token, { keys, now: new Date('2026-02-15T01:00:00Z'), sittingId: 'S-2026-03-OSAKA' })).toEqual({ ok: false, reason: 'other_sitting' });
    const tampered = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    expect(readAdmissionTicket(tampered, { keys, now: new Date('2026-02-15T01:00:00Z'), sittingId: ticket.sittingId }).ok).toBe(false);
  });
});
