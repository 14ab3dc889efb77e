import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, NotInForce, legalDate } from '../core/index.js';
import {
  DISQUALIFICATION_ITEMS,
  applicantIdentityGiven,
  establishmentIdentified,
  jaimMembershipRequired,
  nonDisqualificationDeclared,
  notRecentlyExpelled,
  pledgesGiven,
} from './q2-1.js';

const e = (d = '2025-10-01') => new Evaluator(legalDate(d));
const allClear = Object.fromEntries(DISQUALIFICATION_ITEMS.map((i) => [i, 'does_not_apply' as const]));

describe('jaim-membership-faq Q2-1', () => {
  it('Q2-1-2 on 2025-03-10: before the Cabinet decision the requirement is not in force', () => {
    expect(() => e('2025-03-10').apply(jaimMembershipRequired, { employsOrWillEmploySsw: true })).toThrow(NotInForce);
  });
  it('Q2-1-2 on 2025-03-11 and 2025-03-12: an SSW employer must join JAIM', () => {
    expect(e('2025-03-11').apply(jaimMembershipRequired, { employsOrWillEmploySsw: true })).toBe('required');
    expect(e('2025-03-12').apply(jaimMembershipRequired, { employsOrWillEmploySsw: false })).toBe('not_required');
  });
  it('Q2-1-3 on 2025-10-01: a corporation must give its corporate number; an individual need not', () => {
    const a = { kind: 'corporation' as const, name: 'A社', address: '東京', representative: '代表', corporateNumberPresent: false };
    expect(e().apply(applicantIdentityGiven, a)).toBe('incomplete');
    expect(e().apply(applicantIdentityGiven, { ...a, kind: 'individual' })).toBe('complete');
    expect(e().apply(applicantIdentityGiven, { ...a, corporateNumberPresent: true, representative: ' ' })).toBe('incomplete');
  });
  it('Q2-1-3 on 2025-10-01: the establishment must be named with its address and codes', () => {
    expect(e().apply(establishmentIdentified, { name: '工場', address: '', jsicCodeCount: 1 })).toBe('incomplete');
    expect(e().apply(establishmentIdentified, { name: '工場', address: '埼玉', jsicCodeCount: 0 })).toBe('incomplete');
    expect(e().apply(establishmentIdentified, { name: '工場', address: '埼玉', jsicCodeCount: 1 })).toBe('complete');
  });
  it('Q2-1-3 / ordinance art.2(1)(iv) on 2025-10-01: each of イ〜ワ must be answered; one applying disqualifies', () => {
    expect(DISQUALIFICATION_ITEMS).toHaveLength(13);
    expect(e().apply(nonDisqualificationDeclared, allClear)).toBe('declared');
    const ev = e();
    expect(ev.apply(nonDisqualificationDeclared, { ...allClear, ri: null })).toBe('unanswered');
    expect(ev.steps[0]?.message.ja).toContain('リ');
    expect(e().apply(nonDisqualificationDeclared, { ...allClear, wa: 'applies', ri: null })).toBe('disqualified');
  });
  it('Q2-1-2 / Q2-1-3 on 2025-10-01: the code-of-conduct pledge is required', () => {
    expect(e().apply(pledgesGiven, { codeOfConduct: false, cooperationDuties: true })).toBe('missing');
    expect(e().apply(pledgesGiven, { codeOfConduct: true, cooperationDuties: false })).toBe('missing');
    expect(e().apply(pledgesGiven, { codeOfConduct: true, cooperationDuties: true })).toBe('given');
  });
  it('Q2-1-3 / council 10(4)(ii): barred through the anniversary of the expulsion, clear the day after', () => {
    const lastExpulsion = { on: legalDate('2024-06-01'), body: 'council' as const, ground: 'art14_1_ii' as const };
    expect(e().apply(notRecentlyExpelled, { lastExpulsion, applicationDate: legalDate('2025-05-31') })).toBe('barred');
    expect(e().apply(notRecentlyExpelled, { lastExpulsion, applicationDate: legalDate('2025-06-01') })).toBe('barred');
    expect(e().apply(notRecentlyExpelled, { lastExpulsion, applicationDate: legalDate('2025-06-02') })).toBe('clear');
  });
  it('Q2-1-3 / council 10(4)(ii): over a leap day (expelled 2023-02-28) the bar runs through 2024-02-29', () => {
    const lastExpulsion = { on: legalDate('2023-02-28'), body: 'council' as const, ground: 'art14_1_i' as const };
    expect(e().apply(notRecentlyExpelled, { lastExpulsion, applicationDate: legalDate('2024-02-29') })).toBe('barred');
    expect(e().apply(notRecentlyExpelled, { lastExpulsion, applicationDate: legalDate('2024-03-01') })).toBe('clear');
  });
  it('Q2-1-3 on 2025-10-01: other grounds do not bar; a JAIM expulsion goes to review', () => {
    const on = legalDate('2025-08-01');
    const applicationDate = legalDate('2025-10-01');
    expect(e().apply(notRecentlyExpelled, { lastExpulsion: { on, body: 'council', ground: 'other' }, applicationDate })).toBe('clear');
    expect(e().apply(notRecentlyExpelled, { lastExpulsion: { on, body: 'jaim', ground: 'art14_1_i' }, applicationDate })).toBe(NEEDS_REVIEW);
    expect(e().apply(notRecentlyExpelled, { lastExpulsion: null, applicationDate })).toBe('clear');
  });
});
