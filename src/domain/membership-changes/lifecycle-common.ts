// Shared by the membership-lifecycle use cases (changes, withdrawal, expulsion, violation reports): the stored form of a
// rules determination, dates, reasons and the concurrency message.
import { Evaluator, type LegalDate, type Message, type TraceStep, isLegalDate, japanDateOf, legalDate } from '../../../rules/core/index.js';
import type { UseCaseContext } from '../accounts/context.js';
import { Conflict, InvalidInput, type FieldProblem } from '../errors.js';

/** Lifecycle use cases also need where mail links point. */
export type LifecycleContext = UseCaseContext & { baseUrl: string };

/** What is stored with every decision that applied a rule, and shown with its citations. */
export type StoredDetermination = {
  readonly id: string;
  readonly asOf: string;
  readonly outcome: string;
  readonly reasons: readonly Message[];
  readonly trace: readonly Pick<TraceStep, 'ruleId' | 'citation' | 'outcome' | 'message' | 'used'>[];
};

export const storeDetermination = (d: { id: string; asOf: string; outcome: unknown; reasons: readonly Message[]; trace: readonly TraceStep[] }): StoredDetermination => ({
  id: d.id,
  asOf: d.asOf,
  outcome: String(d.outcome),
  reasons: d.reasons,
  trace: d.trace.map((s) => ({ ruleId: s.ruleId, citation: s.citation, outcome: s.outcome, message: s.message, used: s.used })),
});

/** Runs single rules on one legal date and keeps their trace, for decisions that are not a registered determination. */
export const evaluateRules = <O extends string>(id: string, asOf: LegalDate, decide: (e: Evaluator) => { outcome: O; reasons: Message[] }): StoredDetermination => {
  const evaluator = new Evaluator(asOf);
  const { outcome, reasons } = decide(evaluator);
  return storeDetermination({ id, asOf, outcome, reasons, trace: evaluator.steps });
};

export const todayOf = (ctx: { clock: { now(): Date } }): LegalDate => japanDateOf(ctx.clock.now());

export const CONCURRENT_CHANGE = {
  ja: 'この記録は、他の担当者が先に更新しました。最新の内容を確認してから、もう一度操作してください。',
  en: 'Someone else updated this record first. Check the latest version and try again.',
};

export const concurrentChange = (what: string): Conflict => new Conflict(`${what} changed`, CONCURRENT_CHANGE);

const problem = (field: string, ja: string, en: string): FieldProblem => ({ field, message: { ja, en } });
export const fieldProblem = problem;

/** A legal date typed by a person (YYYY-MM-DD, or with slashes / full-width digits). */
export const dateField = (raw: unknown, field: string, problems: FieldProblem[], labels: { ja: string; en: string }): LegalDate | undefined => {
  const text = typeof raw === 'string' ? raw.normalize('NFKC').trim().replace(/\//g, '-') : '';
  if (!text) {
    problems.push(problem(field, `${labels.ja}を入力してください`, `Enter the ${labels.en}`));
    return undefined;
  }
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const candidate = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text;
  if (!isLegalDate(candidate)) {
    problems.push(problem(field, `${labels.ja}は「2026-04-01」の形で、実在する日付を入力してください`, `The ${labels.en} must be a real date like 2026-04-01`));
    return undefined;
  }
  return legalDate(candidate);
};

/** Required free text with a maximum length. */
export const textField = (raw: unknown, field: string, problems: FieldProblem[], labels: { ja: string; en: string }, max = 2000): string | undefined => {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!text) {
    problems.push(problem(field, `${labels.ja}を入力してください`, `Enter the ${labels.en}`));
    return undefined;
  }
  if (text.length > max) {
    problems.push(problem(field, `${labels.ja}は${max}文字以内で入力してください`, `The ${labels.en} must be ${max} characters or fewer`));
    return undefined;
  }
  return text;
};

export const optionalText = (raw: unknown, max = 2000): string | null => {
  const text = typeof raw === 'string' ? raw.trim() : '';
  return text ? text.slice(0, max) : null;
};

export const throwIfProblems = (problems: FieldProblem[]): void => {
  if (problems.length) throw new InvalidInput(problems);
};

export const lockVersionOf = (raw: unknown): number => {
  const n = typeof raw === 'number' ? raw : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : -1;
};
