import type { Citation } from './citation.js';
import { NotInForce, OverlappingVersions } from './errors.js';
import type { LegalDate } from './legal-date.js';
import { type Period, periodContains } from './period.js';

/** Something with a period in force: a rule version, a parameter value, a reference-data list. */
export type Versioned = { readonly period: Period };

/** Picks the one version in force on `asOf`; none is an error, never a silent default. */
export const versionAt = <V extends Versioned>(id: string, versions: readonly V[], asOf: LegalDate): V => {
  let found: V | undefined;
  for (const v of versions) {
    if (periodContains(v.period, asOf)) {
      if (found) throw new OverlappingVersions(id, asOf);
      found = v;
    }
  }
  if (!found) throw new NotInForce(id, asOf);
  return found;
};

export type ParameterValue<T> = Versioned & {
  readonly value: T;
  readonly citation: Citation;
  /** "example": an operator-set amount not taken from any source; shown as such. */
  readonly status: 'official' | 'secondary' | 'inferred' | 'example' | 'uncertain';
  readonly note?: string;
};

export type Parameter<T> = {
  readonly id: string;
  readonly description: { readonly ja: string; readonly en: string };
  readonly unit?: 'yen' | 'percent' | 'months' | 'years' | 'days' | 'minutes' | 'count' | 'points' | 'date' | 'list';
  readonly values: readonly ParameterValue<T>[];
};

export const defineParameter = <T>(p: Parameter<T>): Parameter<T> => p;

export const parameterAt = <T>(p: Parameter<T>, asOf: LegalDate): ParameterValue<T> => versionAt(p.id, p.values, asOf);
