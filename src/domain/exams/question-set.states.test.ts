import { describe, expect, it } from 'vitest';
import { TransitionRefused } from './machine.js';
import { questionSetMachine } from './question-set.states.js';

describe('question set machine', () => {
  it('goes draft → in_review → approved → retired with another approver', () => {
    const c = { actorId: 'b', authorId: 'a', hasContent: true };
    expect(questionSetMachine.next('draft', 'submit', c)).toBe('in_review');
    expect(questionSetMachine.next('in_review', 'approve', c)).toBe('approved');
    expect(questionSetMachine.next('approved', 'retire', c)).toBe('retired');
  });
  it('refuses the author approving their own set', () => {
    expect(() => questionSetMachine.next('in_review', 'approve', { actorId: 'a', authorId: 'a' })).toThrow(TransitionRefused);
  });
  it('refuses submitting an empty set and approving a draft', () => {
    expect(() => questionSetMachine.next('draft', 'submit', { actorId: 'a', authorId: 'a', hasContent: false })).toThrow(TransitionRefused);
    expect(() => questionSetMachine.next('draft', 'approve', { actorId: 'b', authorId: 'a' })).toThrow();
  });
});
