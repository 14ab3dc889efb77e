import type { Message } from '../core/index.js';
import type { Level } from './params.js';

// Candidate-facing eligibility messages. The core carries Japanese and English; exam candidates also read
// Vietnamese and Indonesian, so our outcome messages carry those two in `messages` (the core's Message is unchanged).

export const CANDIDATE_LANGUAGES = ['ja', 'en', 'vi', 'id'] as const;
export type CandidateLanguage = (typeof CANDIDATE_LANGUAGES)[number];

/** A Message with the candidate languages beyond Japanese and English. Assignable to the core's Message. */
export type CandidateMessage = Message & { readonly messages?: Readonly<Record<'vi' | 'id', string>> };

export type EligibilityReason = 'eligible' | 'under_minimum_age' | 'japanese_national' | 'category_not_offered';

export type EligibilityDetail = {
  readonly examDate: string;
  readonly minimumAge?: number;
  readonly level?: Level;
  /** Category name as shown to the candidate (already localised by the caller, or the id). */
  readonly category?: string;
};

const LEVEL_LABEL: Readonly<Record<CandidateLanguage, Readonly<Record<Level, string>>>> = {
  ja: { i: '特定技能1号', ii: '特定技能2号' },
  en: { i: 'SSW (i)', ii: 'SSW (ii)' },
  vi: { i: 'Kỹ năng đặc định số 1', ii: 'Kỹ năng đặc định số 2' },
  id: { i: 'Tokutei Ginou 1', ii: 'Tokutei Ginou 2' },
};

type Texts = Readonly<Record<EligibilityReason, (d: EligibilityDetail, level: string) => string>>;

const TEXTS: Readonly<Record<CandidateLanguage, Texts>> = {
  ja: {
    eligible: () => '受験資格を満たしています。',
    under_minimum_age: (d) => `受験日（${d.examDate}）に${d.minimumAge ?? '?'}歳以上である必要があります。年齢の要件を満たさないため申し込めません。`,
    japanese_national: () => '日本国籍の方はこの試験を受験できません。',
    category_not_offered: (d, l) => `受験日（${d.examDate}）に${l}の「${d.category ?? ''}」区分の試験は実施されていません。`,
  },
  en: {
    eligible: () => 'You meet the requirements to sit the exam.',
    under_minimum_age: (d) => `You must be at least ${d.minimumAge ?? '?'} years old on the exam day (${d.examDate}). You do not meet the age requirement, so you cannot apply.`,
    japanese_national: () => 'Japanese nationals cannot sit this exam.',
    category_not_offered: (d, l) => `There is no ${l} exam in the "${d.category ?? ''}" category on the exam day (${d.examDate}).`,
  },
  vi: {
    eligible: () => 'Bạn đủ điều kiện dự thi.',
    under_minimum_age: (d) => `Thí sinh phải đủ ${d.minimumAge ?? '?'} tuổi trở lên vào ngày thi (${d.examDate}). Bạn chưa đủ tuổi nên không thể đăng ký.`,
    japanese_national: () => 'Người có quốc tịch Nhật Bản không thể dự thi kỳ thi này.',
    category_not_offered: (d, l) => `Không có kỳ thi ${l} hạng mục "${d.category ?? ''}" vào ngày thi (${d.examDate}).`,
  },
  id: {
    eligible: () => 'Anda memenuhi syarat untuk mengikuti ujian.',
    under_minimum_age: (d) => `Peserta harus berusia minimal ${d.minimumAge ?? '?'} tahun pada hari ujian (${d.examDate}). Anda belum memenuhi syarat usia sehingga tidak dapat mendaftar.`,
    japanese_national: () => 'Warga negara Jepang tidak dapat mengikuti ujian ini.',
    category_not_offered: (d, l) => `Tidak ada ujian ${l} untuk kategori "${d.category ?? ''}" pada hari ujian (${d.examDate}).`,
  },
};

/** The eligibility message in one of the candidate languages. */
export const eligibilityMessage = (reason: EligibilityReason, lang: CandidateLanguage, detail: EligibilityDetail): string =>
  TEXTS[lang][reason](detail, detail.level ? LEVEL_LABEL[lang][detail.level] : '');

/** All four languages at once: ja/en as the core expects, vi/id in `messages`. */
export const eligibilityMessages = (reason: EligibilityReason, detail: EligibilityDetail): CandidateMessage => ({
  ja: eligibilityMessage(reason, 'ja', detail),
  en: eligibilityMessage(reason, 'en', detail),
  messages: { vi: eligibilityMessage(reason, 'vi', detail), id: eligibilityMessage(reason, 'id', detail) },
});

/** Picks one language out of a CandidateMessage, falling back to English when vi/id is missing. */
export const inLanguage = (m: CandidateMessage, lang: CandidateLanguage): string =>
  lang === 'ja' || lang === 'en' ? m[lang] : (m.messages?.[lang] ?? m.en);
