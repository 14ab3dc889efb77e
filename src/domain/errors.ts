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
  constructor(readonly machine: string, readonly from: string, readonly event: string) {
    super('conflict', `${machine}: cannot ${event} from ${from}`, {
      ja: `現在の状態（${from}）ではこの操作はできません。`,
      en: `This cannot be done while the status is ${from}.`,
    });
  }
}
