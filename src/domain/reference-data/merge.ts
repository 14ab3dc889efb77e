import { type Citation, type LegalDate, type Parameter, type ParameterValue, period } from '../../../rules/core/index.js';

// Merging operator data over the seeded (rules-library) parameter versions. Pure.
//
// An operator value published from date F is in force from F until the next operator value of the same parameter
// (or open-ended). Seeded versions keep answering for dates before the first operator value: a seeded version in
// force on F is closed the day before F; seeded versions starting on or after F are superseded by the operator's data.

export type OperatorValue<T> = {
  readonly id: string;
  readonly effectiveFrom: LegalDate;
  readonly value: T;
  readonly certainty: 'official' | 'uncertain';
  readonly sourceNote: string;
};

const citationFor = (seeded: Parameter<unknown>, from: LegalDate): Citation => {
  const base = [...seeded.values].reverse().find((v) => v.period.from <= from) ?? seeded.values[0];
  if (!base) throw new RangeError(`Parameter ${seeded.id} has no seeded version`);
  const { confidence: _confidence, ...citation } = base.citation;
  return citation;
};

/** A new Parameter whose later versions carry the operator's values and status; the seeded object is not touched. */
export const mergeParameter = <T>(seeded: Parameter<T>, operator: readonly OperatorValue<T>[]): Parameter<T> => {
  if (operator.length === 0) return seeded;
  const sorted = [...operator].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
  const first = sorted[0]!.effectiveFrom;
  const values: ParameterValue<T>[] = [];
  for (const v of seeded.values) {
    if (v.period.from >= first) continue;
    values.push(v.period.to === null || v.period.to > first ? { ...v, period: period(v.period.from, first) } : v);
  }
  sorted.forEach((o, i) => {
    const next = sorted[i + 1];
    if (next && next.effectiveFrom === o.effectiveFrom) return; // the later one (published last) wins
    values.push({
      period: period(o.effectiveFrom, next ? next.effectiveFrom : null),
      value: o.value,
      citation: citationFor(seeded as Parameter<unknown>, o.effectiveFrom),
      status: o.certainty,
      note: `運用者が設定（${o.certainty === 'official' ? '公式' : '要確認'}）: ${o.sourceNote} / Set by the operator (${o.certainty}): ${o.sourceNote}`,
    });
  });
  return { ...seeded, values };
};
