import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, NotInForce, addDays, daysBetween, legalDate } from '../core/index.js';
import {
  addOnMeasuresTaken,
  categoryVJoinPath,
  declarationAndPledgeGiven,
  joinNotificationComplete,
  refusalAfterJaimRegistration,
  refusalCategoryIvUnsuitable,
  refusalNotManufacturing,
  refusalRecentlyExpelled,
  rejoinBlockLiftedOn,
  type JoinNotificationFacts,
} from './art-010.js';

const on = (d: string) => new Evaluator(legalDate(d));
const d = (s: string) => legalDate(s);

const complete: JoinNotificationFacts = {
  category: 'iii',
  applicant: { nameGiven: true, addressGiven: true, isCorporation: true, representativeGiven: true },
  establishments: [{ addressGiven: true, jsicCodes: ['2464'] }],
  formItemsComplete: true,
};

describe('council-operating-rules art.10(1) join notification', () => {
  it('10(1) on 2025-06-01: a notification with every item is complete', () => {
    const e = on('2025-06-01');
    expect(e.apply(joinNotificationComplete, complete)).toBe('complete');
    expect(e.steps[0]?.citation).toBe('council-operating-rules art.10(1)');
  });

  it('10(1)(i) on 2025-06-01: a corporation must name its representative; an individual need not', () => {
    const e = on('2025-06-01');
    expect(e.apply(joinNotificationComplete, { ...complete, applicant: { ...complete.applicant, representativeGiven: false } })).toBe('incomplete');
    expect(e.steps[0]?.used['missing']).toEqual(['representative']);
    expect(e.apply(joinNotificationComplete, { ...complete, applicant: { ...complete.applicant, isCorporation: false, representativeGiven: false } })).toBe('complete');
  });

  it('10(1)(ii) on 2025-06-01: category (iii) must list establishments with address and industry', () => {
    const e = on('2025-06-01');
    expect(e.apply(joinNotificationComplete, { ...complete, establishments: [] })).toBe('incomplete');
    expect(e.apply(joinNotificationComplete, { ...complete, establishments: [{ addressGiven: false, jsicCodes: [] }] })).toBe('incomplete');
    expect(e.steps[1]?.used['missing']).toEqual(['establishment-address', 'establishment-industry']);
  });

  it('10(1) proviso on 2025-06-01: category (iv) need not list establishments', () => {
    expect(on('2025-06-01').apply(joinNotificationComplete, { ...complete, category: 'iv', establishments: [] })).toBe('complete');
  });

  it('10(1)(iii) on 2025-06-01: the form items must be filled in', () => {
    expect(on('2025-06-01').apply(joinNotificationComplete, { ...complete, formItemsComplete: false })).toBe('incomplete');
  });

  it('10(1) on 2019-03-25, 2019-03-26, 2019-03-27: in force from enactment', () => {
    expect(() => on('2019-03-25').apply(joinNotificationComplete, complete)).toThrow(NotInForce);
    expect(on('2019-03-26').apply(joinNotificationComplete, complete)).toBe('complete');
    expect(on('2019-03-27').apply(joinNotificationComplete, complete)).toBe('complete');
  });
});

describe('council-operating-rules art.10(2)(3)', () => {
  it('10(2) on 2025-06-01: category (iii) files the declaration and the pledge', () => {
    const e = on('2025-06-01');
    expect(e.apply(declarationAndPledgeGiven, { category: 'iii', nonDisqualificationDeclared: true, pledgeGiven: true })).toBe('given');
    expect(e.apply(declarationAndPledgeGiven, { category: 'iii', nonDisqualificationDeclared: false, pledgeGiven: true })).toBe('missing');
    expect(e.apply(declarationAndPledgeGiven, { category: 'iii', nonDisqualificationDeclared: true, pledgeGiven: false })).toBe('missing');
    expect(e.apply(declarationAndPledgeGiven, { category: 'iv', nonDisqualificationDeclared: false, pledgeGiven: false })).toBe('not-applicable');
    expect(e.steps[0]?.citations.map((c) => c.document)).toContain('ssw-standards-ordinance');
  });

  it('10(3) on 2025-06-01: an establishment in printing (1511) needs the agreed measures', () => {
    const e = on('2025-06-01');
    const est = (addOn: boolean) => [{ jsicCodes: ['2464'], addOnMeasuresTaken: false }, { jsicCodes: ['1511'], addOnMeasuresTaken: addOn }];
    expect(e.apply(addOnMeasuresTaken, { category: 'iii', establishments: est(true) })).toBe('taken');
    expect(e.apply(addOnMeasuresTaken, { category: 'iii', establishments: est(false) })).toBe('not-taken');
    expect(e.apply(addOnMeasuresTaken, { category: 'iii', establishments: [{ jsicCodes: ['2464'], addOnMeasuresTaken: false }] })).toBe('not-applicable');
    expect(e.apply(addOnMeasuresTaken, { category: 'iv', establishments: est(false) })).toBe('not-applicable');
  });

  it('10(3) on 2024-09-29, 2024-09-30, 2024-10-01: applied from the 2024-09-30 amendment', () => {
    const f = { category: 'iii' as const, establishments: [{ jsicCodes: ['484'], addOnMeasuresTaken: false }] };
    expect(() => on('2024-09-29').apply(addOnMeasuresTaken, f)).toThrow(NotInForce);
    expect(on('2024-09-30').apply(addOnMeasuresTaken, f)).toBe('not-taken');
    expect(on('2024-10-01').apply(addOnMeasuresTaken, f)).toBe('not-taken');
  });
});

describe('council-operating-rules art.10(4)(i) not manufacturing', () => {
  it('10(4)(i) on 2025-06-01: refused when an establishment is outside the field or shipped nothing in the last year', () => {
    const e = on('2025-06-01');
    expect(e.apply(refusalNotManufacturing, { establishments: [{ inManufacturingField: true, shippedInLastYear: true }] })).toBe('no-ground');
    expect(e.apply(refusalNotManufacturing, { establishments: [{ inManufacturingField: true, shippedInLastYear: true }, { inManufacturingField: false, shippedInLastYear: true }] })).toBe('refuse');
    expect(e.apply(refusalNotManufacturing, { establishments: [{ inManufacturingField: true, shippedInLastYear: false }] })).toBe('refuse');
    expect(e.steps[0]?.citation).toBe('council-operating-rules art.10(4)(i)');
  });

  it('10(4)(i) on 2025-06-01: an unknown field or shipment goes to review, never a silent yes', () => {
    const e = on('2025-06-01');
    expect(e.apply(refusalNotManufacturing, { establishments: [{ inManufacturingField: 'unknown', shippedInLastYear: true }] })).toBe(NEEDS_REVIEW);
    expect(e.apply(refusalNotManufacturing, { establishments: [{ inManufacturingField: true, shippedInLastYear: 'unknown' }] })).toBe(NEEDS_REVIEW);
    // a certain refusal wins over an unknown
    expect(e.apply(refusalNotManufacturing, { establishments: [{ inManufacturingField: 'unknown', shippedInLastYear: true }, { inManufacturingField: false, shippedInLastYear: true }] })).toBe('refuse');
  });
});

describe('council-operating-rules art.10(4)(ii) within a year of expulsion', () => {
  it('rejoinBlockLiftedOn: a year counted from the day after the expulsion', () => {
    expect(rejoinBlockLiftedOn(d('2025-04-10'))).toBe('2026-04-11');
    expect(rejoinBlockLiftedOn(d('2024-02-29'))).toBe('2025-03-01');
    expect(rejoinBlockLiftedOn(d('2023-02-28'))).toBe('2024-03-01'); // year ends 2024-02-29
    expect(rejoinBlockLiftedOn(d('2024-02-28'))).toBe('2025-03-01'); // no 2025-02-29: ends on 2025-02-28
    expect(rejoinBlockLiftedOn(d('2024-12-31'))).toBe('2026-01-01');
  });

  it('rejoinBlockLiftedOn: always 366 or 367 days after the expulsion (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (n) => {
        const expelled = addDays(d('2000-01-01'), n);
        const days = daysBetween(expelled, rejoinBlockLiftedOn(expelled));
        return days === 366 || days === 367;
      }),
    );
  });

  const expelled = (date: string, ground: 'i' | 'ii' | 'iii' | 'iv' = 'ii') => ({ date: d(date), ground });

  it('10(4)(ii) on 2025-06-01: refused within a year of expulsion', () => {
    const e = on('2025-06-01');
    expect(e.apply(refusalRecentlyExpelled, { lastExpulsion: expelled('2025-01-15'), notificationDate: d('2025-06-01') })).toBe('refuse');
    expect(e.steps[0]?.used['blockLiftedOn']).toBe('2026-01-16');
    expect(e.steps[0]?.citation).toBe('council-operating-rules art.10(4)(ii)');
  });

  it('10(4)(ii) on 2025-04-10, 2025-04-11, 2025-04-12: expelled 2024-04-10, the block lifts on 2025-04-11', () => {
    const f = (n: string) => ({ lastExpulsion: expelled('2024-04-10', 'i'), notificationDate: d(n) });
    expect(on('2025-04-10').apply(refusalRecentlyExpelled, f('2025-04-10'))).toBe('refuse');
    expect(on('2025-04-11').apply(refusalRecentlyExpelled, f('2025-04-11'))).toBe('no-ground');
    expect(on('2025-04-12').apply(refusalRecentlyExpelled, f('2025-04-12'))).toBe('no-ground');
  });

  it('10(4)(ii) on 2025-06-01: expulsion under 14(1)(iv) does not block; no expulsion, no ground', () => {
    const e = on('2025-06-01');
    expect(e.apply(refusalRecentlyExpelled, { lastExpulsion: expelled('2025-05-01', 'iv'), notificationDate: d('2025-06-01') })).toBe('no-ground');
    expect(e.apply(refusalRecentlyExpelled, { lastExpulsion: null, notificationDate: d('2025-06-01') })).toBe('no-ground');
  });
});

describe('council-operating-rules art.10(4)(iii) after the category (v) registration', () => {
  const at = (n: string) => ({ notificationDate: d(n) });

  it('10(4)(iii) on 2025-06-24, 2025-06-25, 2025-06-26: notifications from the registration day (2025-06-25) are refused', () => {
    expect(on('2025-06-24').apply(refusalAfterJaimRegistration, at('2025-06-24'))).toBe('no-ground');
    expect(on('2025-06-25').apply(refusalAfterJaimRegistration, at('2025-06-25'))).toBe('refuse');
    expect(on('2025-06-26').apply(refusalAfterJaimRegistration, at('2025-06-26'))).toBe('refuse');
  });

  it('10(4)(iii): the registration date parameter is marked secondary in the trace', () => {
    const e = on('2025-07-01');
    e.apply(refusalAfterJaimRegistration, at('2025-07-01'));
    expect(e.steps[0]?.parameters[0]).toMatchObject({ value: '2025-06-25', status: 'secondary' });
    expect(e.steps[0]?.citation).toBe('council-operating-rules art.10(4)(iii)');
  });

  it('10(4)(iii) on 2025-05-25, 2025-05-26, 2025-05-27: in force from the 2025 amendment', () => {
    expect(() => on('2025-05-25').apply(refusalAfterJaimRegistration, at('2025-05-25'))).toThrow(NotInForce);
    expect(on('2025-05-26').apply(refusalAfterJaimRegistration, at('2025-05-26'))).toBe('no-ground');
    expect(on('2025-05-27').apply(refusalAfterJaimRegistration, at('2025-05-27'))).toBe('no-ground');
  });
});

describe('council-operating-rules art.10(5)(6)', () => {
  it('10(5) on 2025-06-01: whether a category (iv) notifier is grossly unsuitable is a judgement', () => {
    const e = on('2025-06-01');
    expect(e.apply(refusalCategoryIvUnsuitable, { category: 'iv' })).toBe(NEEDS_REVIEW);
    expect(e.steps[0]?.message.ja).toContain('著しく適当でない');
    expect(e.apply(refusalCategoryIvUnsuitable, { category: 'iii' })).toBe('not-applicable');
  });

  it('10(6) on 2025-06-01: category (v) is a member once registered under notice art.4(1)', () => {
    const e = on('2025-06-01');
    expect(e.apply(categoryVJoinPath, { category: 'v', registeredUnderKokujiArt4: true })).toBe('member-by-registration');
    expect(e.apply(categoryVJoinPath, { category: 'v', registeredUnderKokujiArt4: false })).toBe('registration-needed');
    expect(e.apply(categoryVJoinPath, { category: 'iii', registeredUnderKokujiArt4: false })).toBe('not-applicable');
  });

  it('10(6) on 2025-05-25, 2025-05-26, 2025-05-27: in force from the 2025 amendment', () => {
    const f = { category: 'v' as const, registeredUnderKokujiArt4: true };
    expect(() => on('2025-05-25').apply(categoryVJoinPath, f)).toThrow(NotInForce);
    expect(on('2025-05-26').apply(categoryVJoinPath, f)).toBe('member-by-registration');
    expect(on('2025-05-27').apply(categoryVJoinPath, f)).toBe('member-by-registration');
  });
});

