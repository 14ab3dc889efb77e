import { describe, expect, it } from 'vitest';
import { legalDate } from '../../../rules/core/index.js';
import { InvalidTransition } from '../errors.js';
import { TransitionRefused } from './machine.js';
import { SITTING_EVENTS, SITTING_STATES, type SittingContext, type SittingEvent, type SittingState, sittingMachine as m } from './sitting.states.js';

const exam = legalDate('2026-02-15');
const before: SittingContext = { today: legalDate('2026-01-10'), sittingDate: exam };
const ok: Record<SittingEvent, SittingContext> = {
  open_registration: { ...before, questionSetsAssigned: true, venueConfirmed: true },
  close_registration: before,
  reopen_registration: before,
  start: { today: exam, sittingDate: exam },
  finish: { today: exam, sittingDate: exam },
  release_results: { today: legalDate('2026-03-10'), sittingDate: exam, allScored: true, releaseDate: legalDate('2026-03-10') },
  cancel: before,
};
const ALLOWED: readonly [SittingState, SittingEvent, SittingState][] = [
  ['planned', 'open_registration', 'registration_open'],
  ['registration_open', 'close_registration', 'registration_closed'],
  ['registration_closed', 'reopen_registration', 'registration_open'],
  ['registration_closed', 'start', 'in_progress'],
  ['in_progress', 'finish', 'scoring'],
  ['scoring', 'release_results', 'results_released'],
  ['planned', 'cancel', 'cancelled'],
  ['registration_open', 'cancel', 'cancelled'],
  ['registration_closed', 'cancel', 'cancelled'],
];

describe('sitting state machine', () => {
  for (const [from, event, to] of ALLOWED) {
    it(`${from} --${event}--> ${to}`, () => expect(m.next(from, event, ok[event])).toBe(to));
  }

  it('every transition not in the table is refused with InvalidTransition', () => {
    for (const from of SITTING_STATES) {
      for (const event of SITTING_EVENTS) {
        if (ALLOWED.some(([f, e]) => f === from && e === event)) continue;
        expect(() => m.next(from, event, ok[event])).toThrow(InvalidTransition);
      }
    }
    expect(m.eventsFrom('results_released')).toEqual([]);
    expect(m.eventsFrom('cancelled')).toEqual([]);
  });

  it('guards: no question set, no venue, start on the wrong day, release before scoring or before the date, cancel on the day', () => {
    expect(() => m.next('planned', 'open_registration', { ...before, venueConfirmed: true })).toThrow(TransitionRefused);
    expect(() => m.next('planned', 'open_registration', { ...before, questionSetsAssigned: true })).toThrow(/exam-sitting: cannot open_registration from planned/);
    expect(() => m.next('registration_closed', 'start', before)).toThrow(TransitionRefused);
    expect(() => m.next('scoring', 'release_results', { ...ok.release_results, allScored: false })).toThrow(TransitionRefused);
    expect(() => m.next('scoring', 'release_results', { ...ok.release_results, today: legalDate('2026-03-09') })).toThrow(TransitionRefused);
    expect(() => m.next('registration_closed', 'cancel', ok.start)).toThrow(TransitionRefused);
    expect(() => m.next('registration_closed', 'reopen_registration', ok.start)).toThrow(TransitionRefused);
  });
});
