import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../errors.js';
import { BATCH_EVENTS, BATCH_STATES, batchTransition } from './batch.states.js';

describe('council import batch state machine', () => {
  it('checked → applied and checked → discarded', () => {
    expect(batchTransition('checked', 'apply')).toBe('applied');
    expect(batchTransition('checked', 'discard')).toBe('discarded');
  });
  it('applied and discarded are final', () => {
    for (const s of BATCH_STATES.filter((s) => s !== 'checked')) for (const e of BATCH_EVENTS) expect(() => batchTransition(s, e)).toThrow(InvalidTransition);
  });
});
