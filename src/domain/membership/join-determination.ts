import { determine, type Determination, type LegalDate, type Message } from '../../../rules/core/index.js';
import { findDetermination } from '../../../rules/registry.js';
import type { JaimJoinFacts } from '../../../rules/jaim-membership-faq/index.js';
import { determinationFor, type RulesContext } from '../rules-context.js';

// Runs the rules library's join determination on the application's facts and date. The result (outcome, reasons
// in both languages, and the trace of every provision applied with its citation) is shown before submitting and
// stored with the request, so the reviewer sees exactly what the applicant saw. With a rules context the
// operator's published reference data (eligible-industry lists, designated associations) is honoured.

export type StoredDetermination = {
  id: string;
  asOf: string;
  outcome: string;
  reasons: Message[];
  trace: { ruleId: string; citation: string; outcome: unknown; message: Message }[];
  /** Set when the rules could not be applied (no version in force on the date, bad facts). */
  error?: Message;
};

export const JOIN_DETERMINATION_IDS = ['jaim-join', 'council-join'] as const;

export const runJoinDetermination = (facts: JaimJoinFacts, asOf: LegalDate, rules?: RulesContext): StoredDetermination => {
  const definition = JOIN_DETERMINATION_IDS.map((id) => (rules ? determinationFor(id, rules) : findDetermination(id))).find((d) => d !== undefined);
  if (!definition) return { id: 'none', asOf, outcome: 'needs_review', reasons: [], trace: [], error: { ja: '判定ルールが見つかりません。', en: 'No join determination is available.' } };
  try {
    const result: Determination<unknown> = determine(definition, facts, asOf);
    return {
      id: result.id,
      asOf: result.asOf,
      outcome: String(result.outcome),
      reasons: [...result.reasons],
      trace: result.trace.map((s) => ({ ruleId: s.ruleId, citation: s.citation, outcome: s.outcome, message: s.message })),
    };
  } catch (error) {
    const userMessage = (error as { userMessage?: Message }).userMessage;
    return {
      id: definition.id,
      asOf,
      outcome: 'needs_review',
      reasons: [],
      trace: [],
      error: userMessage ?? { ja: '自動判定を実行できませんでした。審査で確認します。', en: 'The automatic determination could not run; the reviewer will check.' },
    };
  }
};

export const DETERMINATION_OUTCOME_LABELS: Readonly<Record<string, Message>> = {
  accept: { ja: '要件を満たしています', en: 'Requirements met' },
  refuse: { ja: '入会できない事由があります', en: 'Grounds for refusal found' },
  incomplete: { ja: '不足があります（補正が必要になる見込み）', en: 'Something is missing (a correction is likely)' },
  needs_review: { ja: '審査で判断します', en: 'A reviewer will decide' },
};

/** Rule outcomes that mean "this needs fixing or a person's judgement" (the rest pass). */
const FAILING = new Set(['incomplete', 'unanswered', 'disqualified', 'missing', 'barred', 'cannot_apply', 'not_met', 'insufficient', 'not_eligible', 'needs_review']);
export const isFailingStep = (outcome: unknown): boolean => FAILING.has(String(outcome));

/** The form page that fixes a failing rule (by rule id), or 'organisation' for the company's registered details. */
export const pageFixing = (ruleId: string): string | undefined => {
  const table: [RegExp, string][] = [
    [/applicant-identity/, 'organisation'],
    [/establishment-identity|jsic|eligib|coverage/, 'establishment'],
    [/non-disqualification/, 'declarations'],
    [/pledges/, 'pledges'],
    [/textile/, 'textile'],
    [/association/, 'association'],
    [/evidence-templates/, 'evidence'],
    [/shipment-evidence/, 'amounts'],
    [/photo-evidence/, 'photos'],
    [/operating|q3-2/, 'shipments'],
  ];
  return table.find(([re]) => re.test(ruleId))?.[1];
};
