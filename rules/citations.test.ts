import { describe, expect, it } from 'vitest';
import {
  type AnyDetermination,
  type AnyRule,
  type InstrumentDefinition,
  type Message,
  type Parameter,
  FactsInvalid,
  NotInForce,
  cite,
  determine,
  formatCitation,
  isCompleteCitation,
  msg,
  period,
} from './core/index.js';
import { INSTRUMENTS } from './registry.js';

// Every rule version names its source and says what it does in both languages; every determination has a worked
// example that runs and ends in one of its declared outcomes. Generic over rules/registry.ts.

const hasText = (m: Message | undefined): boolean =>
  m !== undefined && typeof m.ja === 'string' && m.ja.trim().length > 0 && typeof m.en === 'string' && m.en.trim().length > 0;

const ruleProblems = (rule: AnyRule): string[] => {
  const problems: string[] = [];
  if (!rule.id) problems.push('(rule without id)');
  if (!hasText(rule.title)) problems.push(`${rule.id}: title lacks ja or en`);
  if (rule.versions.length === 0) problems.push(`${rule.id}: no versions`);
  rule.versions.forEach((v, i) => {
    const where = `${rule.id} version ${i + 1} [${v.period?.from}, ${v.period?.to ?? '…'})`;
    if (!v.period) problems.push(`${where}: no period`);
    if (!isCompleteCitation(v.citation)) problems.push(`${where}: incomplete citation`);
    for (const c of v.also ?? []) if (!isCompleteCitation(c)) problems.push(`${where}: incomplete citation in also`);
    if (!hasText(v.summary)) problems.push(`${where}: summary lacks ja or en`);
    if (typeof v.evaluate !== 'function') problems.push(`${where}: no evaluate`);
  });
  return problems;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const parameterProblems = (p: Parameter<any>): string[] => {
  const problems: string[] = [];
  if (!hasText(p.description)) problems.push(`${p.id}: description lacks ja or en`);
  if (p.values.length === 0) problems.push(`${p.id}: no values`);
  p.values.forEach((v, i) => {
    if (!isCompleteCitation(v.citation)) problems.push(`${p.id} value ${i + 1}: incomplete citation`);
  });
  return problems;
};

const determinationProblems = (d: AnyDetermination): string[] => {
  const problems: string[] = [];
  if (!hasText(d.title)) problems.push(`${d.id}: title lacks ja or en`);
  if (!hasText(d.description)) problems.push(`${d.id}: description lacks ja or en`);
  if (d.outcomes.length === 0) problems.push(`${d.id}: no declared outcomes`);
  if (!d.example || typeof d.example.asOf !== 'string') {
    problems.push(`${d.id}: no worked example`);
    return problems;
  }
  try {
    const result = determine(d, d.example.facts, d.example.asOf);
    if (!d.outcomes.includes(result.outcome)) problems.push(`${d.id}: example outcome ${String(result.outcome)} is not a declared outcome`);
    if (!result.reasons.every(hasText)) problems.push(`${d.id}: example reasons lack ja or en`);
    for (const step of result.trace) if (!hasText(step.message)) problems.push(`${d.id}: trace step ${step.ruleId} has no ja/en message`);
  } catch (error) {
    const why = error instanceof FactsInvalid || error instanceof NotInForce ? error.message : String(error);
    problems.push(`${d.id}: example does not run: ${why}`);
  }
  return problems;
};

const instrumentProblems = (i: InstrumentDefinition): string[] => [
  ...(hasText(i.title) ? [] : [`${i.id}: title lacks ja or en`]),
  ...(i.notFormalised ?? []).flatMap((m, n) => (hasText(m) ? [] : [`${i.id}: notFormalised note ${n + 1} lacks ja or en`])),
];

describe('citations and summaries across the registry', () => {
  for (const instrument of INSTRUMENTS) {
    describe(instrument.id, () => {
      it('every rule version has a complete citation and a ja/en summary', () => {
        expect(instrument.rules.flatMap(ruleProblems)).toEqual([]);
      });
      it('every parameter value has a complete citation', () => {
        expect(instrument.parameters.flatMap(parameterProblems)).toEqual([]);
      });
      it('every determination has a worked example that runs to a declared outcome', () => {
        expect(instrument.determinations.flatMap(determinationProblems)).toEqual([]);
      });
      it('title and not-formalised notes exist in both languages', () => {
        expect(instrumentProblems(instrument)).toEqual([]);
      });
    });
  }

  it('rule, parameter and determination ids are unique across instruments', () => {
    const dupes = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes(INSTRUMENTS.flatMap((i) => i.rules.map((r) => r.id)))).toEqual([]);
    expect(dupes(INSTRUMENTS.flatMap((i) => i.parameters.map((p) => p.id)))).toEqual([]);
    expect(dupes(INSTRUMENTS.flatMap((i) => i.determinations.map((d) => d.id)))).toEqual([]);
  });

  it('instrument ids are unique', () => {
    const ids = INSTRUMENTS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the citation checks themselves can fail', () => {
  const good = {
    period: period('2020-01-01'),
    citation: cite('council-operating-rules', '10', '4', 'ii'),
    summary: msg('要約', 'Summary'),
    evaluate: () => ({ outcome: 'x', message: msg('a', 'a') }),
  };

  it('a rule version without an article, or with an unknown document, or without an English summary is reported', () => {
    expect(ruleProblems({ id: 'x/ok', title: msg('t', 't'), versions: [good] })).toEqual([]);
    expect(formatCitation(good.citation)).toBe('council-operating-rules art.10(4)(ii)');
    const badArticle = { ...good, citation: { document: 'council-operating-rules' as const, article: ' ' } };
    const badDocument = { ...good, citation: { document: 'nope', article: '1' } as unknown as typeof good.citation };
    const noEnglish = { ...good, summary: { ja: '要約', en: '' } };
    expect(ruleProblems({ id: 'x/a', title: msg('t', 't'), versions: [badArticle] })).toHaveLength(1);
    expect(ruleProblems({ id: 'x/b', title: msg('t', 't'), versions: [badDocument] })).toHaveLength(1);
    expect(ruleProblems({ id: 'x/c', title: msg('t', 't'), versions: [noEnglish] })).toHaveLength(1);
    expect(ruleProblems({ id: 'x/d', title: msg('t', 't'), versions: [] })).toHaveLength(1);
  });

  it('a determination whose example ends outside its declared outcomes is reported', () => {
    const rule = { id: 'x/r', title: msg('t', 't'), versions: [good] };
    const base = {
      id: 'x-det',
      title: msg('t', 't'),
      description: msg('d', 'd'),
      facts: { safeParse: (v: unknown) => ({ success: true as const, data: v }) } as unknown as AnyDetermination['facts'],
      rules: [rule],
      example: { asOf: '2021-01-01', facts: {} },
      decide: () => ({ outcome: 'other', reasons: [msg('理由', 'reason')] }),
    };
    expect(determinationProblems({ ...base, outcomes: ['other'] })).toEqual([]);
    expect(determinationProblems({ ...base, outcomes: ['accept'] })).toHaveLength(1);
    expect(determinationProblems({ ...base, outcomes: ['other'], example: { asOf: 'not-a-date', facts: {} } })).toHaveLength(1);
  });
});
