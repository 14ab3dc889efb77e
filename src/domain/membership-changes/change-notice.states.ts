import { InvalidTransition } from '../errors.js';

// A change notification (council art.11; JAIM FAQ Q3-2). The status column is written only with a state this machine
// returns. A notice the rules refuse outright (adding a JSIC class, a plant not yet operating) is stored refused.
//
//   (new) ──submit──▶ submitted ──apply──▶ applied
//   (new) ──refuse_by_rule──▶ refused        submitted ──refuse──▶ refused
//                                            submitted ──withdraw──▶ withdrawn

export const CHANGE_NOTICE_STATES = ['submitted', 'applied', 'refused', 'withdrawn'] as const;
export type ChangeNoticeState = (typeof CHANGE_NOTICE_STATES)[number];
export type ChangeNoticeEvent = 'submit' | 'refuse_by_rule' | 'apply' | 'refuse' | 'withdraw';

const INITIAL: Partial<Record<ChangeNoticeEvent, ChangeNoticeState>> = { submit: 'submitted', refuse_by_rule: 'refused' };

const TRANSITIONS: Readonly<Record<ChangeNoticeState, Partial<Record<ChangeNoticeEvent, ChangeNoticeState>>>> = {
  submitted: { apply: 'applied', refuse: 'refused', withdraw: 'withdrawn' },
  applied: {},
  refused: {},
  withdrawn: {},
};

/** The state a new notice starts in. */
export const initialChangeNoticeState = (event: ChangeNoticeEvent): ChangeNoticeState => {
  const to = INITIAL[event];
  if (!to) throw new InvalidTransition('change_notice', 'new', event);
  return to;
};

export const changeNoticeTransition = (from: ChangeNoticeState, event: ChangeNoticeEvent): ChangeNoticeState => {
  const to = TRANSITIONS[from][event];
  if (!to) throw new InvalidTransition('change_notice', from, event);
  return to;
};

export const CHANGE_NOTICE_STATE_LABELS: Readonly<Record<ChangeNoticeState, { ja: string; en: string }>> = {
  submitted: { ja: '到達', en: 'Received' },
  applied: { ja: '手続終了（反映）', en: 'Completed (applied)' },
  refused: { ja: '手続終了（受理せず）', en: 'Completed (not accepted)' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
};

export const CHANGE_NOTICE_STATE_TAGS: Readonly<Record<ChangeNoticeState, string>> = {
  submitted: 'tag--warning',
  applied: 'tag--success',
  refused: 'tag--error',
  withdrawn: '',
};
