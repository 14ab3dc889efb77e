import type { LegalDate } from './legal-date.js';
import type { Message } from './message.js';

/** Asked about a day no version of the rule covers. Never answered with a default. */
export class NotInForce extends Error {
  constructor(
    readonly ruleId: string,
    readonly asOf: LegalDate,
  ) {
    super(`No version of ${ruleId} is in force on ${asOf}`);
    this.name = 'NotInForce';
  }
  get userMessage(): Message {
    return {
      ja: `${this.asOf} に効力を有する規定がありません（${this.ruleId}）。`,
      en: `No version of ${this.ruleId} is in force on ${this.asOf}.`,
    };
  }
}

export type FactIssue = { readonly fact: string; readonly message: Message };

/** Facts missing or malformed: names each fact, never a stack trace. */
export class FactsInvalid extends Error {
  constructor(
    readonly determinationId: string,
    readonly issues: readonly FactIssue[],
  ) {
    super(`Invalid facts for ${determinationId}: ${issues.map((i) => `${i.fact}: ${i.message.en}`).join('; ')}`);
    this.name = 'FactsInvalid';
  }
}

/** Two versions of one rule claim the same day: a data error in the rules, caught by the sweep test. */
export class OverlappingVersions extends Error {
  constructor(readonly ruleId: string, readonly asOf: LegalDate) {
    super(`More than one version of ${ruleId} is in force on ${asOf}`);
    this.name = 'OverlappingVersions';
  }
}
