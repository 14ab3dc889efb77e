import { InvalidTransition } from '../errors.js';

// A withdrawal notice (council art.13) is decided when it is made: accepted (the listings end on the effective date)
// or refused (art.13(2): while the establishment employs SSW workers). The status column is written only from here.
//
//   (new) ──accept──▶ accepted        (new) ──refuse──▶ refused

export const WITHDRAWAL_STATES = ['accepted', 'refused'] as const;
export type WithdrawalState = (typeof WITHDRAWAL_STATES)[number];
export type WithdrawalEvent = 'accept' | 'refuse';

const INITIAL: Readonly<Record<WithdrawalEvent, WithdrawalState>> = { accept: 'accepted', refuse: 'refused' };

export const initialWithdrawalState = (event: WithdrawalEvent): WithdrawalState => {
  const to = INITIAL[event];
  if (!to) throw new InvalidTransition('withdrawal', 'new', event);
  return to;
};

/** Both states are final: a new notice is needed to try again. */
export const withdrawalTransition = (from: WithdrawalState, event: string): never => {
  throw new InvalidTransition('withdrawal', from, event);
};

export const WITHDRAWAL_STATE_LABELS: Readonly<Record<WithdrawalState, { ja: string; en: string }>> = {
  accepted: { ja: '受付（退会）', en: 'Accepted (withdrawn)' },
  refused: { ja: '受付不可', en: 'Not accepted' },
};
