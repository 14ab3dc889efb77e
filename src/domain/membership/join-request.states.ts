import { InvalidTransition } from '../errors.js';

// The join request's workflow, with e-Gov-style status names (到達, 審査中, 補正, 手続終了).
// The status column is written only with a state this machine returns.
//
//   draft ──submit──▶ submitted ──start_review──▶ under_review ──approve──▶ approved
//                        ▲                            │ ├────refuse────▶ refused
//                        └────────resubmit──── correction_requested ◀─request_correction─┘
//   draft | submitted | correction_requested ──withdraw──▶ withdrawn

export const JOIN_REQUEST_STATES = ['draft', 'submitted', 'under_review', 'correction_requested', 'approved', 'refused', 'withdrawn'] as const;
export type JoinRequestState = (typeof JOIN_REQUEST_STATES)[number];

export const JOIN_REQUEST_EVENTS = ['submit', 'start_review', 'approve', 'refuse', 'request_correction', 'resubmit', 'withdraw'] as const;
export type JoinRequestEvent = (typeof JOIN_REQUEST_EVENTS)[number];

const TRANSITIONS: Readonly<Record<JoinRequestState, Partial<Record<JoinRequestEvent, JoinRequestState>>>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { start_review: 'under_review', withdraw: 'withdrawn' },
  under_review: { approve: 'approved', refuse: 'refused', request_correction: 'correction_requested' },
  correction_requested: { resubmit: 'submitted', withdraw: 'withdrawn' },
  approved: {},
  refused: {},
  withdrawn: {},
};

/** The state after `event`, or InvalidTransition (HTTP 409 with a message in the user's language). */
export const transition = (from: JoinRequestState, event: JoinRequestEvent): JoinRequestState => {
  const to = TRANSITIONS[from][event];
  if (!to) throw new InvalidTransition('join_request', from, event, JOIN_REQUEST_STATE_LABELS[from]);
  return to;
};

export const canTransition = (from: JoinRequestState, event: JoinRequestEvent): boolean => TRANSITIONS[from][event] !== undefined;

export const isFinal = (state: JoinRequestState): boolean => Object.keys(TRANSITIONS[state]).length === 0;

/** Names shown to people, after the e-Gov procedure statuses. */
export const JOIN_REQUEST_STATE_LABELS: Readonly<Record<JoinRequestState, { ja: string; en: string }>> = {
  draft: { ja: '作成中', en: 'Draft' },
  submitted: { ja: '到達', en: 'Received' },
  under_review: { ja: '審査中', en: 'Under review' },
  correction_requested: { ja: '補正', en: 'Correction requested' },
  approved: { ja: '手続終了（承認）', en: 'Completed (approved)' },
  refused: { ja: '手続終了（不承認）', en: 'Completed (refused)' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
};

export const JOIN_REQUEST_STATE_TAGS: Readonly<Record<JoinRequestState, string>> = {
  draft: '',
  submitted: 'tag--warning',
  under_review: 'tag--warning',
  correction_requested: 'tag--error',
  approved: 'tag--success',
  refused: 'tag--error',
  withdrawn: '',
};
