import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, NotInForce, legalDate } from '../core/index.js';
import {
  type CorporateRelationFacts,
  NO_AFFILIATE_INDICATORS,
  NO_SUBSIDIARY_INDICATORS,
  affiliateTest,
  factsFromBasisPoints,
  shareLabel,
  subsidiaryTest,
} from './art-008.js';

const ON = legalDate('2025-10-01');
const sub = (f: CorporateRelationFacts) => new Evaluator(ON).apply(subsidiaryTest, f);
const aff = (f: CorporateRelationFacts) => new Evaluator(ON).apply(affiliateTest, f);
const board = { ...NO_SUBSIDIARY_INDICATORS, boardMajority: true };
const otherControl = { ...NO_SUBSIDIARY_INDICATORS, otherControlFacts: true };
const director = { ...NO_AFFILIATE_INDICATORS, officerAsDirector: true };
const otherInfluence = { ...NO_AFFILIATE_INDICATORS, otherInfluenceFacts: true };

describe('financial-statements-regulation art.8(3)/(4): subsidiary', () => {
  it('8(4)(i) on 2025-10-01: 50.01% of the votes makes a subsidiary, citing art.8(3) as secondary', () => {
    const e = new Evaluator(ON);
    expect(e.apply(subsidiaryTest, factsFromBasisPoints(5001))).toBe('subsidiary');
    expect(e.steps[0]?.citation).toBe('financial-statements-regulation art.8(3)');
    expect(e.steps[0]?.citations.map((c) => c.confidence ?? 'confirmed')).toEqual(['secondary', 'secondary', 'confirmed']);
    expect(e.steps[0]?.citations[2]?.document).toBe('manufacturing-activity-plan-guide');
  });

  it('8(4)(i) on 2025-10-01: exactly 50% is not a majority; without indicators no subsidiary', () => {
    expect(sub(factsFromBasisPoints(5000))).toBe('not-subsidiary');
  });

  it('8(4)(i) on 2025-10-01: one vote over half of an odd total is a majority, exactly half of an even total is not', () => {
    const base = factsFromBasisPoints(0);
    expect(sub({ ...base, totalVotes: 3, votesHeldByA: 2 })).toBe('subsidiary');
    expect(sub({ ...base, totalVotes: 2_000_000, votesHeldByA: 1_000_000 })).toBe('not-subsidiary');
    expect(sub({ ...base, totalVotes: 2_000_000, votesHeldByA: 1_000_001 })).toBe('subsidiary');
  });

  it('8(4)(ii) on 2025-10-01: exactly 50% with a board majority (B) is a subsidiary', () => {
    expect(sub(factsFromBasisPoints(5000, 0, { subsidiaryIndicators: board }))).toBe('subsidiary');
  });

  it('8(4)(ii) on 2025-10-01: exactly 40% with a control contract (C) is a subsidiary; 39.99% is not', () => {
    const contract = { ...NO_SUBSIDIARY_INDICATORS, controlContract: true };
    expect(sub(factsFromBasisPoints(4000, 0, { subsidiaryIndicators: contract }))).toBe('subsidiary');
    expect(sub(factsFromBasisPoints(3999, 0, { subsidiaryIndicators: contract }))).toBe('not-subsidiary');
  });

  it('8(4)(ii) on 2025-10-01: 40% with close parties bringing the total over half (A) is a subsidiary; exactly half is not', () => {
    expect(sub(factsFromBasisPoints(4000, 1001))).toBe('subsidiary');
    expect(sub(factsFromBasisPoints(4000, 1000))).toBe('not-subsidiary');
  });

  it('8(4)(ii) on 2025-10-01: 40% with majority financing (D) is a subsidiary', () => {
    expect(sub(factsFromBasisPoints(4500, 0, { subsidiaryIndicators: { ...NO_SUBSIDIARY_INDICATORS, majorityFinancing: true } }))).toBe('subsidiary');
  });

  it('8(4)(ii) on 2025-10-01: 40–50% with only (E) other control facts needs review', () => {
    const e = new Evaluator(ON);
    const out = e.applyFull(subsidiaryTest, factsFromBasisPoints(4500, 0, { subsidiaryIndicators: otherControl }));
    expect(out.outcome).toBe(NEEDS_REVIEW);
    expect(out.message.ja).toContain('(E)');
    expect(out.message.en).toContain('judgement');
  });

  it('8(4)(iii) on 2025-10-01: 10% own + 41% close parties (joint majority) with a board majority is a subsidiary', () => {
    expect(sub(factsFromBasisPoints(1000, 4100, { subsidiaryIndicators: board }))).toBe('subsidiary');
  });

  it('8(4)(iii) on 2025-10-01: a joint majority alone, without (B)–(E), is not enough below 40%', () => {
    expect(sub(factsFromBasisPoints(1000, 4100))).toBe('not-subsidiary');
  });

  it('8(4)(iii) on 2025-10-01: a joint majority with only (E) needs review; a joint exact half with (E) does not qualify', () => {
    expect(sub(factsFromBasisPoints(1000, 4100, { subsidiaryIndicators: otherControl }))).toBe(NEEDS_REVIEW);
    expect(sub(factsFromBasisPoints(1000, 4000, { subsidiaryIndicators: otherControl }))).toBe('not-subsidiary');
  });

  it('8(4) on 2025-10-01: below 40% with (E) and no joint majority is plainly not a subsidiary', () => {
    expect(sub(factsFromBasisPoints(3999, 0, { subsidiaryIndicators: otherControl }))).toBe('not-subsidiary');
  });
});

describe('financial-statements-regulation art.8(5)/(6): affiliate', () => {
  it('8(6)(i) on 2025-10-01: exactly 20% makes an affiliate, citing art.8(5)', () => {
    const e = new Evaluator(ON);
    expect(e.apply(affiliateTest, factsFromBasisPoints(2000))).toBe('affiliate');
    expect(e.steps[0]?.citation).toBe('financial-statements-regulation art.8(5)');
  });

  it('8(6)(i) on 2025-10-01: 19.99% without indicators is not an affiliate', () => {
    expect(aff(factsFromBasisPoints(1999))).toBe('not-affiliate');
  });

  it('8(6)(ii) on 2025-10-01: 19.99% and exactly 15% with a director from A are affiliates; 14.99% is not', () => {
    expect(aff(factsFromBasisPoints(1999, 0, { affiliateIndicators: director }))).toBe('affiliate');
    expect(aff(factsFromBasisPoints(1500, 0, { affiliateIndicators: director }))).toBe('affiliate');
    expect(aff(factsFromBasisPoints(1499, 0, { affiliateIndicators: director }))).toBe('not-affiliate');
  });

  it('8(6)(ii) on 2025-10-01: each of (B) financing, (C) technology, (D) transactions suffices at 15%', () => {
    for (const k of ['significantFinancing', 'significantTechnology', 'significantTransactions'] as const) {
      expect(aff(factsFromBasisPoints(1500, 0, { affiliateIndicators: { ...NO_AFFILIATE_INDICATORS, [k]: true } }))).toBe('affiliate');
    }
  });

  it('8(6)(ii) on 2025-10-01: 15–20% with only (E) needs review', () => {
    expect(aff(factsFromBasisPoints(1700, 0, { affiliateIndicators: otherInfluence }))).toBe(NEEDS_REVIEW);
  });

  it('8(6)(iii) on 2025-10-01: 5% own + 15% close parties (exactly 20%) with an indicator is an affiliate; 19.99% jointly is not', () => {
    expect(aff(factsFromBasisPoints(500, 1500, { affiliateIndicators: director }))).toBe('affiliate');
    expect(aff(factsFromBasisPoints(500, 1499, { affiliateIndicators: director }))).toBe('not-affiliate');
    expect(aff(factsFromBasisPoints(0, 2000, { affiliateIndicators: otherInfluence }))).toBe(NEEDS_REVIEW);
  });

  it('8(6)(iv) on 2025-10-01: a joint-control contract makes an affiliate whatever the share', () => {
    expect(aff(factsFromBasisPoints(0, 0, { jointControlContract: true }))).toBe('affiliate');
  });

  it('8(6) on 2025-10-01: 14.99% with (E) and no joint 20% is plainly not an affiliate', () => {
    expect(aff(factsFromBasisPoints(1499, 0, { affiliateIndicators: otherInfluence }))).toBe('not-affiliate');
  });
});

describe('art.8 period', () => {
  it('before the control criteria applied (1999-03-31) the tests are not in force; on 1999-04-01 and 1999-04-02 they apply', () => {
    expect(() => new Evaluator(legalDate('1999-03-31')).apply(subsidiaryTest, factsFromBasisPoints(6000))).toThrow(NotInForce);
    expect(() => new Evaluator(legalDate('1999-03-31')).apply(affiliateTest, factsFromBasisPoints(6000))).toThrow(NotInForce);
    for (const d of ['1999-04-01', '1999-04-02']) {
      expect(new Evaluator(legalDate(d)).apply(subsidiaryTest, factsFromBasisPoints(6000))).toBe('subsidiary');
      expect(new Evaluator(legalDate(d)).apply(affiliateTest, factsFromBasisPoints(2000))).toBe('affiliate');
    }
  });
});

describe('art.8 properties', () => {
  const subInd = fc.record({ boardMajority: fc.boolean(), controlContract: fc.boolean(), majorityFinancing: fc.boolean(), otherControlFacts: fc.boolean() });
  const affInd = fc.record({
    officerAsDirector: fc.boolean(),
    significantFinancing: fc.boolean(),
    significantTechnology: fc.boolean(),
    significantTransactions: fc.boolean(),
    otherInfluenceFacts: fc.boolean(),
  });
  const scenario = fc
    .record({ total: fc.integer({ min: 1, max: 1_000_000_000 }), a: fc.nat(), b: fc.nat(), c: fc.nat(), subInd, affInd, joint: fc.boolean() })
    .map(({ total, a, b, c, subInd, affInd, joint }) => {
      const own = a % (total + 1);
      const more = own + (b % (total - own + 1));
      const close = c % (total - more + 1);
      const f = (votesHeldByA: number): CorporateRelationFacts => ({
        sameEntity: false,
        totalVotes: total,
        votesHeldByA,
        votesHeldByCloseParties: close,
        subsidiaryIndicators: subInd,
        affiliateIndicators: affInd,
        jointControlContract: joint,
      });
      return { less: f(own), more: f(more) };
    });
  const rank = { 'not-subsidiary': 0, needs_review: 1, subsidiary: 2 } as const;
  const rankA = { 'not-affiliate': 0, needs_review: 1, affiliate: 2 } as const;

  it('monotonic: more votes for A never turn a subsidiary into a non-subsidiary (nor lower the outcome)', () => {
    fc.assert(
      fc.property(scenario, ({ less, more }) => {
        expect(rank[sub(more)]).toBeGreaterThanOrEqual(rank[sub(less)]);
      }),
      { numRuns: 2000 },
    );
  });

  it('monotonic: more votes for A never turn an affiliate into a non-affiliate', () => {
    fc.assert(
      fc.property(scenario, ({ less, more }) => {
        expect(rankA[aff(more)]).toBeGreaterThanOrEqual(rankA[aff(less)]);
      }),
      { numRuns: 2000 },
    );
  });

  it('a subsidiary by votes alone (>50%) is also an affiliate-level holding (≥20%)', () => {
    fc.assert(
      fc.property(scenario, ({ more }) => {
        const bare = { ...more, subsidiaryIndicators: NO_SUBSIDIARY_INDICATORS, affiliateIndicators: NO_AFFILIATE_INDICATORS, jointControlContract: false };
        if (sub(bare) === 'subsidiary') expect(aff(bare)).toBe('affiliate');
      }),
    );
  });

  it('share labels are computed in integers: 1/3 shows 33.33%, 2/3 shows 66.66% (floored)', () => {
    expect(shareLabel(1, 3)).toBe('33.33%');
    expect(shareLabel(2, 3)).toBe('66.66%');
    expect(shareLabel(5000, 10000)).toBe('50.00%');
  });
});
