import { type Citation, formatCitation } from './citation.js';
import { type Parameter, type Versioned, parameterAt, versionAt } from './dated.js';
import type { LegalDate } from './legal-date.js';
import type { Message } from './message.js';

/** A judgement the text leaves to a person ("著しく適当でない", "相当数", "個別の事情に依ります"). */
export const NEEDS_REVIEW = 'needs_review' as const;
export type NeedsReview = typeof NEEDS_REVIEW;

export type ParameterUse = { readonly id: string; readonly value: unknown; readonly citation: string; readonly status: string; readonly asOf?: string };

export type RuleContext = {
  readonly asOf: LegalDate;
  /** Reads a dated parameter as it stood on asOf and records it in the trace. */
  param<T>(p: Parameter<T>): T;
  /** Reads a parameter as it stood on another legal date (e.g. the fiscal year being billed) and records it. */
  paramAt<T>(p: Parameter<T>, date: LegalDate): T;
};

export type RuleOutcome<R> = {
  readonly outcome: R | NeedsReview;
  readonly message: Message;
  /** The facts this rule looked at, as it saw them: the trace shows them beside the outcome. */
  readonly used?: Readonly<Record<string, unknown>>;
};

export type RuleVersion<F, R> = Versioned & {
  readonly citation: Citation;
  readonly also?: readonly Citation[];
  /** What the provision says, in our own words (not the source text). */
  readonly summary: Message;
  readonly evaluate: (facts: F, ctx: RuleContext) => RuleOutcome<R>;
};

export type Rule<F, R> = {
  /** Stable id used in traces, logs and decisions: `<document>/<article file>/<name>`. */
  readonly id: string;
  readonly title: Message;
  readonly versions: readonly RuleVersion<F, R>[];
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any, any>;

export const defineRule = <F, R>(rule: Rule<F, R>): Rule<F, R> => rule;

export type TraceStep = {
  readonly ruleId: string;
  readonly citation: string;
  readonly citations: readonly Citation[];
  readonly version: { readonly from: string; readonly to: string | null };
  readonly outcome: unknown;
  readonly message: Message;
  readonly used: Readonly<Record<string, unknown>>;
  readonly parameters: readonly ParameterUse[];
};

// Formatting a citation is pure; cache it per version so the hot path does not rebuild the same strings.
const citationCache = new WeakMap<object, { citation: string; citations: readonly Citation[] }>();
const citationsOf = (version: RuleVersion<unknown, unknown>): { citation: string; citations: readonly Citation[] } => {
  let cached = citationCache.get(version);
  if (!cached) {
    cached = { citation: formatCitation(version.citation), citations: version.also ? [version.citation, ...version.also] : [version.citation] };
    citationCache.set(version, cached);
  }
  return cached;
};

/** The context one rule application sees; a class (not closures) because it is created on the hot path. */
class TracingContext implements RuleContext {
  readonly parameters: ParameterUse[] = [];
  constructor(readonly asOf: LegalDate) {}
  param<T>(p: Parameter<T>): T {
    return this.paramAt(p, this.asOf);
  }
  paramAt<T>(p: Parameter<T>, date: LegalDate): T {
    const v = parameterAt(p, date);
    this.parameters.push({ id: p.id, value: v.value, citation: formatCitation(v.citation), status: v.status, ...(date === this.asOf ? {} : { asOf: date }) });
    return v.value;
  }
}

/** Applies rules on one legal date and records each application. */
export class Evaluator {
  readonly steps: TraceStep[] = [];
  constructor(readonly asOf: LegalDate) {}

  apply<F, R>(rule: Rule<F, R>, facts: F): R | NeedsReview {
    return this.applyFull(rule, facts).outcome;
  }

  applyFull<F, R>(rule: Rule<F, R>, facts: F): RuleOutcome<R> {
    const version = versionAt(rule.id, rule.versions, this.asOf);
    const ctx = new TracingContext(this.asOf);
    const result = version.evaluate(facts, ctx);
    const { citation, citations } = citationsOf(version as RuleVersion<unknown, unknown>);
    this.steps.push({
      ruleId: rule.id,
      citation,
      citations,
      version: { from: version.period.from, to: version.period.to },
      outcome: result.outcome,
      message: result.message,
      used: result.used ?? {},
      parameters: ctx.parameters,
    });
    return result;
  }
}
