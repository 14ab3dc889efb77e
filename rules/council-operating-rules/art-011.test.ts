import { describe, expect, it } from 'vitest';
import { Evaluator, NotInForce, legalDate } from '../core/index.js';
import { categoryVChangeNotification, changeNotificationRequired } from './art-011.js';

const on = (d: string) => new Evaluator(legalDate(d));

describe('council-operating-rules art.11', () => {
  it('11(1) on 2025-06-01: categories (iii) and (iv) notify changes to notified items', () => {
    const e = on('2025-06-01');
    expect(e.apply(changeNotificationRequired, { category: 'iii', changesNotifiedItem: true })).toBe('notify-secretariat');
    expect(e.apply(changeNotificationRequired, { category: 'iv', changesNotifiedItem: true })).toBe('notify-secretariat');
    expect(e.apply(changeNotificationRequired, { category: 'iii', changesNotifiedItem: false })).toBe('not-required');
    expect(e.apply(changeNotificationRequired, { category: 'v', changesNotifiedItem: true })).toBe('not-required');
    expect(e.steps[0]?.citation).toBe('council-operating-rules art.11(1)');
  });

  it('11(1) on 2019-03-25, 2019-03-26, 2019-03-27: in force from enactment', () => {
    const f = { category: 'iii' as const, changesNotifiedItem: true };
    expect(() => on('2019-03-25').apply(changeNotificationRequired, f)).toThrow(NotInForce);
    expect(on('2019-03-26').apply(changeNotificationRequired, f)).toBe('notify-secretariat');
    expect(on('2019-03-27').apply(changeNotificationRequired, f)).toBe('notify-secretariat');
  });

  it('11(2) on 2025-06-01: category (v) tells the secretariat of a notice art.8 change', () => {
    const e = on('2025-06-01');
    expect(e.apply(categoryVChangeNotification, { category: 'v', filedKokujiArt8Change: true })).toBe('notify-secretariat');
    expect(e.apply(categoryVChangeNotification, { category: 'v', filedKokujiArt8Change: false })).toBe('not-required');
    expect(e.apply(categoryVChangeNotification, { category: 'iii', filedKokujiArt8Change: true })).toBe('not-required');
  });

  it('11(2) on 2025-05-25, 2025-05-26, 2025-05-27: in force from the 2025 amendment', () => {
    const f = { category: 'v' as const, filedKokujiArt8Change: true };
    expect(() => on('2025-05-25').apply(categoryVChangeNotification, f)).toThrow(NotInForce);
    expect(on('2025-05-26').apply(categoryVChangeNotification, f)).toBe('notify-secretariat');
    expect(on('2025-05-27').apply(categoryVChangeNotification, f)).toBe('notify-secretariat');
  });
});
