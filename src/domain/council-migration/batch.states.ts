import { InvalidTransition } from '../errors.js';

// An import batch: checked (dry-run report shown) ──apply──▶ applied; checked ──discard──▶ discarded.
// The status column is written only with a state this machine returns.

export const BATCH_STATES = ['checked', 'applied', 'discarded'] as const;
export type BatchState = (typeof BATCH_STATES)[number];
export const BATCH_EVENTS = ['apply', 'discard'] as const;
export type BatchEvent = (typeof BATCH_EVENTS)[number];

const TRANSITIONS: Readonly<Record<BatchState, Partial<Record<BatchEvent, BatchState>>>> = {
  checked: { apply: 'applied', discard: 'discarded' },
  applied: {},
  discarded: {},
};

export const batchTransition = (from: BatchState, event: BatchEvent): BatchState => {
  const to = TRANSITIONS[from][event];
  if (!to) throw new InvalidTransition('council_migration_batch', from, event);
  return to;
};

export const BATCH_STATE_LABELS: Readonly<Record<BatchState, { ja: string; en: string }>> = {
  checked: { ja: '確認済み（未反映）', en: 'Checked (not applied)' },
  applied: { ja: '反映済み', en: 'Applied' },
  discarded: { ja: '破棄', en: 'Discarded' },
};
