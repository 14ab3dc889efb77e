import type { Citation, LegalDate, Message, Period } from '../core/index.js';

/** How sure we are of a piece of reference data (domain-data.md markers). */
export type Confidence = 'confirmed' | 'secondary' | 'inferred' | 'unresolved';

/** JSIC levels used by the lists: 中分類 (2 digits), 小分類 (3 digits), 細分類 (4 digits). */
export type JsicLevel = '中分類' | '小分類' | '細分類';

export const LEVEL_DIGITS: Readonly<Record<JsicLevel, number>> = { 中分類: 2, 小分類: 3, 細分類: 4 };

/** The two SSW tracks: 特定技能1号 and 特定技能2号. */
export type Track = 'ssw1' | 'ssw2';

/** Whether an entry is acceptable on a track: true, false, or null when no source says. */
export type TrackEligibility = boolean | null;

export type JsicEntry = {
  /** 2–4 digit JSIC code. */
  readonly code: string;
  readonly level: JsicLevel;
  readonly name: string;
  readonly ssw1: TrackEligibility;
  readonly ssw2: TrackEligibility;
  /** Codes beneath this entry that it does not cover (a 細分類 or 小分類 named in the exclusion note). */
  readonly exclusions: readonly string[];
  /** Exclusions written in words that we could not turn into codes (shown to the reviewer). */
  readonly exclusionNotes?: readonly string[];
  readonly source: string;
  /** Confidence that the entry is on the list for ssw1 (and for ssw2 unless ssw2Confidence says otherwise). */
  readonly confidence: Confidence;
  readonly ssw2Confidence?: Confidence;
  readonly note?: string;
};

/** One list of eligible JSIC codes, in force for a half-open period. */
export type EligibleIndustryList = {
  readonly id: string;
  readonly title: Message;
  readonly period: Period;
  /** How sure we are of the period's dates. */
  readonly periodConfidence: Confidence;
  readonly periodNote?: Message;
  /**
   * From this day a later decision may already have changed the list although we do not know when it took effect:
   * a "not on the list" answer becomes NEEDS_REVIEW from here to the end of the period.
   */
  readonly supersessionUncertainFrom?: LegalDate;
  /** Whether the list holds every eligible code for the track; a code missing from an incomplete list is never a "no". */
  readonly complete: { readonly ssw1: boolean; readonly ssw2: boolean };
  /** The number of items the official list has (METI), when known. */
  readonly officialCount?: { readonly ssw1: number; readonly ssw2: number };
  readonly citation: Citation;
  readonly entries: readonly JsicEntry[];
};
