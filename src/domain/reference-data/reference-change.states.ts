import { InvalidTransition } from '../errors.js';

// The workflow of an operator change to reference data (a loaded list or a parameter override).
// The status column is written only with a state this machine returns.
//
//   draft ──review──▶ reviewed ──publish──▶ published ──supersede──▶ superseded
//     └──discard──▶ discarded ◀──discard──┘
//
// Four eyes: the person who loaded the change may neither review nor publish it (checked in the use cases).
// `supersede` happens only when another change is published for the same effective date: the row is kept.

export const REFERENCE_CHANGE_STATES = ['draft', 'reviewed', 'published', 'superseded', 'discarded'] as const;
export type ReferenceChangeState = (typeof REFERENCE_CHANGE_STATES)[number];

export const REFERENCE_CHANGE_EVENTS = ['review', 'publish', 'supersede', 'discard'] as const;
export type ReferenceChangeEvent = (typeof REFERENCE_CHANGE_EVENTS)[number];

const TRANSITIONS: Readonly<Record<ReferenceChangeState, Partial<Record<ReferenceChangeEvent, ReferenceChangeState>>>> = {
  draft: { review: 'reviewed', discard: 'discarded' },
  reviewed: { publish: 'published', discard: 'discarded' },
  published: { supersede: 'superseded' },
  superseded: {},
  discarded: {},
};

export const transition = (from: ReferenceChangeState, event: ReferenceChangeEvent): ReferenceChangeState => {
  const to = TRANSITIONS[from][event];
  if (!to) throw new InvalidTransition('reference_change', from, event);
  return to;
};

export const canTransition = (from: ReferenceChangeState, event: ReferenceChangeEvent): boolean => TRANSITIONS[from][event] !== undefined;

export const REFERENCE_CHANGE_STATE_TAGS: Readonly<Record<ReferenceChangeState, string>> = {
  draft: '',
  reviewed: 'tag--warning',
  published: 'tag--success',
  superseded: '',
  discarded: '',
};
