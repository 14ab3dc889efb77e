// Synthetic candidates and answer sheets for the exam benchmarks (deterministic: the same run gives the same data).
import { formatExamNumber } from '../src/domain/exams/exam-number.js';
import type { SeedCandidate } from '../src/persistence/repositories/exam-results-seed.repository.js';

export const QUESTION_COUNT = 50;
export const BENCH_KEY = Array.from({ length: QUESTION_COUNT }, (_, i) => 'ABCD'[(i * 7) % 4]!);

const COUNTRIES = ['VN', 'ID', 'PH', 'MM', 'NP', 'KH', 'TH', 'LK'];
const GENDERS = ['female', 'male', 'male', 'unknown'] as const;
const LANGS = ['vi', 'id', 'en', 'en', 'en', 'en', 'en', 'en'] as const;

/** A small fast PRNG (mulberry32). */
export const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export const syntheticCandidates = (count: number, firstSequence = 1): SeedCandidate[] => {
  const rnd = prng(42);
  return Array.from({ length: count }, (_, i) => {
    const c = Math.floor(rnd() * COUNTRIES.length);
    const year = 1975 + Math.floor(rnd() * 30);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    return {
      examNumber: formatExamNumber({ level: 'i', year: 2026, sequence: firstSequence + i }),
      familyName: `FAMILY${i}`,
      givenName: `GIVEN ${i}`,
      dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      nationality: COUNTRIES[c]!,
      gender: GENDERS[Math.floor(rnd() * GENDERS.length)]!,
      experienceMonths: Math.floor(rnd() * 96),
      residenceRegion: null,
      email: `bench${i}@example.com`,
      language: LANGS[c]!,
    };
  });
};

/** A CBT result file: each candidate answers each question right with probability ~0.72. */
export const syntheticCbtCsv = (examNumbers: readonly string[], setCode: string): Uint8Array => {
  const rnd = prng(7);
  const lines = ['exam_number,set_code,answers'];
  for (const n of examNumbers) {
    let answers = '';
    for (let q = 0; q < QUESTION_COUNT; q++) {
      const r = rnd();
      answers += r < 0.72 ? BENCH_KEY[q]! : r < 0.75 ? '-' : 'ABCD'[Math.floor(r * 4)]!;
    }
    lines.push(`${n},${setCode},${answers}`);
  }
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
};
