import { describe, expect, it } from 'vitest';
import { NEEDS_REVIEW, NotInForce, determine } from '../../core/index.js';
import { councilExpulsionDetermination as expulsion } from './expulsion.js';
import { councilRenewalDetermination as renewal } from './renewal.js';
import { councilWithdrawalDetermination as withdrawal } from './withdrawal.js';

describe('council-withdrawal determination', () => {
  it('worked example on 2025-06-01: withdrawal without SSW workers is accepted', () => {
    expect(determine(withdrawal, withdrawal.example.facts, withdrawal.example.asOf).outcome).toBe('accept');
  });

  it('13(2) on 2025-06-01: barred while employing SSW workers, even if notified', () => {
    const d = determine(withdrawal, { notifiedOnPrescribedForm: true, sswEmployed: 3 }, '2025-06-01');
    expect(d.outcome).toBe('barred');
    expect(d.reasons[0]?.en).toContain('3');
  });

  it('13(1) on 2025-06-01: without the prescribed notification it is incomplete', () => {
    expect(determine(withdrawal, { notifiedOnPrescribedForm: false, sswEmployed: 0 }, '2025-06-01').outcome).toBe('incomplete');
  });
});

describe('council-expulsion determination', () => {
  it('worked example on 2025-06-01: no establishment left in the field is a ground under 14(1)(iv)', () => {
    const d = determine(expulsion, expulsion.example.facts, expulsion.example.asOf);
    expect(d.outcome).toBe('grounds_found');
    expect(d.trace[0]?.citation).toBe('council-operating-rules art.14(1)');
  });

  it('14(2) on 2025-06-01: reported conduct of a category (iv) member goes to review', () => {
    expect(determine(expulsion, { category: 'iv', unsuitableConductReported: true }, '2025-06-01').outcome).toBe(NEEDS_REVIEW);
    expect(determine(expulsion, { category: 'iv', unsuitableConductReported: false }, '2025-06-01').outcome).toBe('no_grounds');
  });

  it('14(3) on 2025-05-25 and 2025-05-26: category (v) grounds exist from the 2025 amendment', () => {
    const f = { category: 'v', kokujiArt10Applies: true, breachedArt3Para3: false, joinedByFraud: false };
    expect(() => determine(expulsion, f, '2025-05-25')).toThrow(NotInForce);
    expect(determine(expulsion, f, '2025-05-26').outcome).toBe('grounds_found');
  });
});

describe('council-renewal determination', () => {
  it('worked example on 2025-07-01: intent expressed before the deadline renews', () => {
    expect(determine(renewal, renewal.example.facts, renewal.example.asOf).outcome).toBe('renewed');
  });

  it('12(2) on 2025-06-30, 2025-07-01: silence lapses membership the day after the deadline', () => {
    const f = { category: 'iii', deadline: '2025-06-30', intentExpressedOn: null };
    expect(determine(renewal, f, '2025-06-30').outcome).toBe('pending');
    expect(determine(renewal, f, '2025-07-01').outcome).toBe('lapsed');
  });

  it('12(1) on 2025-07-01: category (iv) does not renew yearly', () => {
    expect(determine(renewal, { category: 'iv', deadline: '2025-06-30', intentExpressedOn: null }, '2025-07-01').outcome).toBe('not_applicable');
  });
});
