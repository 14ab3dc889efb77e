import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../errors.js';
import { SelfApprovalRefused, assertDifferentPerson, expulsionTransition, initialExpulsionState } from './expulsion.states.js';

describe('expulsion state machine', () => {
  it('starts proposed; a proposal is approved or rejected', () => {
    expect(initialExpulsionState('propose')).toBe('proposed');
    expect(expulsionTransition('proposed', 'approve')).toBe('approved');
    expect(expulsionTransition('proposed', 'reject')).toBe('rejected');
  });
  it('decided expulsions are final', () => {
    expect(() => expulsionTransition('approved', 'reject')).toThrow(InvalidTransition);
    expect(() => expulsionTransition('rejected', 'approve')).toThrow(InvalidTransition);
    expect(() => initialExpulsionState('approve')).toThrow(InvalidTransition);
  });
  it('refuses self-approval', () => {
    expect(() => assertDifferentPerson('u1', 'u1')).toThrow(SelfApprovalRefused);
    expect(() => assertDifferentPerson('u1', undefined)).toThrow(SelfApprovalRefused);
    expect(() => assertDifferentPerson('u1', 'u2')).not.toThrow();
  });
});
