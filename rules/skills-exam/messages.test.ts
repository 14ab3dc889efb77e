import { describe, expect, it } from 'vitest';
import { CANDIDATE_LANGUAGES, type EligibilityReason, eligibilityMessage, eligibilityMessages, inLanguage } from './messages.js';

const REASONS: readonly EligibilityReason[] = ['eligible', 'under_minimum_age', 'japanese_national', 'category_not_offered'];
const detail = { examDate: '2026-02-15', minimumAge: 18, level: 'ii' as const, category: 'RPF製造' };

describe('eligibility messages in ja, en, vi, id', () => {
  it('every reason has a distinct, non-empty text in every candidate language', () => {
    for (const reason of REASONS) {
      const texts = CANDIDATE_LANGUAGES.map((lang) => eligibilityMessage(reason, lang, detail));
      for (const t of texts) expect(t.trim().length).toBeGreaterThan(0);
      expect(new Set(texts).size).toBe(4);
    }
  });

  it('the age message names the minimum age and the exam day in every language', () => {
    for (const lang of CANDIDATE_LANGUAGES) {
      const t = eligibilityMessage('under_minimum_age', lang, detail);
      expect(t).toContain('18');
      expect(t).toContain('2026-02-15');
    }
  });

  it('the category message names the level in the candidate language', () => {
    expect(eligibilityMessage('category_not_offered', 'ja', detail)).toContain('特定技能2号');
    expect(eligibilityMessage('category_not_offered', 'vi', detail)).toContain('Kỹ năng đặc định số 2');
    expect(eligibilityMessage('category_not_offered', 'id', detail)).toContain('Tokutei Ginou 2');
  });

  it('eligibilityMessages carries ja/en for the core and vi/id in messages; inLanguage picks one', () => {
    const m = eligibilityMessages('japanese_national', detail);
    expect(m.ja).toContain('日本国籍');
    expect(m.messages?.vi).toContain('Nhật Bản');
    expect(m.messages?.id).toContain('Jepang');
    expect(inLanguage(m, 'id')).toBe(m.messages?.id);
    expect(inLanguage({ ja: 'あ', en: 'a' }, 'vi')).toBe('a');
  });
});
