import { describe, expect, it } from 'vitest';
import { legalDate } from '../../../rules/core/index.js';
import { InvalidTransition } from '../errors.js';
import { TransitionRefused } from './machine.js';
import { REGISTRATION_EVENTS, REGISTRATION_STATES, REGISTRATION_TERMINAL, type RegistrationContext, type RegistrationEvent, type RegistrationState, registrationMachine as m } from './registration.states.js';

const exam = legalDate('2026-02-15');
const before = { today: legalDate('2026-01-10'), sittingDate: exam };
const onDay = { today: exam, sittingDate: exam };
const ok: Record<string, RegistrationContext> = {
  pay: { ...before, paymentConfirmed: true },
  issue_ticket: { ...before, eligibility: 'eligible', examNumberAssigned: true },
  check_in: { ...onDay, identityVerified: true },
  score: { ...onDay, allPartsScored: true },
  release_result: { today: legalDate('2026-03-10'), sittingDate: exam, resultReleaseDate: legalDate('2026-03-10') },
  cancel: before,
  promote: { ...before, seatAvailable: true },
  mark_no_show: onDay,
};

const ALLOWED: readonly [RegistrationState, RegistrationEvent, RegistrationState][] = [
  ['applied', 'pay', 'paid'],
  ['paid', 'issue_ticket', 'ticket_issued'],
  ['ticket_issued', 'check_in', 'checked_in'],
  ['checked_in', 'score', 'scored'],
  ['scored', 'release_result', 'result_released'],
  ['applied', 'cancel', 'cancelled'],
  ['paid', 'cancel', 'cancelled'],
  ['ticket_issued', 'cancel', 'cancelled'],
  ['waitlisted', 'cancel', 'cancelled'],
  ['waitlisted', 'promote', 'applied'],
  ['ticket_issued', 'mark_no_show', 'no_show'],
];

describe('registration state machine', () => {
  for (const [from, event, to] of ALLOWED) {
    it(`${from} --${event}--> ${to}`, () => {
      expect(m.next(from, event, ok[event]!)).toBe(to);
      expect(m.can(from, event, ok[event]!)).toBe(true);
    });
  }

  it('every transition not in the table is refused with InvalidTransition', () => {
    let refused = 0;
    for (const from of REGISTRATION_STATES) {
      for (const event of REGISTRATION_EVENTS) {
        if (ALLOWED.some(([f, e]) => f === from && e === event)) continue;
        expect(() => m.next(from, event, ok[event]!)).toThrow(InvalidTransition);
        refused += 1;
      }
    }
    expect(refused).toBe(REGISTRATION_STATES.length * REGISTRATION_EVENTS.length - ALLOWED.length);
  });

  it('terminal states allow no event', () => {
    for (const s of REGISTRATION_TERMINAL) expect(m.eventsFrom(s)).toEqual([]);
  });

  it('refuses skipping steps: applied → check_in, paid → score, checked_in → release_result', () => {
    expect(() => m.next('applied', 'check_in', ok.check_in!)).toThrow(InvalidTransition);
    expect(() => m.next('paid', 'score', ok.score!)).toThrow(InvalidTransition);
    expect(() => m.next('checked_in', 'release_result', ok.release_result!)).toThrow(InvalidTransition);
  });

  const refusedBy = (from: RegistrationState, event: RegistrationEvent, ctx: RegistrationContext): string => {
    try {
      m.next(from, event, ctx);
    } catch (e) {
      expect(e).toBeInstanceOf(TransitionRefused);
      expect(e).toBeInstanceOf(InvalidTransition);
      return (e as TransitionRefused).reason.en;
    }
    throw new Error('expected a refusal');
  };

  it('guards: unpaid, ineligible, no exam number, wrong day, identity not verified', () => {
    expect(refusedBy('applied', 'pay', before)).toMatch(/fee/);
    expect(refusedBy('paid', 'issue_ticket', { ...before, eligibility: 'under_minimum_age', examNumberAssigned: true })).toMatch(/eligibility/);
    expect(refusedBy('paid', 'issue_ticket', { ...before, eligibility: 'eligible' })).toMatch(/exam number/);
    expect(refusedBy('ticket_issued', 'check_in', { ...before, identityVerified: true })).toMatch(/exam day/);
    expect(refusedBy('ticket_issued', 'check_in', onDay)).toMatch(/Identity/);
  });

  it('guards: scoring incomplete, results before the release date (day before refused, day of allowed)', () => {
    expect(refusedBy('checked_in', 'score', onDay)).toMatch(/scored/);
    expect(refusedBy('scored', 'release_result', { ...ok.release_result!, today: legalDate('2026-03-09') })).toMatch(/release date/);
    expect(refusedBy('scored', 'release_result', { ...onDay, resultReleaseDate: null })).toMatch(/release date/);
  });

  it('guards: no cancelling on the exam day, no promotion without a seat, no no-show before the day', () => {
    expect(refusedBy('paid', 'cancel', onDay)).toMatch(/cancelled/);
    expect(m.next('paid', 'cancel', { today: legalDate('2026-02-14'), sittingDate: exam })).toBe('cancelled');
    expect(refusedBy('waitlisted', 'promote', before)).toMatch(/seat/);
    expect(refusedBy('ticket_issued', 'mark_no_show', before)).toMatch(/absent/);
    expect(m.can('ticket_issued', 'mark_no_show', before)).toBe(false);
  });
});
