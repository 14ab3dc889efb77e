import { InvalidTransition } from '../errors.js';

// A listed establishment's answer to the yearly renewal-intent check (council art.12; jaim-membership-faq Q3-1-4).
// The status column is written only with a state this machine returns.
//
//   awaiting ──renew──────────▶ renewed          (intent expressed, art.12(1))
//   awaiting ──withdraw───────▶ withdrawn        (declined at the check: no next-year fee, Q3-1-4)
//   awaiting ──lapse──────────▶ lapsed           (no answer by the deadline, art.12(2); by the scheduled job)
//   awaiting ──renew_by_default▶ renewed         (JAIM: no withdrawal at the check means the fee is due, Q3-1-4)

export const RENEWAL_RESPONSE_STATES = ['awaiting', 'renewed', 'withdrawn', 'lapsed'] as const;
export type RenewalResponseState = (typeof RENEWAL_RESPONSE_STATES)[number];
export const RENEWAL_RESPONSE_EVENTS = ['renew', 'withdraw', 'lapse', 'renew_by_default'] as const;
export type RenewalResponseEvent = (typeof RENEWAL_RESPONSE_EVENTS)[number];

const TRANSITIONS: Readonly<Record<RenewalResponseState, Partial<Record<RenewalResponseEvent, RenewalResponseState>>>> = {
  awaiting: { renew: 'renewed', withdraw: 'withdrawn', lapse: 'lapsed', renew_by_default: 'renewed' },
  renewed: {},
  withdrawn: {},
  lapsed: {},
};

export const transitionResponse = (from: RenewalResponseState, event: RenewalResponseEvent): RenewalResponseState => {
  const to = TRANSITIONS[from][event];
  if (!to) throw new InvalidTransition('renewal_response', from, event);
  return to;
};

export const RENEWAL_RESPONSE_LABELS: Readonly<Record<RenewalResponseState, { ja: string; en: string; tag: string }>> = {
  awaiting: { ja: '回答待ち', en: 'Awaiting answer', tag: 'tag--warning' },
  renewed: { ja: '更新', en: 'Renewed', tag: 'tag--success' },
  withdrawn: { ja: '更新しない（退会）', en: 'Not renewing (withdrawn)', tag: '' },
  lapsed: { ja: '資格喪失（未回答）', en: 'Lapsed (no answer)', tag: 'tag--error' },
};
