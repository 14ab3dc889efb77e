import type { Level } from '../../../rules/skills-exam/index.js';

// Exam numbers (受験番号): `SSW1-2026-0001234-K`
//   SSW1 | SSW2   level (i) or (ii)
//   2026          the year of the sitting (4 digits)
//   0001234       a sequence number, 7 digits, 1 … 9,999,999, unique per level and year
//   K             check character, ISO/IEC 7064 MOD 37-2 over "SSW120260001234": one of 0-9, A-Z or '*'
//                 ('*' is in the QR alphanumeric set, so ticket QR codes stay compact)
// MOD 37-2 weights the characters by powers of 2 modulo the prime 37, so it catches every single wrong character and
// every swap of two adjacent characters (including the check character itself). Input is normalised
// (NFKC so full-width characters count, upper case, spaces removed) before it is read.

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*';
const PATTERN = /^SSW([12])-(\d{4})-(\d{7})-([0-9A-Z*])$/;

const valueOf = (ch: string): number => {
  const v = ALPHABET.indexOf(ch);
  if (v < 0) throw new RangeError(`Not in the check alphabet: ${ch}`);
  return v;
};

/** ISO/IEC 7064 MOD 37-2 (pure system) check character for a string of 0-9A-Z. */
export const checkCharacter = (body: string): string => {
  let p = 0;
  for (const ch of body) {
    const v = valueOf(ch);
    if (v > 35) throw new RangeError('The check character may only end a number');
    p = ((p + v) * 2) % 37;
  }
  return ALPHABET[(38 - p) % 37]!;
};

/** True when the last character is the right check character for the rest. */
export const hasValidCheck = (compact: string): boolean => {
  if (compact.length < 2 || !/^[0-9A-Z]+[0-9A-Z*]$/.test(compact)) return false;
  return checkCharacter(compact.slice(0, -1)) === compact.at(-1);
};

export type ExamNumberParts = { readonly level: Level; readonly year: number; readonly sequence: number };

export const formatExamNumber = ({ level, year, sequence }: ExamNumberParts): string => {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9_999_999) throw new RangeError(`Sequence out of range: ${sequence}`);
  const head = `SSW${level === 'i' ? '1' : '2'}`;
  const y = String(year);
  const seq = String(sequence).padStart(7, '0');
  return `${head}-${y}-${seq}-${checkCharacter(`${head}${y}${seq}`)}`;
};

/** Alias kept for readability at call sites that draw the next number from a database sequence. */
export const generateExamNumber = formatExamNumber;

/** NFKC, upper case, no spaces: what a candidate typed, as we read it. */
export const normaliseExamNumber = (input: string): string =>
  input.normalize('NFKC').toUpperCase().replace(/[\s]/g, '').replace(/[‐‑‒–—―ー−]/g, '-');

export type ExamNumberProblem = 'format' | 'check';
export type ParsedExamNumber = { ok: true; value: string; parts: ExamNumberParts } | { ok: false; problem: ExamNumberProblem };

export const parseExamNumber = (input: string): ParsedExamNumber => {
  const value = normaliseExamNumber(input);
  const m = PATTERN.exec(value);
  if (!m) return { ok: false, problem: 'format' };
  const sequence = Number(m[3]);
  if (sequence === 0) return { ok: false, problem: 'format' };
  if (!hasValidCheck(value.replace(/-/g, ''))) return { ok: false, problem: 'check' };
  return { ok: true, value, parts: { level: m[1] === '1' ? 'i' : 'ii', year: Number(m[2]), sequence } };
};

export const isValidExamNumber = (input: string): boolean => parseExamNumber(input).ok;
