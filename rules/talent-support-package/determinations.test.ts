import { describe, expect, it } from 'vitest';
import { NEEDS_REVIEW, NotInForce, determine } from '../core/index.js';
import { talentPackageCapDetermination, talentPackageEligibilityDetermination } from './determinations.js';

type Facts = { applicationDate: string; talent: Record<string, unknown>; company: Record<string, unknown> };
const ex = talentPackageEligibilityDetermination.example.facts as Facts;
const co = (x: Record<string, unknown>): Facts => ({ ...ex, company: { ...ex.company, ...x } });
const run = (f: unknown, asOf = '2024-06-03') => determine(talentPackageEligibilityDetermination, f, asOf);

describe('talent-package-eligibility', () => {
  it('the worked example is eligible', () => {
    expect(run(ex, talentPackageEligibilityDetermination.example.asOf).outcome).toBe('eligible');
  });
  it('III.1(1)② on 2024-06-03: an unregistered body needs review, not refusal', () => {
    const r = run(co({ legalForm: 'other' }));
    expect(r.outcome).toBe(NEEDS_REVIEW);
    expect(r.reasons).toHaveLength(1);
  });
  it('III.1(1)⑦ on 2024-06-03: hiring SSW workers is ineligible, even with other items needing review', () => {
    const r = run({ ...co({ hasWebsite: false }), talent: { ...ex.talent, statusCategory: 'specified-skilled-worker' } });
    expect(r.outcome).toBe('ineligible');
  });
  it('another fiscal year throws NotInForce: asked on 2025-04-01, or an application dated 2025-04-01', () => {
    expect(() => run(ex, '2025-04-01')).toThrow(NotInForce);
    expect(() => run(ex, '2024-03-31')).toThrow(NotInForce);
    expect(() => run({ ...ex, applicationDate: '2025-04-01' }, '2025-03-31')).toThrow(NotInForce);
    expect(run({ ...ex, applicationDate: '2025-03-31' }, '2025-03-31').outcome).toBe('eligible');
  });
});

describe('talent-package-cap', () => {
  const cap = (f: Record<string, unknown>, asOf = '2024-09-02') => determine(talentPackageCapDetermination, { applicationDate: '2024-09-02', pastSupportPeriods: [], ...f }, asOf);
  it('the worked example may be accepted', () => {
    const x = talentPackageCapDetermination.example;
    expect(determine(talentPackageCapDetermination, x.facts, x.asOf).outcome).toBe('may-accept');
  });
  it('III.3 on 2024-09-02: 300 adopted closes the intake', () => {
    expect(cap({ adoptedCompanies: 300 }).outcome).toBe('intake-closed');
    expect(cap({ adoptedCompanies: 299 }).outcome).toBe('may-accept');
  });
  it('III.1(1)④ on 2024-09-02: a company with FY2020–2022 completed has reached the limit', () => {
    const periods = [2020, 2021, 2022].map((y) => ({ from: `${y}-06-01`, to: `${y + 1}-03-31` }));
    expect(cap({ adoptedCompanies: 10, pastSupportPeriods: periods }).outcome).toBe('company-limit-reached');
  });
  it('FY2025 (2025-04-01) is not in force', () => {
    expect(() => cap({ adoptedCompanies: 0, applicationDate: '2025-04-01' }, '2025-04-01')).toThrow(NotInForce);
  });
});
