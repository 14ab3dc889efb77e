import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../errors.js';
import { initialWithdrawalState, withdrawalTransition } from './withdrawal.states.js';

describe('withdrawal state machine', () => {
  it('a notice is accepted or refused when it is made', () => {
    expect(initialWithdrawalState('accept')).toBe('accepted');
    expect(initialWithdrawalState('refuse')).toBe('refused');
    expect(() => initialWithdrawalState('cancel' as never)).toThrow(InvalidTransition);
  });
  it('both states are final', () => {
    expect(() => withdrawalTransition('accepted', 'refuse')).toThrow(InvalidTransition);
    expect(() => withdrawalTransition('refused', 'accept')).toThrow(InvalidTransition);
  });
});
