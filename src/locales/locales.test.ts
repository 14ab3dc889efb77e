import { describe, expect, it } from 'vitest';
import { CANDIDATE_LANGUAGES, loadResources } from './index.js';

const flatten = (obj: Record<string, unknown>, prefix = ''): string[] =>
  Object.entries(obj).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('locales', () => {
  const resources = loadResources();

  it('candidate namespaces (those in vi or id) exist in all four languages with every key', () => {
    const candidateNamespaces = new Set([...Object.keys(resources.vi ?? {}), ...Object.keys(resources.id ?? {})]);
    for (const ns of candidateNamespaces) {
      const reference = flatten(resources.ja?.[ns] ?? {}).sort();
      expect({ ns, inJapanese: reference.length > 0 }).toEqual({ ns, inJapanese: true });
      for (const lang of CANDIDATE_LANGUAGES) {
        const keys = flatten(resources[lang]?.[ns] ?? {}).sort();
        expect({ ns, lang, missing: reference.filter((k) => !keys.includes(k)), extra: keys.filter((k) => !reference.includes(k)) }).toEqual({ ns, lang, missing: [], extra: [] });
      }
    }
  });

  it('every namespace exists in Japanese and English', () => {
    expect(Object.keys(resources.ja ?? {}).sort()).toEqual(Object.keys(resources.en ?? {}).sort());
  });

  it('every key exists in both languages and is not empty', () => {
    for (const ns of Object.keys(resources.ja ?? {})) {
      const ja = flatten(resources.ja?.[ns] ?? {}).sort();
      const en = flatten(resources.en?.[ns] ?? {}).sort();
      expect({ ns, missingInEnglish: ja.filter((k) => !en.includes(k)) }).toEqual({ ns, missingInEnglish: [] });
      expect({ ns, missingInJapanese: en.filter((k) => !ja.includes(k)) }).toEqual({ ns, missingInJapanese: [] });
    }
  });
});
