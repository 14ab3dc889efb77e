import { describe, expect, it } from 'vitest';
import { FactsInvalid, NEEDS_REVIEW, determine } from '../core/index.js';
import { corporateRelationDetermination as d } from './determination.js';

describe('corporate-relation determination', () => {
  it('runs its worked example on 2025-10-01: 45% with a board majority is a subsidiary', () => {
    const r = determine(d, d.example.facts, d.example.asOf);
    expect(r.outcome).toBe('subsidiary');
    expect(r.trace.map((s) => s.ruleId)).toEqual(['corporate-relations/art-008/subsidiary']);
    expect(r.reasons[0]?.en).toContain('45.00%');
  });

  it('8 on 2025-10-01: the same legal person needs no test', () => {
    const r = determine(d, { sameEntity: true, totalVotes: 1, votesHeldByA: 0 }, '2025-10-01');
    expect(r.outcome).toBe('same-entity');
    expect(r.trace).toHaveLength(0);
  });

  it('8(6)(i) on 2025-10-01: 30% with no indicators is an affiliate, after the subsidiary test fails', () => {
    const r = determine(d, { totalVotes: 100, votesHeldByA: 30 }, '2025-10-01');
    expect(r.outcome).toBe('affiliate');
    expect(r.trace.map((s) => s.outcome)).toEqual(['not-subsidiary', 'affiliate']);
  });

  it('8(4)(ii) on 2025-10-01: 45% with only (E) needs review and says B is at least an affiliate', () => {
    const r = determine(d, { totalVotes: 100, votesHeldByA: 45, subsidiaryIndicators: { otherControlFacts: true } }, '2025-10-01');
    expect(r.outcome).toBe(NEEDS_REVIEW);
    expect(r.reasons[1]?.en).toContain('at least an affiliate');
  });

  it('8(6)(ii) on 2025-10-01: 16% with only (E) needs review', () => {
    const r = determine(d, { totalVotes: 100, votesHeldByA: 16, affiliateIndicators: { otherInfluenceFacts: true } }, '2025-10-01');
    expect(r.outcome).toBe(NEEDS_REVIEW);
  });

  it('8 on 2025-10-01: 10% and nothing else is none, with both tests in the trace', () => {
    const r = determine(d, { totalVotes: 100, votesHeldByA: 10 }, '2025-10-01');
    expect(r.outcome).toBe('none');
    expect(r.reasons).toHaveLength(2);
  });

  it('rejects votes over the total, naming the fact', () => {
    try {
      determine(d, { totalVotes: 100, votesHeldByA: 60, votesHeldByCloseParties: 50 }, '2025-10-01');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(FactsInvalid);
      expect((err as FactsInvalid).issues[0]?.fact).toBe('votesHeldByCloseParties');
    }
  });

  it('rejects fractional votes and a missing total', () => {
    expect(() => determine(d, { totalVotes: 100, votesHeldByA: 50.5 }, '2025-10-01')).toThrow(FactsInvalid);
    expect(() => determine(d, { votesHeldByA: 50 }, '2025-10-01')).toThrow(FactsInvalid);
  });
});
