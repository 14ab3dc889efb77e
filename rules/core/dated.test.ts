import { describe, expect, it } from 'vitest';
import { cite } from './citation.js';
import { defineParameter, parameterAt, versionAt } from './dated.js';
import { NotInForce, OverlappingVersions } from './errors.js';
import { legalDate } from './legal-date.js';
import { msg } from './message.js';
import { period } from './period.js';
import { Evaluator, defineRule } from './rule.js';

const d = legalDate;

describe('versionAt', () => {
  const versions = [
    { period: period('2019-03-26', '2025-05-26'), v: 'old' },
    { period: period('2025-05-26'), v: 'new' },
  ];

  it('picks the version in force on the day before, of and after a change', () => {
    expect(versionAt('x', versions, d('2025-05-25')).v).toBe('old');
    expect(versionAt('x', versions, d('2025-05-26')).v).toBe('new');
    expect(versionAt('x', versions, d('2025-05-27')).v).toBe('new');
  });

  it('throws NotInForce before the first version, naming the rule and day', () => {
    try {
      versionAt('x', versions, d('2019-03-25'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NotInForce);
      expect((error as NotInForce).ruleId).toBe('x');
      expect((error as NotInForce).asOf).toBe('2019-03-25');
      expect((error as NotInForce).userMessage.ja).toContain('2019-03-25');
    }
  });

  it('throws OverlappingVersions when two versions claim the day', () => {
    const bad = [...versions, { period: period('2025-01-01', '2025-06-01'), v: 'dup' }];
    expect(() => versionAt('x', bad, d('2025-05-30'))).toThrow(OverlappingVersions);
    expect(versionAt('x', bad, d('2025-06-01')).v).toBe('new');
  });
});

describe('parameters and the evaluator trace', () => {
  const fee = defineParameter<number>({
    id: 'test/fee',
    description: msg('手数料', 'Fee'),
    unit: 'yen',
    values: [
      { period: period('2024-04-01', '2025-04-01'), value: 1000, citation: cite('jaim-membership-faq', 'Q2-5-1'), status: 'example' },
      { period: period('2025-04-01'), value: 1200, citation: cite('jaim-membership-faq', 'Q2-5-1'), status: 'example' },
    ],
  });
  const rule = defineRule<{ n: number }, number>({
    id: 'test/fee-total',
    title: msg('合計', 'Total'),
    versions: [
      {
        period: period('2024-04-01'),
        citation: cite('jaim-membership-faq', 'Q2-5-1'),
        summary: msg('要約', 'Summary'),
        evaluate: ({ n }, ctx) => ({ outcome: n * ctx.param(fee), message: msg('計算', 'computed'), used: { n } }),
      },
    ],
  });

  it('reads the parameter value in force and records it in the trace', () => {
    expect(parameterAt(fee, d('2025-03-31')).value).toBe(1000);
    expect(parameterAt(fee, d('2025-04-01')).value).toBe(1200);
    const e = new Evaluator(d('2025-04-01'));
    expect(e.apply(rule, { n: 2 })).toBe(2400);
    expect(e.steps[0]).toMatchObject({ ruleId: 'test/fee-total', citation: 'jaim-membership-faq Q2-5-1', used: { n: 2 } });
    expect(e.steps[0]?.parameters).toEqual([{ id: 'test/fee', value: 1200, citation: 'jaim-membership-faq Q2-5-1', status: 'example' }]);
  });

  it('a rule asked about a day before its period throws NotInForce', () => {
    expect(() => new Evaluator(d('2024-03-31')).apply(rule, { n: 1 })).toThrow(NotInForce);
  });
});
