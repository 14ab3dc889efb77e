import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../errors.js';
import { CHANGE_NOTICE_STATES, changeNoticeTransition, initialChangeNoticeState } from './change-notice.states.js';

describe('change notice state machine', () => {
  it('starts submitted, or refused when the rules refuse it', () => {
    expect(initialChangeNoticeState('submit')).toBe('submitted');
    expect(initialChangeNoticeState('refuse_by_rule')).toBe('refused');
    expect(() => initialChangeNoticeState('apply')).toThrow(InvalidTransition);
  });
  it('a submitted notice is applied, refused or withdrawn', () => {
    expect(changeNoticeTransition('submitted', 'apply')).toBe('applied');
    expect(changeNoticeTransition('submitted', 'refuse')).toBe('refused');
    expect(changeNoticeTransition('submitted', 'withdraw')).toBe('withdrawn');
  });
  it('final states allow nothing', () => {
    for (const s of CHANGE_NOTICE_STATES.filter((x) => x !== 'submitted'))
      for (const e of ['apply', 'refuse', 'withdraw', 'submit'] as const) expect(() => changeNoticeTransition(s, e)).toThrow(InvalidTransition);
  });
});
