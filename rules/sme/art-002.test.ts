import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Evaluator, NotInForce, legalDate, parameterAt } from '../core/index.js';
import { capitalTest, manufacturingSmeThresholds, otherSectorSmeThresholds } from './art-002.js';

const ON = legalDate('2025-09-01');

describe('sme-basic-act art.2(1)(i): capital criterion', () => {
  it('2(1)(i) on 2025-09-01: exactly ¥300,000,000 is within the limit', () => {
    const e = new Evaluator(ON);
    expect(e.apply(capitalTest, { capitalYen: 300_000_000 })).toBe('met');
    expect(e.steps[0]?.citation).toBe('sme-basic-act art.2(1)(i)');
    expect(e.steps[0]?.parameters[0]).toMatchObject({ id: 'sme/manufacturing-thresholds', status: 'official' });
  });

  it('2(1)(i) on 2025-09-01: ¥300,000,001 exceeds the limit', () => {
    expect(new Evaluator(ON).apply(capitalTest, { capitalYen: 300_000_001 })).toBe('not-met');
  });

  it('2(1)(i) on 2025-09-01: an individual without capital is judged by employees only', () => {
    expect(new Evaluator(ON).apply(capitalTest, { capitalYen: null })).toBe('not-applicable');
  });

  it('2(1)(i) before the 1999 thresholds (1999-12-02) is not in force; on 1999-12-03 and 1999-12-04 it applies', () => {
    expect(() => new Evaluator(legalDate('1999-12-02')).apply(capitalTest, { capitalYen: 1 })).toThrow(NotInForce);
    for (const d of ['1999-12-03', '1999-12-04']) expect(new Evaluator(legalDate(d)).apply(capitalTest, { capitalYen: 1 })).toBe('met');
  });

  it('other sectors\' thresholds are kept, marked uncertain and unused by JAIM', () => {
    const v = parameterAt(otherSectorSmeThresholds, ON);
    expect(v.status).toBe('uncertain');
    expect(v.note).toContain('Unused by JAIM');
    expect(v.value.find((s) => s.sectorEn === 'Services')).toMatchObject({ capitalMaxYen: 50_000_000, employeesMax: 100 });
    expect(parameterAt(manufacturingSmeThresholds, ON).value).toEqual({ capitalMaxYen: 300_000_000, employeesMax: 300 });
  });

  it('property: the capital test is met exactly when capital ≤ ¥300M', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (capitalYen) => {
        expect(new Evaluator(ON).apply(capitalTest, { capitalYen }) === 'met').toBe(capitalYen <= 300_000_000);
      }),
    );
  });
});
