import { describe, expect, it } from 'vitest';
import { type LegalDate, Evaluator, NEEDS_REVIEW, addDays, legalDate } from '../core/index.js';
import type { CompanyFacts } from './facts.js';
import {
  req06SafetyMeasures,
  req07LabourAndInsuranceLaw,
  req08LabourPenalty,
  req09NoMassSeparations,
  req10NoMisconduct,
  req11RevocationWait,
  req12NoSeriousBreach,
} from './req-06-12.js';

const d = legalDate;
const on = () => new Evaluator(d('2025-06-10'));
const at = (applicationDate: string, company: CompanyFacts) => ({ applicationDate: d(applicationDate), company });

/** n involuntary separations in the same duties at one establishment, one a day from `from`. */
const burst = (from: string, n: number, establishment = 'Plant A') =>
  Array.from({ length: n }, (_, i) => ({ date: addDays(d(from), i), establishment, sameDuties: true, involuntary: true }));

describe('manufacturing-activity-plan req.6–7', () => {
  it('req.6 on 2025-06-10: third-party certification or a safety guideline meets it; neither needs review', () => {
    expect(on().apply(req06SafetyMeasures, at('2025-06-10', { safety: { thirdPartyCertification: true } }))).toBe('met');
    expect(on().apply(req06SafetyMeasures, at('2025-06-10', { safety: { thirdPartyCertification: false, safetyManagementGuideline: true } }))).toBe('met');
    expect(on().apply(req06SafetyMeasures, at('2025-06-10', { safety: { thirdPartyCertification: false, safetyManagementGuideline: false } }))).toBe(NEEDS_REVIEW);
    expect(on().apply(req06SafetyMeasures, at('2025-06-10', {}))).toBe('missing');
  });
  it('req.7 on 2025-06-10: each of labour law, insurance and a contract in the worker\'s language is needed', () => {
    const ok = { labourLawCompliant: true, socialInsuranceEnrolled: true, contractInWorkerLanguage: true };
    expect(on().apply(req07LabourAndInsuranceLaw, at('2025-06-10', ok))).toBe('met');
    expect(on().apply(req07LabourAndInsuranceLaw, at('2025-06-10', { ...ok, socialInsuranceEnrolled: false }))).toBe('not-met');
    expect(on().apply(req07LabourAndInsuranceLaw, at('2025-06-10', { labourLawCompliant: true }))).toBe('missing');
  });
});

describe('manufacturing-activity-plan req.8, 10, 11, 12: five-year look-backs from the application date', () => {
  const cases: [string, (c: LegalDate[]) => CompanyFacts, typeof req08LabourPenalty][] = [
    ['8', (x) => ({ labourPenaltyDates: x }), req08LabourPenalty],
    ['10', (x) => ({ misconductDates: x }), req10NoMisconduct],
    ['11', (x) => ({ revocationDates: x }), req11RevocationWait],
    ['12', (x) => ({ seriousBreachDates: x }), req12NoSeriousBreach],
  ];
  for (const [n, facts, rule] of cases) {
    it(`req.${n} on 2025-06-10: an event on 2020-06-10 still counts (the 5 years end that day)`, () => {
      const e = on();
      expect(e.apply(rule, at('2025-06-10', facts([d('2020-06-10')])))).toBe('not-met');
      expect(e.steps[0]?.message.en).toContain('2025-06-11');
      expect(e.steps[0]?.parameters[0]?.value).toBe(60);
    });
    it(`req.${n} on 2025-06-11: an event on 2020-06-10 is more than 5 years old`, () => {
      expect(on().apply(rule, at('2025-06-11', facts([d('2020-06-10')])))).toBe('met');
    });
    it(`req.${n} on 2025-06-10: an event on 2020-06-09 is outside; none declared is met; not declared is missing`, () => {
      expect(on().apply(rule, at('2025-06-10', facts([d('2020-06-09')])))).toBe('met');
      expect(on().apply(rule, at('2025-06-10', facts([])))).toBe('met');
      expect(on().apply(rule, at('2025-06-10', {}))).toBe('missing');
    });
  }
  it('req.11 on 2024-02-29: a revocation on 2019-02-28 has not yet had 5 years (they end on 2024-02-29)', () => {
    expect(on().apply(req11RevocationWait, at('2024-02-29', { revocationDates: [d('2019-02-28')] }))).toBe('not-met');
    expect(on().apply(req11RevocationWait, at('2024-03-01', { revocationDates: [d('2019-02-28')] }))).toBe('met');
  });
});

describe('manufacturing-activity-plan req.9: 30 involuntary separations in one month in 3 years', () => {
  it('req.9 on 2025-06-10: 30 at one establishment within one month fails; 29 passes', () => {
    const e = on();
    expect(e.apply(req09NoMassSeparations, at('2025-06-10', { separations: burst('2024-03-01', 30) }))).toBe('not-met');
    expect(e.steps[0]?.message.en).toContain('30');
    expect(on().apply(req09NoMassSeparations, at('2025-06-10', { separations: burst('2024-03-01', 29) }))).toBe('met');
  });
  it('req.9 on 2025-06-10: the month runs from 2024-01-15 through 2024-02-14, not to 2024-02-15', () => {
    const inside = [...burst('2024-01-15', 29), { date: d('2024-02-14'), establishment: 'Plant A', sameDuties: true, involuntary: true }];
    expect(on().apply(req09NoMassSeparations, at('2025-06-10', { separations: inside }))).toBe('not-met');
    const outside = [...burst('2024-01-15', 29), { date: d('2024-02-15'), establishment: 'Plant A', sameDuties: true, involuntary: true }];
    expect(on().apply(req09NoMassSeparations, at('2025-06-10', { separations: outside }))).toBe('met');
  });
  it('req.9 on 2025-06-10: separations spread over two establishments, other duties or voluntary do not add up', () => {
    const split = [...burst('2024-03-01', 15, 'Plant A'), ...burst('2024-03-01', 15, 'Plant B')];
    expect(on().apply(req09NoMassSeparations, at('2025-06-10', { separations: split }))).toBe('met');
    const mixed = [...burst('2024-03-01', 29), { date: d('2024-03-05'), establishment: 'Plant A', sameDuties: false, involuntary: true }];
    expect(on().apply(req09NoMassSeparations, at('2025-06-10', { separations: mixed }))).toBe('met');
    const voluntary = burst('2024-03-01', 30).map((s) => ({ ...s, involuntary: false }));
    expect(on().apply(req09NoMassSeparations, at('2025-06-10', { separations: voluntary }))).toBe('met');
  });
  it('req.9: the 3-year look-back — a burst on 2022-06-10 counts for 2025-06-10, not for 2025-06-11', () => {
    const sameDay = Array.from({ length: 30 }, () => ({ date: d('2022-06-10'), establishment: 'Plant A', sameDuties: true, involuntary: true }));
    expect(on().apply(req09NoMassSeparations, at('2025-06-10', { separations: sameDay }))).toBe('not-met');
    expect(on().apply(req09NoMassSeparations, at('2025-06-11', { separations: sameDay }))).toBe('met');
  });
});
