import { InvalidTransition } from '../errors.js';

// A suspected violation (council art.15). The status column is written only with a state this machine returns.
//
//   (new) ──record──▶ recorded ──inform_agency──▶ reported ──inform_agency──▶ reported (another agency)
//                        └──────────close──────────┴──close──▶ closed

export const VIOLATION_STATES = ['recorded', 'reported', 'closed'] as const;
export type ViolationState = (typeof VIOLATION_STATES)[number];
export type ViolationEvent = 'record' | 'inform_agency' | 'close';

const TRANSITIONS: Readonly<Record<ViolationState, Partial<Record<ViolationEvent, ViolationState>>>> = {
  recorded: { inform_agency: 'reported', close: 'closed' },
  reported: { inform_agency: 'reported', close: 'closed' },
  closed: {},
};

export const initialViolationState = (event: ViolationEvent): ViolationState => {
  if (event !== 'record') throw new InvalidTransition('violation_report', 'new', event);
  return 'recorded';
};

export const violationTransition = (from: ViolationState, event: ViolationEvent): ViolationState => {
  const to = TRANSITIONS[from][event];
  if (!to) throw new InvalidTransition('violation_report', from, event);
  return to;
};

export const VIOLATION_STATE_LABELS: Readonly<Record<ViolationState, { ja: string; en: string }>> = {
  recorded: { ja: '記録済み（未報告）', en: 'Recorded (not yet reported)' },
  reported: { ja: '関係機関へ報告済み', en: 'Reported to an agency' },
  closed: { ja: '完了', en: 'Closed' },
};

export const AGENCY_LABELS: Readonly<Record<'moj' | 'mhlw' | 'npa' | 'mofa', { ja: string; en: string }>> = {
  moj: { ja: '法務省（出入国在留管理庁）', en: 'Ministry of Justice (Immigration Services Agency)' },
  mhlw: { ja: '厚生労働省', en: 'Ministry of Health, Labour and Welfare' },
  npa: { ja: '警察庁', en: 'National Police Agency' },
  mofa: { ja: '外務省', en: 'Ministry of Foreign Affairs' },
};
