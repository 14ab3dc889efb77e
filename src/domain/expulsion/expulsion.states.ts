import { DomainError, InvalidTransition } from '../errors.js';

// An expulsion (council art.14) needs two people: one proposes, a different one approves (or rejects). The status
// column is written only with a state this machine returns.
//
//   (new) ──propose──▶ proposed ──approve──▶ approved
//                              └──reject───▶ rejected

export const EXPULSION_STATES = ['proposed', 'approved', 'rejected'] as const;
export type ExpulsionState = (typeof EXPULSION_STATES)[number];
export type ExpulsionEvent = 'propose' | 'approve' | 'reject';

const TRANSITIONS: Readonly<Record<ExpulsionState, Partial<Record<ExpulsionEvent, ExpulsionState>>>> = {
  proposed: { approve: 'approved', reject: 'rejected' },
  approved: {},
  rejected: {},
};

export const initialExpulsionState = (event: ExpulsionEvent): ExpulsionState => {
  if (event !== 'propose') throw new InvalidTransition('expulsion', 'new', event);
  return 'proposed';
};

export const expulsionTransition = (from: ExpulsionState, event: ExpulsionEvent): ExpulsionState => {
  const to = TRANSITIONS[from][event];
  if (!to) throw new InvalidTransition('expulsion', from, event);
  return to;
};

/** The proposer may not decide their own proposal (four eyes, in the domain). */
export class SelfApprovalRefused extends DomainError {
  constructor() {
    super('forbidden', 'self-approval of an expulsion', {
      ja: '除名を提案した本人は、その提案を承認・却下できません。別の職員が判断してください。',
      en: 'The person who proposed an expulsion cannot decide it. Another member of staff must decide.',
    });
  }
}

export const assertDifferentPerson = (proposedBy: string, deciderId: string | undefined): void => {
  if (!deciderId || deciderId === proposedBy) throw new SelfApprovalRefused();
};

export const EXPULSION_STATE_LABELS: Readonly<Record<ExpulsionState, { ja: string; en: string }>> = {
  proposed: { ja: '提案中（承認待ち）', en: 'Proposed (awaiting approval)' },
  approved: { ja: '除名（承認済み）', en: 'Expelled (approved)' },
  rejected: { ja: '却下', en: 'Rejected' },
};

export const EXPULSION_STATE_TAGS: Readonly<Record<ExpulsionState, string>> = { proposed: 'tag--warning', approved: 'tag--error', rejected: '' };
