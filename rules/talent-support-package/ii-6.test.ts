import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, legalDate, parameterAt } from '../core/index.js';
import { earlyTermination, supportPeriod } from './ii-6.js';
import { intakeOpen } from './iii-3.js';
import { formSessionTimedOut, formSessionTimeoutMinutes } from './parameters.js';

const d = legalDate;
const on = () => new Evaluator(d('2024-07-01'));
const none = { goalReachedPerJetro: false, situationChanged: false, conditionsBreached: false, notCooperating: false };

describe('jetro-talent-package-guide II.6, III.3, IV.2(1)', () => {
  it('II.6 on 2024-07-01: an agreed period to 2025-03-31 is valid; to 2025-04-01 needs review; unagreed is invalid', () => {
    const p = { adoptionDate: d('2024-06-20'), from: d('2024-07-01'), to: d('2025-03-31'), agreedByAll: true };
    expect(on().apply(supportPeriod, p)).toBe('valid');
    expect(on().apply(supportPeriod, { ...p, to: d('2025-04-01') })).toBe(NEEDS_REVIEW);
    expect(on().apply(supportPeriod, { ...p, agreedByAll: false })).toBe('invalid');
    expect(on().apply(supportPeriod, { ...p, from: d('2024-06-19') })).toBe('invalid');
  });
  it('II.6①–③ on 2024-07-01: a breach ends support; goal reached or a changed situation is JETRO\'s judgement', () => {
    expect(on().apply(earlyTermination, none)).toBe('continue');
    expect(on().apply(earlyTermination, { ...none, conditionsBreached: true })).toBe('terminate');
    expect(on().apply(earlyTermination, { ...none, goalReachedPerJetro: true })).toBe(NEEDS_REVIEW);
    expect(on().apply(earlyTermination, { ...none, situationChanged: true })).toBe(NEEDS_REVIEW);
    expect(on().apply(earlyTermination, { ...none, notCooperating: true })).toBe(NEEDS_REVIEW);
  });
  it('III.3 on 2024-07-01: with 299 companies adopted a new application may be accepted; with 300 the intake is closed', () => {
    expect(on().apply(intakeOpen, { adoptedCompanies: 299 })).toBe('open');
    expect(on().apply(intakeOpen, { adoptedCompanies: 300 })).toBe('closed');
  });
  it('IV.2(1): the form session times out after 2 hours without confirmation', () => {
    const minutes = parameterAt(formSessionTimeoutMinutes, d('2024-07-01')).value;
    expect(minutes).toBe(120);
    expect(formSessionTimedOut(0, 119 * 60_000, minutes)).toBe(false);
    expect(formSessionTimedOut(0, 120 * 60_000, minutes)).toBe(true);
  });
});
