import { InvalidTransition } from '../errors.js';

// The renewal-intent check for one fiscal year and roster: open ──close──▶ closed (after the lapse job has decided
// every unanswered member). The status column is written only with a state this machine returns.

export const RENEWAL_CYCLE_STATES = ['open', 'closed'] as const;
export type RenewalCycleState = (typeof RENEWAL_CYCLE_STATES)[number];
export type RenewalCycleEvent = 'close';

const TRANSITIONS: Readonly<Record<RenewalCycleState, Partial<Record<RenewalCycleEvent, RenewalCycleState>>>> = { open: { close: 'closed' }, closed: {} };

export const transitionCycle = (from: RenewalCycleState, event: RenewalCycleEvent): RenewalCycleState => {
  const to = TRANSITIONS[from][event];
  if (!to) throw new InvalidTransition('renewal_cycle', from, event);
  return to;
};
