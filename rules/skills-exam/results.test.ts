import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Evaluator, NotInForce, legalDate } from '../core/index.js';
import { overallResult, partResult } from './results.js';

const on = (d: string) => new Evaluator(legalDate(d));

describe('skills-exam results', () => {
  it('pass-criteria level (i) on 2026-02-15: written 65 passes, 64 fails; practical 60 passes, 59 fails', () => {
    const e = on('2026-02-15');
    expect(e.apply(partResult, { level: 'i', part: 'written', score: 65 })).toBe('pass');
    expect(e.apply(partResult, { level: 'i', part: 'written', score: 64 })).toBe('fail');
    expect(e.apply(partResult, { level: 'i', part: 'practical', score: 60 })).toBe('pass');
    expect(e.apply(partResult, { level: 'i', part: 'practical', score: 59 })).toBe('fail');
    expect(e.steps[0]?.citation).toBe('exam-implementation-guidelines pass-criteria');
    expect(e.steps[0]?.parameters[0]).toMatchObject({ id: 'skills-exam/pass-marks-level-i', status: 'secondary' });
  });

  it('pass-criteria level (ii) on 2023-08-30, 2023-08-31, 2023-09-01: 60 % applies from the level (ii) start', () => {
    expect(() => on('2023-08-30').apply(partResult, { level: 'ii', part: 'practical', score: 60 })).toThrow(NotInForce);
    expect(on('2023-08-31').apply(partResult, { level: 'ii', part: 'practical', score: 60 })).toBe('pass');
    expect(on('2023-09-01').apply(partResult, { level: 'ii', part: 'practical', score: 59 })).toBe('fail');
  });

  it('pass-criteria on 2019-03-31, 2019-04-01, 2019-04-02: level (i) marks in force from the SSW start', () => {
    expect(() => on('2019-03-31').apply(partResult, { level: 'i', part: 'written', score: 90 })).toThrow(NotInForce);
    expect(on('2019-04-01').apply(partResult, { level: 'i', part: 'written', score: 90 })).toBe('pass');
    expect(on('2019-04-02').apply(partResult, { level: 'i', part: 'written', score: 10 })).toBe('fail');
  });

  it('pass-criteria (property) on 2026-02-15: a part passes exactly at or above its mark', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (score) => {
        const e = on('2026-02-15');
        expect(e.apply(partResult, { level: 'i', part: 'written', score })).toBe(score >= 65 ? 'pass' : 'fail');
        expect(e.apply(partResult, { level: 'i', part: 'practical', score })).toBe(score >= 60 ? 'pass' : 'fail');
      }),
    );
  });

  it('overall level (i) on 2026-02-15: both parts must pass', () => {
    const e = on('2026-02-15');
    expect(e.apply(overallResult, { level: 'i', parts: { written: 'pass', practical: 'pass' } })).toBe('pass');
    expect(e.apply(overallResult, { level: 'i', parts: { written: 'pass', practical: 'fail' } })).toBe('fail');
    expect(e.apply(overallResult, { level: 'i', parts: { written: 'fail' } })).toBe('fail');
    expect(e.apply(overallResult, { level: 'i', parts: { written: 'pass' } })).toBe('incomplete');
    expect(e.apply(overallResult, { level: 'i', parts: {} })).toBe('incomplete');
  });

  it('overall level (ii) on 2023-08-30, 2023-08-31, 2023-09-01: practical only from the level (ii) start', () => {
    expect(on('2023-08-30').apply(overallResult, { level: 'ii', parts: { practical: 'pass' } })).toBe('incomplete');
    expect(on('2023-08-31').apply(overallResult, { level: 'ii', parts: { practical: 'pass' } })).toBe('pass');
    expect(on('2023-09-01').apply(overallResult, { level: 'ii', parts: { practical: 'fail' } })).toBe('fail');
  });
});
