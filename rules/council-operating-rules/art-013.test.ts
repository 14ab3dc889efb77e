import { describe, expect, it } from 'vitest';
import { Evaluator, NotInForce, legalDate } from '../core/index.js';
import { withdrawalBarredWhileEmploying, withdrawalNotification } from './art-013.js';

describe('council-operating-rules art.13', () => {
  it('13(2) on 2025-06-01: withdrawal is barred while 2 SSW workers are employed', () => {
    const e = new Evaluator(legalDate('2025-06-01'));
    expect(e.apply(withdrawalBarredWhileEmploying, { sswEmployed: 2 })).toBe('barred');
    expect(e.steps[0]?.citation).toBe('council-operating-rules art.13(2)');
  });

  it('13(1) on 2025-06-01: withdrawal is allowed when no SSW worker is employed', () => {
    const e = new Evaluator(legalDate('2025-06-01'));
    expect(e.apply(withdrawalBarredWhileEmploying, { sswEmployed: 0 })).toBe('allowed');
  });

  it('before the rules were enacted (2019-03-25) the rule is not in force and says so', () => {
    const e = new Evaluator(legalDate('2019-03-25'));
    expect(() => e.apply(withdrawalBarredWhileEmploying, { sswEmployed: 0 })).toThrow(NotInForce);
  });

  it('on the day of enactment (2019-03-26) and the day after it applies', () => {
    for (const d of ['2019-03-26', '2019-03-27']) {
      expect(new Evaluator(legalDate(d)).apply(withdrawalBarredWhileEmploying, { sswEmployed: 1 })).toBe('barred');
    }
  });

  it('13(1) on 2025-06-01: withdrawal is made by notifying on the prescribed form', () => {
    const e = new Evaluator(legalDate('2025-06-01'));
    expect(e.apply(withdrawalNotification, { notifiedOnPrescribedForm: true })).toBe('notified');
    expect(e.apply(withdrawalNotification, { notifiedOnPrescribedForm: false })).toBe('not-notified');
    expect(e.steps[0]?.citation).toBe('council-operating-rules art.13(1)');
  });

  it('13(1) on 2019-03-25, 2019-03-26, 2019-03-27: in force from enactment', () => {
    expect(() => new Evaluator(legalDate('2019-03-25')).apply(withdrawalNotification, { notifiedOnPrescribedForm: true })).toThrow(NotInForce);
    expect(new Evaluator(legalDate('2019-03-26')).apply(withdrawalNotification, { notifiedOnPrescribedForm: true })).toBe('notified');
    expect(new Evaluator(legalDate('2019-03-27')).apply(withdrawalNotification, { notifiedOnPrescribedForm: true })).toBe('notified');
  });
});
