import { Evaluator, type LegalDate, type Rule } from '../../../../rules/core/index.js';

/** Applies one rule on a date; null when no version of the rule is in force on that date. */
export const applyRule = <F, R>(rule: Rule<F, R>, facts: F, asOf: LegalDate): { outcome: string; message: { ja: string; en: string }; asOf: string } | null => {
  try {
    const r = new Evaluator(asOf).applyFull(rule, facts);
    return { outcome: String(r.outcome), message: { ja: r.message.ja, en: r.message.en }, asOf };
  } catch {
    return null;
  }
};

/** The same, falling back to the last day of the latest version when no version is in force today (rules not yet updated). */
export const applyRuleOrLatest = <F, R>(rule: Rule<F, R>, facts: F, asOf: LegalDate): { outcome: string; message: { ja: string; en: string }; asOf: string; latest: boolean } | null => {
  const now = applyRule(rule, facts, asOf);
  if (now) return { ...now, latest: false };
  const last = [...rule.versions].sort((a, b) => (a.period.from < b.period.from ? 1 : -1))[0];
  if (!last || last.period.from > asOf) return null;
  const day = last.period.to ? (new Date(Date.parse(`${last.period.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) as LegalDate) : last.period.from;
  const r = applyRule(rule, facts, day);
  return r ? { ...r, latest: true } : null;
};
