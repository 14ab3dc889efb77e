import { describe, expect, it } from 'vitest';
import { Evaluator, NotInForce, legalDate } from '../core/index.js';
import { MEMBER_KINDS, memberKind } from './q1-1.js';

const on = (d: string) => new Evaluator(legalDate(d));

describe('jaim-membership-faq Q1-1', () => {
  it('Q1-1-1 on 2025-06-24: before JAIM was registered the rule is not in force', () => {
    expect(() => on('2025-06-24').apply(memberKind, { applicantKind: 'accepting_establishment' })).toThrow(NotInForce);
  });
  it('Q1-1-1 on 2025-06-25 and 2025-06-26: an establishment is a supporting member', () => {
    for (const d of ['2025-06-25', '2025-06-26']) expect(on(d).apply(memberKind, { applicantKind: 'accepting_establishment' })).toBe('supporting');
  });
  it('Q1-1-3 on 2025-10-01: an industry association is a regular member with votes', () => {
    const e = on('2025-10-01');
    expect(e.apply(memberKind, { applicantKind: 'industry_association' })).toBe('regular');
    expect(e.steps[0]?.citation).toBe('jaim-membership-faq Q1-1-1');
    expect(MEMBER_KINDS.regular.votes).toBe(true);
  });
  it('Q2-2-5 on 2025-10-01: a registered support organisation is a free information member', () => {
    expect(on('2025-10-01').apply(memberKind, { applicantKind: 'registered_support_organisation' })).toBe('information');
    expect(MEMBER_KINDS.information.paysFee).toBe(false);
    expect(on('2025-10-01').apply(memberKind, { applicantKind: 'other' })).toBe('none');
  });
});
