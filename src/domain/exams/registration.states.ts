import { type LegalDate, msg } from '../../../rules/core/index.js';
import { defineMachine } from './machine.js';

// Exam registration (受験申込) lifecycle:
//   applied → paid → ticket_issued → checked_in → scored → result_released
//   waitlisted → applied (a seat freed); applied/paid/ticket_issued/waitlisted → cancelled (before the exam day);
//   ticket_issued → no_show (on or after the exam day, not checked in).
// The status column is only ever written with the state this machine returns.

export const REGISTRATION_STATES = ['applied', 'waitlisted', 'paid', 'ticket_issued', 'checked_in', 'scored', 'result_released', 'cancelled', 'no_show'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];
export const REGISTRATION_EVENTS = ['pay', 'issue_ticket', 'check_in', 'score', 'release_result', 'cancel', 'promote', 'mark_no_show'] as const;
export type RegistrationEvent = (typeof REGISTRATION_EVENTS)[number];

/** A new registration starts applied, or waitlisted when the sitting is full. */
export const REGISTRATION_INITIAL: readonly RegistrationState[] = ['applied', 'waitlisted'];
export const REGISTRATION_TERMINAL: readonly RegistrationState[] = ['result_released', 'cancelled', 'no_show'];

export type RegistrationContext = {
  /** Today in Japan (the caller derives it from its clock). */
  readonly today: LegalDate;
  readonly sittingDate: LegalDate;
  readonly paymentConfirmed?: boolean;
  /** Outcome of the exam-eligibility determination. */
  readonly eligibility?: string;
  readonly examNumberAssigned?: boolean;
  readonly identityVerified?: boolean;
  readonly allPartsScored?: boolean;
  readonly resultReleaseDate?: LegalDate | null;
  readonly seatAvailable?: boolean;
};

export const registrationMachine = defineMachine<RegistrationState, RegistrationEvent, RegistrationContext>('exam-registration', REGISTRATION_STATES, REGISTRATION_EVENTS, [
  {
    from: ['applied'],
    event: 'pay',
    to: 'paid',
    guard: (c) => (c.paymentConfirmed ? null : msg('受験料の入金が確認できていません。', 'The exam fee has not been confirmed as paid.')),
  },
  {
    from: ['paid'],
    event: 'issue_ticket',
    to: 'ticket_issued',
    guard: (c) =>
      c.eligibility !== 'eligible'
        ? msg('受験資格が確認されていないため、受験票を発行できません。', 'The admission ticket cannot be issued: eligibility is not confirmed.')
        : !c.examNumberAssigned
          ? msg('受験番号が割り当てられていません。', 'No exam number has been assigned.')
          : null,
  },
  {
    from: ['ticket_issued'],
    event: 'check_in',
    to: 'checked_in',
    guard: (c) =>
      c.today !== c.sittingDate
        ? msg('受付は試験当日のみ行えます。', 'Check-in is only possible on the exam day.')
        : !c.identityVerified
          ? msg('本人確認が済んでいません。', 'Identity has not been verified.')
          : null,
  },
  {
    from: ['checked_in'],
    event: 'score',
    to: 'scored',
    guard: (c) => (c.allPartsScored ? null : msg('採点されていない科目があります。', 'A part has not been scored yet.')),
  },
  {
    from: ['scored'],
    event: 'release_result',
    to: 'result_released',
    guard: (c) =>
      c.resultReleaseDate && c.today >= c.resultReleaseDate ? null : msg('合否の発表日前です。', 'The results release date has not come yet.'),
  },
  {
    from: ['applied', 'paid', 'ticket_issued', 'waitlisted'],
    event: 'cancel',
    to: 'cancelled',
    guard: (c) => (c.today < c.sittingDate ? null : msg('試験当日以降は取り消せません。', 'A registration cannot be cancelled on or after the exam day.')),
  },
  {
    from: ['waitlisted'],
    event: 'promote',
    to: 'applied',
    guard: (c) => (c.seatAvailable ? null : msg('空席がありません。', 'No seat is available.')),
  },
  {
    from: ['ticket_issued'],
    event: 'mark_no_show',
    to: 'no_show',
    guard: (c) => (c.today >= c.sittingDate ? null : msg('試験日前は欠席にできません。', 'A candidate cannot be marked absent before the exam day.')),
  },
]);
