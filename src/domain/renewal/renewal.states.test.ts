import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../errors.js';
import { transitionCycle } from './renewal-cycle.states.js';
import { RENEWAL_RESPONSE_EVENTS, RENEWAL_RESPONSE_STATES, transitionResponse } from './renewal-response.states.js';

describe('renewal response state machine', () => {
  it('awaiting answers once: renew, withdraw, lapse or (JAIM) renew by default', () => {
    expect(transitionResponse('awaiting', 'renew')).toBe('renewed');
    expect(transitionResponse('awaiting', 'withdraw')).toBe('withdrawn');
    expect(transitionResponse('awaiting', 'lapse')).toBe('lapsed');
    expect(transitionResponse('awaiting', 'renew_by_default')).toBe('renewed');
  });
  it('every other transition is refused', () => {
    for (const from of RENEWAL_RESPONSE_STATES.filter((s) => s !== 'awaiting')) {
      for (const event of RENEWAL_RESPONSE_EVENTS) expect(() => transitionResponse(from, event)).toThrow(InvalidTransition);
    }
  });
  it('a cycle closes once', () => {
    expect(transitionCycle('open', 'close')).toBe('closed');
    expect(() => transitionCycle('closed', 'close')).toThrow(InvalidTransition);
  });
});
