import { describe, expect, it } from 'vitest';
import { Evaluator, NotInForce, legalDate } from '../core/index.js';
import { subcommitteeEligibility } from './art-009.js';

const on = (d: string) => new Evaluator(legalDate(d));

describe('council-operating-rules art.9', () => {
  it('9(2)(iii) on 2025-06-01: members who joined under (iii), (iv) or (v) may be nominated', () => {
    const e = on('2025-06-01');
    for (const joinedAs of ['iii', 'iv', 'v'] as const) expect(e.apply(subcommitteeEligibility, { joinedAs })).toBe('nominable');
    expect(e.steps[0]?.citation).toBe('council-operating-rules art.9(2)(iii)');
  });

  it('9(2)(i)(ii) on 2025-06-01: METI sits; agencies concerned by invitation; non-members cannot sit', () => {
    const e = on('2025-06-01');
    expect(e.apply(subcommitteeEligibility, { joinedAs: 'i' })).toBe('member-as-meti');
    expect(e.apply(subcommitteeEligibility, { joinedAs: 'ii' })).toBe('by-invitation');
    expect(e.apply(subcommitteeEligibility, { joinedAs: null })).toBe('not-eligible');
  });

  it('9(2) on 2025-05-25, 2025-05-26, 2025-05-27: applied from the text we hold (2025-05-26)', () => {
    expect(() => on('2025-05-25').apply(subcommitteeEligibility, { joinedAs: 'iii' })).toThrow(NotInForce);
    expect(on('2025-05-26').apply(subcommitteeEligibility, { joinedAs: 'v' })).toBe('nominable');
    expect(on('2025-05-27').apply(subcommitteeEligibility, { joinedAs: 'iv' })).toBe('nominable');
  });
});
