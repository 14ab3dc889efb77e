import type { Message } from '../../../rules/core/index.js';
import { InvalidTransition } from '../errors.js';

// A small explicit state machine: a table of (from states, event) → to state, each with an optional guard that
// names why it refuses. Undefined transitions and refused guards both throw InvalidTransition (a refused guard as
// its subclass TransitionRefused, carrying the reason), so callers catch one type.

export class TransitionRefused extends InvalidTransition {
  constructor(machine: string, from: string, event: string, readonly reason: Message) {
    super(machine, from, event);
    this.name = 'TransitionRefused';
  }
}

export type Transition<S extends string, E extends string, C> = {
  readonly from: readonly S[];
  readonly event: E;
  readonly to: S;
  /** Returns null when the transition may happen, or the reason it may not. */
  readonly guard?: (ctx: C) => Message | null;
};

export type Machine<S extends string, E extends string, C> = {
  readonly name: string;
  readonly states: readonly S[];
  readonly events: readonly E[];
  readonly transitions: readonly Transition<S, E, C>[];
  /** The state after `event`, or throws InvalidTransition / TransitionRefused. */
  next(from: S, event: E, ctx: C): S;
  /** Events defined from a state (before guards). */
  eventsFrom(from: S): E[];
  /** True when the event is defined from the state and its guard passes. */
  can(from: S, event: E, ctx: C): boolean;
};

export const defineMachine = <S extends string, E extends string, C>(
  name: string,
  states: readonly S[],
  events: readonly E[],
  transitions: readonly Transition<S, E, C>[],
): Machine<S, E, C> => {
  const find = (from: S, event: E) => transitions.find((t) => t.event === event && t.from.includes(from));
  return {
    name,
    states,
    events,
    transitions,
    next(from, event, ctx) {
      const t = find(from, event);
      if (!t) throw new InvalidTransition(name, from, event);
      const refused = t.guard?.(ctx) ?? null;
      if (refused) throw new TransitionRefused(name, from, event, refused);
      return t.to;
    },
    eventsFrom: (from) => events.filter((e) => find(from, e) !== undefined),
    can: (from, event, ctx) => {
      const t = find(from, event);
      return t !== undefined && (t.guard?.(ctx) ?? null) === null;
    },
  };
};
