import { type Message, NEEDS_REVIEW, type RuleOutcome, msg } from '../core/index.js';

/** The outcome of one requirement: met, not met, or not decidable because a fact was not provided. */
export type ReqOutcome = 'met' | 'not-met' | 'missing';
export type ReqResult = RuleOutcome<ReqOutcome>;

type Used = Readonly<Record<string, unknown>>;

export const met = (ja: string, en: string, used: Used = {}): ReqResult => ({ outcome: 'met', message: msg(ja, en), used });
export const notMet = (ja: string, en: string, used: Used = {}): ReqResult => ({ outcome: 'not-met', message: msg(ja, en), used });
export const review = (ja: string, en: string, used: Used = {}): ReqResult => ({ outcome: NEEDS_REVIEW, message: msg(ja, en), used });
export const missing = (fact: string, used: Used = {}): ReqResult => ({
  outcome: 'missing',
  message: msg(`「${fact}」が入力されていないため判定できません。`, `Cannot decide: "${fact}" has not been provided.`),
  used,
});

/** A judgement a reviewer has already recorded ('satisfied' / 'not-satisfied'): the rule reports it, it does not make it. */
export type Review = 'satisfied' | 'not-satisfied';

export const fromReview = (r: Review, what: Message, used: Used = {}): ReqResult =>
  r === 'satisfied'
    ? { outcome: 'met', message: msg(`審査担当者が「${what.ja}」を満たすと判断しました。`, `A reviewer recorded that "${what.en}" is satisfied.`), used: { ...used, review: r } }
    : { outcome: 'not-met', message: msg(`審査担当者が「${what.ja}」を満たさないと判断しました。`, `A reviewer recorded that "${what.en}" is not satisfied.`), used: { ...used, review: r } };
