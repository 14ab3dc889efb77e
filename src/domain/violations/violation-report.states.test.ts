import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../errors.js';
import { initialViolationState, violationTransition } from './violation-report.states.js';

describe('violation report state machine', () => {
  it('is recorded, reported to one or more agencies, then closed', () => {
    expect(initialViolationState('record')).toBe('recorded');
    expect(violationTransition('recorded', 'inform_agency')).toBe('reported');
    expect(violationTransition('reported', 'inform_agency')).toBe('reported');
    expect(violationTransition('reported', 'close')).toBe('closed');
    expect(violationTransition('recorded', 'close')).toBe('closed');
  });
  it('a closed report takes nothing more', () => {
    expect(() => violationTransition('closed', 'inform_agency')).toThrow(InvalidTransition);
    expect(() => violationTransition('closed', 'close')).toThrow(InvalidTransition);
    expect(() => initialViolationState('close')).toThrow(InvalidTransition);
  });
});
