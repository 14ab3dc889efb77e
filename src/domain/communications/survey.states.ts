import { InvalidTransition } from '../errors.js';

// A survey: draft ──publish──▶ published ──withdraw──▶ withdrawn; draft ──withdraw──▶ withdrawn.
// Whether a published survey is open is a matter of its dates (opens_on ≤ today ≤ closes_on).

export const SURVEY_STATES = ['draft', 'published', 'withdrawn'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];
export const SURVEY_EVENTS = ['publish', 'withdraw'] as const;
export type SurveyEvent = (typeof SURVEY_EVENTS)[number];

const TRANSITIONS: Readonly<Record<SurveyState, Partial<Record<SurveyEvent, SurveyState>>>> = {
  draft: { publish: 'published', withdraw: 'withdrawn' },
  published: { withdraw: 'withdrawn' },
  withdrawn: {},
};

export const surveyTransition = (from: SurveyState, event: SurveyEvent): SurveyState => {
  const to = TRANSITIONS[from][event];
  if (!to) throw new InvalidTransition('survey', from, event);
  return to;
};

export type SurveyPhase = 'draft' | 'not_yet_open' | 'open' | 'closed' | 'withdrawn';
export const surveyPhase = (s: { status: SurveyState; opensOn: string; closesOn: string }, today: string): SurveyPhase =>
  s.status === 'draft' ? 'draft' : s.status === 'withdrawn' ? 'withdrawn' : today < s.opensOn ? 'not_yet_open' : today > s.closesOn ? 'closed' : 'open';
