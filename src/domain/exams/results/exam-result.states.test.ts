import { describe, expect, it } from 'vitest';
import { legalDate } from '../../../../rules/core/index.js';
import { InvalidTransition } from '../../errors.js';
import { TransitionRefused } from '../machine.js';
import { certificateMachine, resultMachine } from './exam-result.states.js';

describe('exam result machine', () => {
  const releaseOn = legalDate('2026-03-01');
  it('releases on the release date, not the day before', () => {
    expect(() => resultMachine.next('provisional', 'release', { today: legalDate('2026-02-28'), releaseOn })).toThrow(TransitionRefused);
    expect(resultMachine.next('provisional', 'release', { today: releaseOn, releaseOn })).toBe('released');
    expect(resultMachine.next('provisional', 'release', { today: legalDate('2026-03-02'), releaseOn })).toBe('released');
  });
  it('refuses to release without a release date, or twice', () => {
    expect(() => resultMachine.next('provisional', 'release', { today: releaseOn, releaseOn: null })).toThrow(TransitionRefused);
    expect(() => resultMachine.next('released', 'release', { today: releaseOn, releaseOn })).toThrow(InvalidTransition);
  });
  it('keeps the state on a rescore', () => {
    expect(resultMachine.next('released', 'rescore', { today: releaseOn, releaseOn })).toBe('released');
    expect(resultMachine.next('provisional', 'rescore', { today: releaseOn, releaseOn: null })).toBe('provisional');
  });
});

describe('certificate machine', () => {
  it('revokes with a reason only, and only once', () => {
    expect(() => certificateMachine.next('issued', 'revoke', { reason: ' ab ' })).toThrow(TransitionRefused);
    expect(certificateMachine.next('issued', 'revoke', { reason: '不正受験が判明したため' })).toBe('revoked');
    expect(() => certificateMachine.next('revoked', 'revoke', { reason: '不正受験が判明したため' })).toThrow(InvalidTransition);
  });
});
