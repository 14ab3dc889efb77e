import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../errors.js';
import { surveyPhase, surveyTransition } from './survey.states.js';

describe('survey state machine', () => {
  it('draft → published → withdrawn; draft → withdrawn', () => {
    expect(surveyTransition('draft', 'publish')).toBe('published');
    expect(surveyTransition('published', 'withdraw')).toBe('withdrawn');
    expect(surveyTransition('draft', 'withdraw')).toBe('withdrawn');
  });
  it('refuses publishing twice and anything after withdrawal', () => {
    expect(() => surveyTransition('published', 'publish')).toThrow(InvalidTransition);
    expect(() => surveyTransition('withdrawn', 'publish')).toThrow(InvalidTransition);
  });
  it('a published survey is open between its dates, inclusive', () => {
    const s = { status: 'published' as const, opensOn: '2026-04-01', closesOn: '2026-04-30' };
    expect(surveyPhase(s, '2026-03-31')).toBe('not_yet_open');
    expect(surveyPhase(s, '2026-04-01')).toBe('open');
    expect(surveyPhase(s, '2026-04-30')).toBe('open');
    expect(surveyPhase(s, '2026-05-01')).toBe('closed');
  });
});
