import { describe, expect, it } from 'vitest';
import { Evaluator, NotInForce, legalDate } from '../core/index.js';
import { joinNotificationRequired, memberCategory, observerAdmission } from './art-002.js';

const on = (d: string) => new Evaluator(legalDate(d));

describe('council-operating-rules art.2', () => {
  it('2(1) on 2025-06-01: each kind of organisation maps to its category', () => {
    const e = on('2025-06-01');
    expect(e.apply(memberCategory, { kind: 'meti' })).toBe('i');
    expect(e.apply(memberCategory, { kind: 'agency-concerned' })).toBe('ii');
    expect(e.apply(memberCategory, { kind: 'ssw-employer' })).toBe('iii');
    expect(e.apply(memberCategory, { kind: 'supporting-body', endorsesPurposeAndCooperates: true })).toBe('iv');
    expect(e.apply(memberCategory, { kind: 'kokuji-registered-corporation' })).toBe('v');
    expect(e.apply(memberCategory, { kind: 'other' })).toBe('none');
    expect(e.steps[0]?.citation).toBe('council-operating-rules art.2(1)');
  });

  it('2(1)(iv) on 2025-06-01: a body that does not endorse the purpose is no member', () => {
    expect(on('2025-06-01').apply(memberCategory, { kind: 'supporting-body', endorsesPurposeAndCooperates: false })).toBe('none');
    expect(on('2025-06-01').apply(memberCategory, { kind: 'supporting-body' })).toBe('none');
  });

  it('2(1)(v) on 2025-05-25, 2025-05-26, 2025-05-27: category (v) exists from the 2025 amendment', () => {
    expect(on('2025-05-25').apply(memberCategory, { kind: 'kokuji-registered-corporation' })).toBe('none');
    expect(on('2025-05-26').apply(memberCategory, { kind: 'kokuji-registered-corporation' })).toBe('v');
    expect(on('2025-05-27').apply(memberCategory, { kind: 'kokuji-registered-corporation' })).toBe('v');
    expect(on('2025-05-25').apply(memberCategory, { kind: 'ssw-employer' })).toBe('iii');
  });

  it('2(1) on 2019-03-25, 2019-03-26, 2019-03-27: not in force before enactment, then in force', () => {
    expect(() => on('2019-03-25').apply(memberCategory, { kind: 'meti' })).toThrow(NotInForce);
    expect(on('2019-03-26').apply(memberCategory, { kind: 'meti' })).toBe('i');
    expect(on('2019-03-27').apply(memberCategory, { kind: 'ssw-employer' })).toBe('iii');
  });

  it('2(2) on 2025-06-01: observers are those the co-chairs admit', () => {
    expect(on('2025-06-01').apply(observerAdmission, { deemedNecessaryByCoChairs: true })).toBe('observer');
    expect(on('2025-06-01').apply(observerAdmission, { deemedNecessaryByCoChairs: false })).toBe('not-observer');
    expect(() => on('2019-03-25').apply(observerAdmission, { deemedNecessaryByCoChairs: true })).toThrow(NotInForce);
  });

  it('10(1) on 2025-06-01: only categories (iii) and (iv) file the join notification', () => {
    const e = on('2025-06-01');
    expect(e.apply(joinNotificationRequired, { category: 'iii' })).toBe('notification');
    expect(e.apply(joinNotificationRequired, { category: 'iv' })).toBe('notification');
    for (const category of ['i', 'ii', 'v'] as const) expect(e.apply(joinNotificationRequired, { category })).toBe('no-notification');
    expect(e.steps[0]?.citation).toBe('council-operating-rules art.10(1)');
  });

  it('10(1) on 2019-03-25, 2019-03-26, 2019-03-27: the notification route starts at enactment', () => {
    expect(() => on('2019-03-25').apply(joinNotificationRequired, { category: 'iii' })).toThrow(NotInForce);
    expect(on('2019-03-26').apply(joinNotificationRequired, { category: 'iii' })).toBe('notification');
    expect(on('2019-03-27').apply(joinNotificationRequired, { category: 'ii' })).toBe('no-notification');
  });
});
