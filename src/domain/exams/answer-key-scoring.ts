// Scoring against the answer key of the question set version the candidate sat (a sitting keeps its set version).
// Written part: each question has a weight in whole points and one or more accepted choices (a single letter A–Z);
// a blank or wrong answer scores 0. Practical part: each criterion has a weight and a maximum; the part score is the
// weighted share of points. Scores are scaled to 100 and floored, so a score never rounds up across a pass mark
// (a floored integer is at or above an integer mark exactly when the exact value is).
// Hot path: compile the key once, then score in a tight loop with no allocation per question.

export type AnswerKeyQuestion = {
  /** Accepted answers: one letter, or several when a question was corrected so that more than one is right. */
  readonly correct: string | readonly string[];
  /** Whole points, ≥ 1. */
  readonly weight: number;
};

export type AnswerKey = {
  readonly setCode: string;
  readonly version: number;
  readonly questions: readonly AnswerKeyQuestion[];
};

export type CompiledKey = {
  readonly setCode: string;
  readonly version: number;
  readonly count: number;
  /** Per question, a bit mask of accepted letters (bit 0 = A … bit 25 = Z). */
  readonly accepted: Uint32Array;
  readonly weights: Uint32Array;
  readonly maxPoints: number;
};

const CODE_A = 65;

/** Bit for a choice letter (upper or lower case), or 0 for blank / anything else. */
export const choiceBit = (choice: string | null | undefined): number => {
  if (!choice || choice.length !== 1) return 0;
  const c = choice.charCodeAt(0) & ~32; // upper-case ASCII letters
  return c >= CODE_A && c <= CODE_A + 25 ? 1 << (c - CODE_A) : 0;
};

export const compileAnswerKey = (key: AnswerKey): CompiledKey => {
  const n = key.questions.length;
  if (n === 0) throw new RangeError(`Answer key ${key.setCode}@${key.version} has no questions`);
  const accepted = new Uint32Array(n);
  const weights = new Uint32Array(n);
  let maxPoints = 0;
  key.questions.forEach((q, i) => {
    const letters = typeof q.correct === 'string' ? [q.correct] : q.correct;
    let mask = 0;
    for (const l of letters) {
      const bit = choiceBit(l);
      if (bit === 0) throw new RangeError(`Question ${i + 1}: accepted answer must be a letter A–Z`);
      mask |= bit;
    }
    if (mask === 0) throw new RangeError(`Question ${i + 1}: no accepted answer`);
    if (!Number.isInteger(q.weight) || q.weight < 1) throw new RangeError(`Question ${i + 1}: weight must be a whole number ≥ 1`);
    accepted[i] = mask >>> 0;
    weights[i] = q.weight;
    maxPoints += q.weight;
  });
  return { setCode: key.setCode, version: key.version, count: n, accepted, weights, maxPoints };
};

export type PartScore = {
  readonly points: number;
  readonly maxPoints: number;
  /** floor(points × 100 / maxPoints): 0 … 100. */
  readonly score: number;
};

export type WrittenScore = PartScore & { readonly correctCount: number };

/** Floored percentage without floating-point error for integer points. */
export const scaledScore = (points: number, maxPoints: number): number => Math.floor((points * 100) / maxPoints);

export class WrongAnswerKey extends Error {
  constructor(readonly expected: string, readonly got: string) {
    super(`Answers were given for ${got} but the key is ${expected}`);
    this.name = 'WrongAnswerKey';
  }
}

/**
 * Scores written answers (one entry per question: a letter, or null/'' for blank) against the key. The sheet must
 * name the same set code and version as the key; a different count of answers is an error, never a partial score.
 */
export const scoreWritten = (key: CompiledKey, sheet: { readonly setCode: string; readonly setVersion: number; readonly answers: readonly (string | null)[] }): WrittenScore => {
  if (sheet.setCode !== key.setCode || sheet.setVersion !== key.version) {
    throw new WrongAnswerKey(`${key.setCode}@${key.version}`, `${sheet.setCode}@${sheet.setVersion}`);
  }
  const { answers } = sheet;
  if (answers.length !== key.count) throw new RangeError(`Expected ${key.count} answers, got ${answers.length}`);
  let points = 0;
  let correctCount = 0;
  const { accepted, weights } = key;
  for (let i = 0; i < key.count; i++) {
    if ((choiceBit(answers[i]) & accepted[i]!) !== 0) {
      points += weights[i]!;
      correctCount += 1;
    }
  }
  return { points, maxPoints: key.maxPoints, score: scaledScore(points, key.maxPoints), correctCount };
};

export type PracticalCriterion = { readonly id: string; readonly weight: number; readonly maxPoints: number };
export type PracticalRubric = { readonly setCode: string; readonly version: number; readonly criteria: readonly PracticalCriterion[] };

/**
 * Practical part: Σ weight × (points / max) over Σ weight, scaled to 100 and floored. Every criterion must be scored
 * with a whole number between 0 and its maximum; a missing or unknown criterion is an error.
 * `points`/`maxPoints` of the result are in weighted units (weight × points / max, summed), for display.
 */
export const scorePractical = (rubric: PracticalRubric, scores: Readonly<Record<string, number>>): PartScore => {
  if (rubric.criteria.length === 0) throw new RangeError('Rubric has no criteria');
  const known = new Set(rubric.criteria.map((c) => c.id));
  for (const id of Object.keys(scores)) if (!known.has(id)) throw new RangeError(`Unknown criterion: ${id}`);
  // Exact rational arithmetic: numerator / denominator with denominator = Σ weight × lcm-free product per criterion.
  let num = 0; // Σ weight × points × (L / max)
  let totalWeight = 0;
  const L = rubric.criteria.reduce((acc, c) => lcm(acc, c.maxPoints), 1);
  for (const c of rubric.criteria) {
    if (!Number.isInteger(c.weight) || c.weight < 1 || !Number.isInteger(c.maxPoints) || c.maxPoints < 1) throw new RangeError(`Criterion ${c.id}: weight and maximum must be whole numbers ≥ 1`);
    const p = scores[c.id];
    if (p === undefined) throw new RangeError(`Criterion ${c.id} is not scored`);
    if (!Number.isInteger(p) || p < 0 || p > c.maxPoints) throw new RangeError(`Criterion ${c.id}: ${p} is outside 0…${c.maxPoints}`);
    num += c.weight * p * (L / c.maxPoints);
    totalWeight += c.weight;
  }
  const den = totalWeight * L;
  if (!Number.isSafeInteger(num * 100) || !Number.isSafeInteger(den)) throw new RangeError('Rubric too large for exact scoring');
  return { points: num / L, maxPoints: totalWeight, score: Math.floor((num * 100) / den) };
};

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const lcm = (a: number, b: number): number => (a / gcd(a, b)) * b;
