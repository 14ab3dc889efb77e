import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseForSearch, searchTextFor } from './search-text.js';

describe('roster search normalisation', () => {
  it('folds width, case and katakana to hiragana', () => {
    expect(normaliseForSearch('ｶﾌﾞｼｷｶﾞｲｼｬ　ＡＢＣ')).toBe('かぶしきがいしゃabc');
    expect(normaliseForSearch('カブシキガイシャ abc')).toBe('かぶしきがいしゃabc');
    expect(normaliseForSearch('東海精機 本社工場')).toBe('東海精機本社工場');
  });
  it('a katakana name and its hiragana or half-width spelling normalise alike (property)', () => {
    const kana = fc.string({ unit: fc.integer({ min: 0x30a1, max: 0x30f6 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(kana, (k) => {
        const hiragana = k.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
        expect(normaliseForSearch(k)).toBe(normaliseForSearch(hiragana));
      }),
    );
  });
  it('joins the parts of a listing', () => {
    expect(searchTextFor(['本社工場', null, 'トウカイ'])).toBe('本社工場 とうかい');
  });
});
