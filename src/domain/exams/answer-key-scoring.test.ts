import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnswerKey, WrongAnswerKey, choiceBit, compileAnswerKey, scorePractical, scoreWritten, scaledScore } from './answer-key-scoring.js';

const KEY: AnswerKey = {
  setCode: 'KK1-03',
  version: 2,
  questions: [
    { correct: 'A', weight: 1 },
    { correct: 'C', weight: 1 },
    { correct: ['B', 'D'], weight: 2 },
    { correct: 'D', weight: 1 },
  ],
};
const compiled = compileAnswerKey(KEY);
const sheet = (answers: (string | null)[]) => ({ setCode: 'KK1-03', setVersion: 2, answers });

describe('written scoring against the key of the set version used', () => {
  it('weights questions and scales to 100 (floored)', () => {
    expect(scoreWritten(compiled, sheet(['A', 'C', 'B', 'D']))).toEqual({ points: 5, maxPoints: 5, score: 100, correctCount: 4 });
    expect(scoreWritten(compiled, sheet(['A', 'B', 'D', null]))).toEqual({ points: 3, maxPoints: 5, score: 60, correctCount: 2 });
    expect(scoreWritten(compiled, sheet([null, '', 'x', 'AB'])).points).toBe(0);
  });

  it('accepts lower-case letters', () => {
    expect(scoreWritten(compiled, sheet(['a', 'c', 'd', 'd'])).score).toBe(100);
  });

  it('refuses a sheet for another set or another version of the set', () => {
    expect(() => scoreWritten(compiled, { ...sheet(['A', 'C', 'B', 'D']), setVersion: 1 })).toThrow(WrongAnswerKey);
    expect(() => scoreWritten(compiled, { ...sheet(['A', 'C', 'B', 'D']), setCode: 'KK1-04' })).toThrow(WrongAnswerKey);
  });

  it('refuses the wrong number of answers and malformed keys', () => {
    expect(() => scoreWritten(compiled, sheet(['A']))).toThrow(RangeError);
    expect(() => compileAnswerKey({ ...KEY, questions: [] })).toThrow(RangeError);
    expect(() => compileAnswerKey({ ...KEY, questions: [{ correct: '1', weight: 1 }] })).toThrow(RangeError);
    expect(() => compileAnswerKey({ ...KEY, questions: [{ correct: 'A', weight: 0.5 }] })).toThrow(RangeError);
  });

  it('(property) the score never exceeds the exact percentage and is within 1 below it', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ w: fc.integer({ min: 1, max: 5 }), right: fc.boolean() }), { minLength: 1, maxLength: 80 }), (qs) => {
        const key = compileAnswerKey({ setCode: 'S', version: 1, questions: qs.map((q) => ({ correct: 'A', weight: q.w })) });
        const r = scoreWritten(key, { setCode: 'S', setVersion: 1, answers: qs.map((q) => (q.right ? 'A' : 'B')) });
        const exact = (r.points * 100) / r.maxPoints;
        expect(r.score).toBeLessThanOrEqual(exact);
        expect(r.score).toBeGreaterThan(exact - 1);
        expect(r.score >= 65).toBe(r.points * 100 >= 65 * r.maxPoints);
      }),
    );
  });

  it('choiceBit maps A–Z to bits and anything else to 0', () => {
    expect(choiceBit('A')).toBe(1);
    expect(choiceBit('z')).toBe(1 << 25);
    expect(choiceBit('[')).toBe(0);
    expect(choiceBit(null)).toBe(0);
    expect(scaledScore(13, 20)).toBe(65);
  });

  it('scores 100,000 candidates on a 50-question key in well under a second', () => {
    const key = compileAnswerKey({ setCode: 'B', version: 1, questions: Array.from({ length: 50 }, (_, i) => ({ correct: 'ABCD'[i % 4]!, weight: 1 + (i % 3) })) });
    const answers = Array.from({ length: 50 }, (_, i) => 'ABCD'[(i * 7) % 4]!);
    const started = performance.now();
    let total = 0;
    for (let c = 0; c < 100_000; c++) total += scoreWritten(key, { setCode: 'B', setVersion: 1, answers }).score;
    expect(total).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('practical scoring by criterion', () => {
  const rubric = {
    setCode: 'KK1-P1',
    version: 1,
    criteria: [
      { id: 'dimensions', weight: 3, maxPoints: 10 },
      { id: 'finish', weight: 1, maxPoints: 5 },
      { id: 'safety', weight: 1, maxPoints: 3 },
    ],
  };

  it('weights each criterion by its share of its maximum', () => {
    expect(scorePractical(rubric, { dimensions: 10, finish: 5, safety: 3 }).score).toBe(100);
    // (3 × 6/10 + 1 × 3/5 + 1 × 2/3) / 5 = (1.8 + 0.6 + 0.6667) / 5 = 61.33 → 61
    expect(scorePractical(rubric, { dimensions: 6, finish: 3, safety: 2 }).score).toBe(61);
  });

  it('is exact at a boundary where floating point would drift (60 % of mixed maxima)', () => {
    const r = { setCode: 'P', version: 1, criteria: [{ id: 'a', weight: 1, maxPoints: 10 }, { id: 'b', weight: 2, maxPoints: 5 }] };
    expect(scorePractical(r, { a: 6, b: 3 }).score).toBe(60);
  });

  it('refuses missing, unknown or out-of-range criteria', () => {
    expect(() => scorePractical(rubric, { dimensions: 10, finish: 5 })).toThrow(/safety/);
    expect(() => scorePractical(rubric, { dimensions: 10, finish: 5, safety: 3, extra: 1 })).toThrow(/extra/);
    expect(() => scorePractical(rubric, { dimensions: 11, finish: 5, safety: 3 })).toThrow(RangeError);
    expect(() => scorePractical(rubric, { dimensions: 1.5, finish: 5, safety: 3 })).toThrow(RangeError);
  });
});
