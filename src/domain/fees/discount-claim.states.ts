import { InvalidTransition } from '../errors.js';

// A discount claim: submitted ──approve──▶ approved | submitted ──reject──▶ rejected (by a reviewer who is not the
// person who submitted it). The status column is written only with a state this machine returns.

export const CLAIM_STATES = ['submitted', 'approved', 'rejected'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];
export type ClaimEvent = 'approve' | 'reject';

const TRANSITIONS: Readonly<Record<ClaimState, Partial<Record<ClaimEvent, ClaimState>>>> = {
  submitted: { approve: 'approved', reject: 'rejected' },
  approved: {},
  rejected: {},
};

export const transitionClaim = (from: ClaimState, event: ClaimEvent): ClaimState => {
  const to = TRANSITIONS[from][event];
  if (!to) throw new InvalidTransition('fee_discount_claim', from, event);
  return to;
};

export const CLAIM_LABELS: Readonly<Record<ClaimState, { ja: string; en: string; tag: string }>> = {
  submitted: { ja: '審査待ち', en: 'Awaiting review', tag: 'tag--warning' },
  approved: { ja: '承認', en: 'Approved', tag: 'tag--success' },
  rejected: { ja: '不承認', en: 'Rejected', tag: 'tag--error' },
};
