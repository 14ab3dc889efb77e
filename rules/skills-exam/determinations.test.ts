import { describe, expect, it } from 'vitest';
import { FactsInvalid, determine } from '../core/index.js';
import { examEligibilityDetermination, examResultDetermination } from './determinations.js';
import type { CandidateMessage } from './messages.js';

describe('exam-eligibility determination', () => {
  it('the worked example (2026-02-15, Vietnamese, 18, machining level (i)) is eligible', () => {
    const d = determine(examEligibilityDetermination, examEligibilityDetermination.example.facts, examEligibilityDetermination.example.asOf);
    expect(d.outcome).toBe('eligible');
    expect(d.trace.map((s) => s.ruleId)).toEqual(['skills-exam/eligibility/category-offered', 'skills-exam/eligibility/candidate']);
  });

  it('on 2026-02-15: a 17-year-old Indonesian is refused with the reason in all four languages', () => {
    const d = determine(examEligibilityDetermination, { level: 'i', category: 'housei', birthDate: '2008-06-01', nationality: 'ID' }, '2026-02-15');
    expect(d.outcome).toBe('under_minimum_age');
    const m = d.reasons[0] as CandidateMessage;
    expect(m.en).toContain('18');
    expect(m.messages?.vi).toContain('18');
    expect(m.messages?.id).toContain('18');
  });

  it('on 2026-02-15: a level (ii) registration for sewing is refused because the category is not offered', () => {
    const d = determine(examEligibilityDetermination, { level: 'ii', category: 'housei', birthDate: '1990-06-01', nationality: 'VN' }, '2026-02-15');
    expect(d.outcome).toBe('category_not_offered');
    expect(d.trace).toHaveLength(1);
  });

  it('on 2026-02-15: a Japanese national is refused', () => {
    expect(determine(examEligibilityDetermination, { level: 'i', category: 'rpf', birthDate: '1990-06-01', nationality: 'JP' }, '2026-02-15').outcome).toBe('japanese_national');
  });

  it('bad facts are named: lower-case nationality, impossible birth date', () => {
    expect(() => determine(examEligibilityDetermination, { level: 'i', category: 'rpf', birthDate: '1990-02-30', nationality: 'vn' }, '2026-02-15')).toThrow(FactsInvalid);
  });
});

describe('exam-result determination', () => {
  it('the worked example (written 72, practical 58 on 2026-02-15) fails on the practical part', () => {
    const d = determine(examResultDetermination, examResultDetermination.example.facts, examResultDetermination.example.asOf);
    expect(d.outcome).toBe('fail');
    expect(d.reasons).toHaveLength(3);
    expect(d.reasons[0]?.en).toContain('practical');
  });

  it('on 2026-02-15: written 65 and practical 60 pass; a missing part is incomplete', () => {
    expect(determine(examResultDetermination, { level: 'i', scores: { written: 65, practical: 60 } }, '2026-02-15').outcome).toBe('pass');
    expect(determine(examResultDetermination, { level: 'i', scores: { written: 90 } }, '2026-02-15').outcome).toBe('incomplete');
  });

  it('on 2026-02-15: level (ii) is decided on the practical part alone', () => {
    expect(determine(examResultDetermination, { level: 'ii', scores: { practical: 60 } }, '2026-02-15').outcome).toBe('pass');
    expect(determine(examResultDetermination, { level: 'ii', scores: { practical: 59.5 } }, '2026-02-15').outcome).toBe('fail');
  });

  it('a score above 100 is refused as a fact', () => {
    expect(() => determine(examResultDetermination, { level: 'i', scores: { written: 101 } }, '2026-02-15')).toThrow(FactsInvalid);
  });
});
