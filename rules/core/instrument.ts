import type { DocumentId } from './citation.js';
import type { Parameter } from './dated.js';
import type { AnyDetermination } from './determination.js';
import type { Message } from './message.js';
import type { AnyRule } from './rule.js';

/** One source document as code: its rules, dated parameters and the determinations built on them. */
export type InstrumentDefinition = {
  /** Folder name under rules/. */
  readonly id: string;
  readonly documents: readonly DocumentId[];
  readonly title: Message;
  /** What we could not formalise and why (judgement calls, text we do not hold). */
  readonly notFormalised?: readonly Message[];
  readonly rules: readonly AnyRule[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly parameters: readonly Parameter<any>[];
  readonly determinations: readonly AnyDetermination[];
};

export const defineInstrument = (i: InstrumentDefinition): InstrumentDefinition => i;
