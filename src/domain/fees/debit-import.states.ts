import { InvalidTransition } from '../errors.js';

// A direct-debit result import: checked (the dry-run report is shown) ──apply──▶ applied (payments and failures
// recorded); checked ──discard──▶ discarded (nothing recorded). Both are final. The status column is written only
// with a state this machine returns.

export const DEBIT_IMPORT_STATES = ['checked', 'applied', 'discarded'] as const;
export type DebitImportState = (typeof DEBIT_IMPORT_STATES)[number];
export const DEBIT_IMPORT_EVENTS = ['apply', 'discard'] as const;
export type DebitImportEvent = (typeof DEBIT_IMPORT_EVENTS)[number];

const TRANSITIONS: Readonly<Record<DebitImportState, Partial<Record<DebitImportEvent, DebitImportState>>>> = {
  checked: { apply: 'applied', discard: 'discarded' },
  applied: {},
  discarded: {},
};

export const transitionDebitImport = (from: DebitImportState, event: DebitImportEvent): DebitImportState => {
  const to = TRANSITIONS[from][event];
  if (!to) throw new InvalidTransition('fee_debit_import', from, event);
  return to;
};

export const DEBIT_IMPORT_LABELS: Readonly<Record<DebitImportState, { ja: string; en: string; tag: string }>> = {
  checked: { ja: '確認済み（未反映）', en: 'Checked (not applied)', tag: 'tag--warning' },
  applied: { ja: '反映済み', en: 'Applied', tag: 'tag--success' },
  discarded: { ja: '破棄', en: 'Discarded', tag: '' },
};
