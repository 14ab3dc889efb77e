// Text rules for names: katakana readings (フリガナ), postal codes, JSIC codes.

/** Full-width katakana reading: katakana, the long-vowel mark, middle dot, spaces. Half-width input is folded by NFKC. */
export const normaliseKana = (input: string): string => input.normalize('NFKC').replace(/\s+/g, ' ').trim();
export const isKatakana = (input: string): boolean => /^[\u30A1-\u30FA\u30FC\u30FB\u30FD\u30FE ]+$/.test(normaliseKana(input));

/** 〒 postal code: 7 digits, stored as NNN-NNNN. */
export const normalisePostalCode = (input: string): string | undefined => {
  const digits = input.normalize('NFKC').replace(/[\s\-‐－ー〒]/g, '');
  return /^[0-9]{7}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : undefined;
};

/** JSIC codes typed as a list (comma, space or 、 separated); each 2–4 digits. */
export const parseJsicCodes = (input: string): { codes: string[]; invalid: string[] } => {
  const parts = input.normalize('NFKC').split(/[\s,、，]+/).filter(Boolean);
  const codes = [...new Set(parts.filter((p) => /^[0-9]{2,4}$/.test(p)))];
  return { codes, invalid: parts.filter((p) => !/^[0-9]{2,4}$/.test(p)) };
};
