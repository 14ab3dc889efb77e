import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, NotInForce, legalDate } from '../core/index.js';
import { expulsionCategoryIv, expulsionGroundsCategoryIii, expulsionGroundsCategoryV, reportExpulsionToMoj } from './art-014.js';

const on = (d: string) => new Evaluator(legalDate(d));
const clean = { disqualifiedUnderOrdinance: false, breachedArt3Para1: false, joinedByFraud: false, establishmentsInField: [true] as (boolean | 'unknown')[] };

describe('council-operating-rules art.14', () => {
  it('14(1)(i)–(iii) on 2025-06-01: disqualification, breach of art.3(1) or fraud are grounds', () => {
    const e = on('2025-06-01');
    expect(e.apply(expulsionGroundsCategoryIii, clean)).toBe('no-ground');
    expect(e.apply(expulsionGroundsCategoryIii, { ...clean, disqualifiedUnderOrdinance: true })).toBe('grounds');
    expect(e.apply(expulsionGroundsCategoryIii, { ...clean, breachedArt3Para1: true, joinedByFraud: true })).toBe('grounds');
    expect(e.steps[2]?.used['grounds']).toEqual(['ii', 'iii']);
    expect(e.steps[0]?.citation).toBe('council-operating-rules art.14(1)');
  });

  it('14(1)(iv) on 2025-06-01: a ground only when every notified establishment has left the field', () => {
    const e = on('2025-06-01');
    expect(e.apply(expulsionGroundsCategoryIii, { ...clean, establishmentsInField: [false, false] })).toBe('grounds');
    expect(e.apply(expulsionGroundsCategoryIii, { ...clean, establishmentsInField: [false, true] })).toBe('no-ground');
    expect(e.apply(expulsionGroundsCategoryIii, { ...clean, establishmentsInField: [false, 'unknown'] })).toBe(NEEDS_REVIEW);
  });

  it('14(1) on 2019-03-25, 2019-03-26, 2019-03-27: in force from enactment', () => {
    expect(() => on('2019-03-25').apply(expulsionGroundsCategoryIii, clean)).toThrow(NotInForce);
    expect(on('2019-03-26').apply(expulsionGroundsCategoryIii, { ...clean, joinedByFraud: true })).toBe('grounds');
    expect(on('2019-03-27').apply(expulsionGroundsCategoryIii, clean)).toBe('no-ground');
  });

  it('14(2) on 2025-06-01: grossly unsuitable conduct of a category (iv) member is a judgement', () => {
    const e = on('2025-06-01');
    expect(e.apply(expulsionCategoryIv, { unsuitableConductReported: true })).toBe(NEEDS_REVIEW);
    expect(e.apply(expulsionCategoryIv, { unsuitableConductReported: false })).toBe('no-ground');
  });

  it('14(3) on 2025-06-01: grounds for the category (v) member', () => {
    const e = on('2025-06-01');
    const none = { kokujiArt10Applies: false, breachedArt3Para3: false, joinedByFraud: false };
    expect(e.apply(expulsionGroundsCategoryV, none)).toBe('no-ground');
    expect(e.apply(expulsionGroundsCategoryV, { ...none, kokujiArt10Applies: true })).toBe('grounds');
    expect(e.apply(expulsionGroundsCategoryV, { ...none, breachedArt3Para3: true })).toBe('grounds');
  });

  it('14(3) on 2025-05-25, 2025-05-26, 2025-05-27: in force from the 2025 amendment', () => {
    const f = { kokujiArt10Applies: false, breachedArt3Para3: false, joinedByFraud: true };
    expect(() => on('2025-05-25').apply(expulsionGroundsCategoryV, f)).toThrow(NotInForce);
    expect(on('2025-05-26').apply(expulsionGroundsCategoryV, f)).toBe('grounds');
    expect(on('2025-05-27').apply(expulsionGroundsCategoryV, f)).toBe('grounds');
  });

  it('14(4) on 2025-06-01: reporting to the Ministry of Justice is a judgement of "particularly necessary"', () => {
    const e = on('2025-06-01');
    expect(e.apply(reportExpulsionToMoj, { expelledUnder: '14(1)' })).toBe(NEEDS_REVIEW);
    expect(e.apply(reportExpulsionToMoj, { expelledUnder: '14(3)' })).toBe(NEEDS_REVIEW);
    expect(e.apply(reportExpulsionToMoj, { expelledUnder: '14(2)' })).toBe('not-applicable');
    expect(e.steps[0]?.citation).toBe('council-operating-rules art.14(4)');
  });

  it('14(4) on 2025-05-25, 2025-05-26, 2025-05-27: expulsions under 14(3) are covered from the 2025 amendment', () => {
    expect(on('2025-05-25').apply(reportExpulsionToMoj, { expelledUnder: '14(3)' })).toBe('not-applicable');
    expect(on('2025-05-25').apply(reportExpulsionToMoj, { expelledUnder: '14(1)' })).toBe(NEEDS_REVIEW);
    expect(on('2025-05-26').apply(reportExpulsionToMoj, { expelledUnder: '14(3)' })).toBe(NEEDS_REVIEW);
    expect(on('2025-05-27').apply(reportExpulsionToMoj, { expelledUnder: '14(3)' })).toBe(NEEDS_REVIEW);
    expect(() => on('2019-03-25').apply(reportExpulsionToMoj, { expelledUnder: '14(1)' })).toThrow(NotInForce);
    expect(on('2019-03-26').apply(reportExpulsionToMoj, { expelledUnder: '14(1)' })).toBe(NEEDS_REVIEW);
  });
});
