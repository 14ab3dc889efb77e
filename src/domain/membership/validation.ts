import type { FieldProblem } from '../errors.js';
import { CORPORATE_NUMBER_MESSAGES, checkCorporateNumber } from './corporate-number.js';
import { isPrefectureCode } from './prefectures.js';
import { isKatakana, normaliseKana, normalisePostalCode, parseJsicCodes } from './text.js';

// Field checks shared by the registration use cases and the API: each returns the cleaned value or records a
// problem in both languages against the field's name (the id the error summary links to).

export class Problems {
  readonly list: FieldProblem[] = [];
  add(field: string, ja: string, en: string): void {
    this.list.push({ field, message: { ja, en } });
  }
  required(field: string, raw: unknown, label: { ja: string; en: string }, max = 200): string {
    const value = typeof raw === 'string' ? raw.normalize('NFC').trim() : '';
    if (!value) this.add(field, `${label.ja}を入力してください`, `Enter the ${label.en}`);
    else if (value.length > max) this.add(field, `${label.ja}は${max}文字以内で入力してください`, `The ${label.en} must be ${max} characters or fewer`);
    return value;
  }
  kana(field: string, raw: unknown, label: { ja: string; en: string }): string {
    const value = normaliseKana(typeof raw === 'string' ? raw : '');
    if (!value) this.add(field, `${label.ja}を入力してください`, `Enter the ${label.en}`);
    else if (!isKatakana(value)) this.add(field, `${label.ja}は全角カタカナで入力してください`, `Write the ${label.en} in katakana`);
    else if (value.length > 200) this.add(field, `${label.ja}は200文字以内で入力してください`, `The ${label.en} must be 200 characters or fewer`);
    return value;
  }
  corporateNumber(field: string, raw: unknown): string {
    const result = checkCorporateNumber(typeof raw === 'string' ? raw : '');
    if (result.ok) return result.value;
    const m = CORPORATE_NUMBER_MESSAGES[result.problem];
    this.add(field, m.ja, m.en);
    return '';
  }
  postalCode(field: string, raw: unknown): string {
    const value = normalisePostalCode(typeof raw === 'string' ? raw : '');
    if (!value) this.add(field, '郵便番号は7桁の数字で入力してください（例：100-8901）', 'Enter a 7-digit postal code (for example 100-8901)');
    return value ?? '';
  }
  prefecture(field: string, raw: unknown): string {
    const value = typeof raw === 'string' ? raw : '';
    if (!isPrefectureCode(value)) this.add(field, '都道府県を選択してください', 'Choose the prefecture');
    return value;
  }
  jsicCodes(field: string, raw: unknown): string[] {
    const text = Array.isArray(raw) ? raw.join(',') : typeof raw === 'string' ? raw : '';
    const { codes, invalid } = parseJsicCodes(text);
    if (invalid.length) this.add(field, `産業分類は2〜4桁の数字で入力してください（誤り：${invalid.join('、')}）`, `JSIC codes are 2 to 4 digits (not valid: ${invalid.join(', ')})`);
    else if (codes.length === 0) this.add(field, '日本標準産業分類の番号を1つ以上入力してください', 'Enter at least one JSIC code');
    return codes;
  }
}
