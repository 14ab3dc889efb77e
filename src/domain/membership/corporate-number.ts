// 法人番号 (corporate number): 13 digits, the first of which is a check digit computed from the 12-digit base
// number (基礎番号, the 会社法人等番号 for registered companies).
//
// Rule: 法人番号の指定等に関する省令 (平成26年財務省令第70号) 第2条, as explained by the National Tax Agency
// (https://www.houjin-bangou.nta.go.jp/documents/checkdigit.pdf):
//   check digit = 9 − ( Σ_{n=1..12} Pn × Qn  mod 9 )
//   Pn = the n-th digit of the base number counted from the least significant digit (n = 1 is the rightmost),
//   Qn = 1 when n is odd, 2 when n is even.
// The result is always 1–9, so a 法人番号 never starts with 0. Worked example from the NTA explanation:
// base 123456789012 → Σ = 74, 74 mod 9 = 2, 9 − 2 = 7 → 7123456789012.

declare const corporateNumberBrand: unique symbol;
export type CorporateNumber = string & { readonly [corporateNumberBrand]: true };

/** NFKC folds full-width digits (０-９) to ASCII; spaces and hyphens people type between groups are dropped. */
export const normaliseCorporateNumberInput = (input: string): string => input.normalize('NFKC').replace(/[\s\-‐－ー]/g, '');

/** The check digit for a 12-digit base number. */
export const corporateNumberCheckDigit = (base: string): number => {
  if (!/^[0-9]{12}$/.test(base)) throw new RangeError('base number must be 12 digits');
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const p = base.charCodeAt(12 - n) - 48;
    sum += p * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
};

export type CorporateNumberProblem = 'empty' | 'format' | 'check_digit';

export const checkCorporateNumber = (input: string): { ok: true; value: CorporateNumber } | { ok: false; problem: CorporateNumberProblem } => {
  const value = normaliseCorporateNumberInput(input);
  if (value === '') return { ok: false, problem: 'empty' };
  if (!/^[0-9]{13}$/.test(value)) return { ok: false, problem: 'format' };
  if (Number(value[0]) !== corporateNumberCheckDigit(value.slice(1))) return { ok: false, problem: 'check_digit' };
  return { ok: true, value: value as CorporateNumber };
};

export const isCorporateNumber = (input: string): input is CorporateNumber => checkCorporateNumber(input).ok && input === normaliseCorporateNumberInput(input);

/** Builds a valid 法人番号 from a 12-digit base number (demo data, tests). */
export const corporateNumberFromBase = (base: string): CorporateNumber => `${corporateNumberCheckDigit(base)}${base}` as CorporateNumber;

export const CORPORATE_NUMBER_MESSAGES: Record<CorporateNumberProblem, { ja: string; en: string }> = {
  empty: { ja: '法人番号を入力してください', en: 'Enter the corporate number' },
  format: { ja: '法人番号は13桁の数字で入力してください', en: 'The corporate number must be 13 digits' },
  check_digit: {
    ja: '法人番号が正しくありません（先頭の検査用数字が一致しません）。番号をもう一度御確認ください',
    en: 'The corporate number is not valid (its first digit, the check digit, does not match). Check the number again',
  },
};
