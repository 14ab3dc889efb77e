import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';

// Every user-facing string lives in src/locales/<lang>/<namespace>.json. Each module owns its namespace file.
// Japanese first; English for every key (a test fails on a key missing in either language).

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'ja';

/**
 * Exam candidates (many abroad) also read Vietnamese and Indonesian. Only candidate-facing namespaces exist in vi/id
 * (src/locales/{vi,id}/<ns>.json, every key present in all four languages); staff pages stay Japanese and English.
 * Anything missing in vi/id falls back to English (e.g. the layout's header and footer).
 */
export const CANDIDATE_LANGUAGES = ['ja', 'en', 'vi', 'id'] as const;
export type CandidateLanguage = (typeof CANDIDATE_LANGUAGES)[number];
export const isCandidateLanguage = (value: unknown): value is CandidateLanguage =>
  typeof value === 'string' && (CANDIDATE_LANGUAGES as readonly string[]).includes(value);

const here = dirname(fileURLToPath(import.meta.url));

type Resources = Record<string, Record<string, Record<string, unknown>>>;

export const loadResources = (): Resources => {
  const resources: Resources = {};
  for (const lang of CANDIDATE_LANGUAGES) {
    resources[lang] = {};
    if (!existsSync(join(here, lang))) continue;
    for (const file of readdirSync(join(here, lang)).filter((f) => f.endsWith('.json'))) {
      resources[lang][file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(here, lang, file), 'utf8'));
    }
  }
  return resources;
};

const instance = i18next.createInstance();
let ready: Promise<unknown> | undefined;

export const initI18n = async (): Promise<void> => {
  ready ??= instance.init({
    resources: loadResources(),
    lng: DEFAULT_LANGUAGE,
    fallbackLng: { vi: ['en'], id: ['en'], default: [] },
    supportedLngs: [...CANDIDATE_LANGUAGES],
    defaultNS: 'common',
    nsSeparator: ':',
    keySeparator: '.',
    // Templates escape output; i18next must not escape a second time.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await ready;
};

export const translatorFor = (lang: Language | CandidateLanguage): TFunction => instance.getFixedT(lang);

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
