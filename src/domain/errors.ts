// Typed domain errors. The HTTP layer maps each code to a status and a message in the user's language;
// nothing internal (stack, SQL) ever reaches the user.

export type FieldProblem = { field: string; message: { ja: string; en: string } };

export class DomainError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'invalid' | 'forbidden' | 'locked' | 'gone',
    message: string,
    readonly userMessage?: { ja: string; en: string },
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFound extends DomainError {
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

/** Someone else changed the record first (optimistic concurrency), or the state no longer allows the action. */
export class Conflict extends DomainError {
  constructor(message: string, userMessage?: { ja: string; en: string }) {
    super('conflict', message, userMessage);
  }
}

export class InvalidInput extends DomainError {
  constructor(readonly fields: FieldProblem[]) {
    super('invalid', `Invalid input: ${fields.map((f) => f.field).join(', ')}`);
  }
}

/** A workflow asked to make a transition its state machine does not allow. */
export class InvalidTransition extends DomainError {
  /** `fromLabel`: the state's name as users see it; without one the message names the state by its code. */
  constructor(readonly machine: string, readonly from: string, readonly event: string, fromLabel?: { ja: string; en: string }) {
    super('conflict', `${machine}: cannot ${event} from ${from}`, {
      ja: fromLabel
        ? `現在の状態（${fromLabel.ja}）ではこの操作はできません。画面を開き直して最新の状態を確認してください。`
        : `現在の状態ではこの操作はできません（状態コード: ${from}）。画面を開き直して最新の状態を確認してください。`,
      en: fromLabel
        ? `This cannot be done while the status is “${fromLabel.en}”. Reload to see the current state.`
        : `This cannot be done in the current state (state code: ${from}). Reload to see the current state.`,
    });
  }
}
