import type { z } from 'zod';
import { FactsInvalid, type FactIssue } from './errors.js';
import { type LegalDate, legalDate } from './legal-date.js';
import type { Message } from './message.js';
import { type AnyRule, Evaluator, type NeedsReview, type TraceStep } from './rule.js';

export type Determination<O> = {
  readonly id: string;
  readonly asOf: LegalDate;
  readonly outcome: O | NeedsReview;
  /** Why, in both languages: the messages of the steps that decided the outcome. */
  readonly reasons: readonly Message[];
  readonly trace: readonly TraceStep[];
};

export type Decision<O> = { readonly outcome: O | NeedsReview; readonly reasons?: readonly Message[] };

export type DeterminationDefinition<F, O> = {
  readonly id: string;
  readonly title: Message;
  readonly description: Message;
  /** Facts schema: validated before any rule runs, so a bad fact is named, not thrown as a trace. */
  readonly facts: z.ZodType<F>;
  readonly outcomes: readonly (O | NeedsReview)[];
  /** The rules this determination may apply (listed in the catalogue). */
  readonly rules: readonly AnyRule[];
  /** A worked example, shown in OpenAPI and the catalogue, and run by the tests. */
  readonly example: { readonly asOf: string; readonly facts: unknown };
  readonly decide: (facts: F, evaluator: Evaluator) => Decision<O>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDetermination = DeterminationDefinition<any, any>;

export const defineDetermination = <F, O>(d: DeterminationDefinition<F, O>): DeterminationDefinition<F, O> => d;

const issuesOf = (error: z.ZodError): FactIssue[] =>
  error.issues.map((issue) => {
    const fact = issue.path.length ? issue.path.join('.') : '(facts)';
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    return {
      fact,
      message: missing
        ? { ja: `「${fact}」が入力されていません。`, en: `The fact "${fact}" is missing.` }
        : { ja: `「${fact}」の値が正しくありません（${issue.message}）。`, en: `The fact "${fact}" is not valid: ${issue.message}.` },
    };
  });

export const parseFacts = <F>(d: DeterminationDefinition<F, unknown>, raw: unknown): F => {
  const parsed = d.facts.safeParse(raw);
  if (!parsed.success) throw new FactsInvalid(d.id, issuesOf(parsed.error));
  return parsed.data;
};

/** Runs a determination on validated facts: use when the facts were already checked (hot paths, batch). */
export const determineParsed = <F, O>(d: DeterminationDefinition<F, O>, facts: F, asOf: LegalDate): Determination<O> => {
  const evaluator = new Evaluator(asOf);
  const decision = d.decide(facts, evaluator);
  const reasons = decision.reasons ?? evaluator.steps.filter((s) => s.outcome === decision.outcome).map((s) => s.message);
  return { id: d.id, asOf, outcome: decision.outcome, reasons, trace: evaluator.steps };
};

export const determine = <F, O>(d: DeterminationDefinition<F, O>, rawFacts: unknown, asOf: string): Determination<O> =>
  determineParsed(d, parseFacts(d, rawFacts), legalDate(asOf));
