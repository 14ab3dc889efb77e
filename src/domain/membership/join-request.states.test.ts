import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../errors.js';
import { JOIN_REQUEST_EVENTS, JOIN_REQUEST_STATES, canTransition, isFinal, transition } from './join-request.states.js';

describe('join request state machine', () => {
  it('follows the happy path to approval', () => {
    let s = transition('draft', 'submit');
    expect(s).toBe('submitted');
    s = transition(s, 'start_review');
    expect(s).toBe('under_review');
    expect(transition(s, 'approve')).toBe('approved');
  });
  it('goes round the correction loop', () => {
    expect(transition('under_review', 'request_correction')).toBe('correction_requested');
    expect(transition('correction_requested', 'resubmit')).toBe('submitted');
  });
  it('refuses transitions the machine does not have', () => {
    expect(() => transition('submitted', 'approve')).toThrow(InvalidTransition);
    expect(() => transition('approved', 'refuse')).toThrow(InvalidTransition);
    expect(() => transition('refused', 'resubmit')).toThrow(InvalidTransition);
  });
  it('names the current state as users see it (e-Gov style) when refusing, not by its code', () => {
    const error = (() => {
      try {
        transition('submitted', 'approve');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidTransition);
    const message = (error as InvalidTransition).userMessage!;
    expect(message.ja).toContain('現在の状態（到達）');
    expect(message.en).toContain('“Received”');
    expect(`${message.ja}${message.en}`).not.toContain('submitted');
  });
  it('final states have no way out', () => {
    for (const state of JOIN_REQUEST_STATES.filter(isFinal)) {
      for (const event of JOIN_REQUEST_EVENTS) expect(canTransition(state, event)).toBe(false);
    }
    expect(JOIN_REQUEST_STATES.filter(isFinal)).toEqual(['approved', 'refused', 'withdrawn']);
  });
});
