import { msg } from '../../../rules/core/index.js';
import { defineMachine } from './machine.js';

// Question set version (問題パターン) review: draft → in_review → approved → retired; in_review → draft (returned).
// The approver must not be the author (four eyes); the database CHECK says the same.

export const QUESTION_SET_STATES = ['draft', 'in_review', 'approved', 'retired'] as const;
export type QuestionSetState = (typeof QUESTION_SET_STATES)[number];
export const QUESTION_SET_EVENTS = ['submit', 'approve', 'return', 'retire'] as const;
export type QuestionSetEvent = (typeof QUESTION_SET_EVENTS)[number];

export type QuestionSetContext = { readonly actorId: string; readonly authorId: string; readonly hasContent?: boolean };

export const questionSetMachine = defineMachine<QuestionSetState, QuestionSetEvent, QuestionSetContext>('exam-question-set', QUESTION_SET_STATES, QUESTION_SET_EVENTS, [
  {
    from: ['draft'],
    event: 'submit',
    to: 'in_review',
    guard: (c) => (c.hasContent ? null : msg('解答キーまたは実技の評価基準を入力してください。', 'Enter an answer key or practical criteria first.')),
  },
  {
    from: ['in_review'],
    event: 'approve',
    to: 'approved',
    guard: (c) => (c.actorId !== c.authorId ? null : msg('作成者は自分の問題セットを承認できません。', 'The author cannot approve their own question set.')),
  },
  {
    from: ['in_review'],
    event: 'return',
    to: 'draft',
    guard: (c) => (c.actorId !== c.authorId ? null : msg('作成者は自分の問題セットを差し戻せません。', 'The author cannot review their own question set.')),
  },
  { from: ['approved'], event: 'retire', to: 'retired' },
]);
