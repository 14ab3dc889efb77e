import { describe, expect, it } from 'vitest';
import { Evaluator, NotInForce, legalDate } from '../core/index.js';
import { reportViolationToAgencies } from './art-015.js';

const on = (d: string) => new Evaluator(legalDate(d));

describe('council-operating-rules art.15', () => {
  it('15 on 2025-06-01: a breach found in council work is passed to the agencies concerned', () => {
    const e = on('2025-06-01');
    expect(e.apply(reportViolationToAgencies, { violationFound: true })).toBe('inform-agencies');
    expect(e.apply(reportViolationToAgencies, { violationFound: false })).toBe('nothing-to-report');
    expect(e.steps[0]?.citation).toBe('council-operating-rules art.15');
  });

  it('15 on 2019-03-25, 2019-03-26, 2019-03-27: in force from enactment', () => {
    expect(() => on('2019-03-25').apply(reportViolationToAgencies, { violationFound: true })).toThrow(NotInForce);
    expect(on('2019-03-26').apply(reportViolationToAgencies, { violationFound: true })).toBe('inform-agencies');
    expect(on('2019-03-27').apply(reportViolationToAgencies, { violationFound: true })).toBe('inform-agencies');
  });
});
