import { type LegalDate, msg } from '../../../rules/core/index.js';
import { defineMachine } from './machine.js';

// Exam sitting (試験回・会場) lifecycle:
//   planned → registration_open ⇄ registration_closed → in_progress → scoring → results_released
//   planned/registration_open/registration_closed → cancelled.

export const SITTING_STATES = ['planned', 'registration_open', 'registration_closed', 'in_progress', 'scoring', 'results_released', 'cancelled'] as const;
export type SittingState = (typeof SITTING_STATES)[number];
export const SITTING_EVENTS = ['open_registration', 'close_registration', 'reopen_registration', 'start', 'finish', 'release_results', 'cancel'] as const;
export type SittingEvent = (typeof SITTING_EVENTS)[number];

export type SittingContext = {
  readonly today: LegalDate;
  readonly sittingDate: LegalDate;
  /** Every category/level offered at the sitting has a question set version assigned (and enough sets exist). */
  readonly questionSetsAssigned?: boolean;
  readonly venueConfirmed?: boolean;
  readonly allScored?: boolean;
  readonly releaseDate?: LegalDate | null;
};

const beforeExamDay = (c: SittingContext) => (c.today < c.sittingDate ? null : msg('試験日以降はこの操作はできません。', 'This cannot be done on or after the exam day.'));

export const sittingMachine = defineMachine<SittingState, SittingEvent, SittingContext>('exam-sitting', SITTING_STATES, SITTING_EVENTS, [
  {
    from: ['planned'],
    event: 'open_registration',
    to: 'registration_open',
    guard: (c) =>
      !c.questionSetsAssigned
        ? msg('問題セットが割り当てられていません。', 'No question set has been assigned.')
        : !c.venueConfirmed
          ? msg('会場が確定していません。', 'The venue is not confirmed.')
          : beforeExamDay(c),
  },
  { from: ['registration_open'], event: 'close_registration', to: 'registration_closed' },
  { from: ['registration_closed'], event: 'reopen_registration', to: 'registration_open', guard: beforeExamDay },
  {
    from: ['registration_closed'],
    event: 'start',
    to: 'in_progress',
    guard: (c) => (c.today === c.sittingDate ? null : msg('試験は試験日にのみ開始できます。', 'The sitting can only start on its exam day.')),
  },
  { from: ['in_progress'], event: 'finish', to: 'scoring' },
  {
    from: ['scoring'],
    event: 'release_results',
    to: 'results_released',
    guard: (c) =>
      !c.allScored
        ? msg('採点が終わっていない受験者がいます。', 'Some candidates have not been scored.')
        : c.releaseDate && c.today >= c.releaseDate
          ? null
          : msg('合否の発表日前です。', 'The results release date has not come yet.'),
  },
  { from: ['planned', 'registration_open', 'registration_closed'], event: 'cancel', to: 'cancelled', guard: beforeExamDay },
]);
