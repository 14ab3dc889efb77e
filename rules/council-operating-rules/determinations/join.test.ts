import { describe, expect, it } from 'vitest';
import { FactsInvalid, NEEDS_REVIEW, NotInForce, determine, determineParsed, legalDate, parseFacts } from '../../core/index.js';
import { councilJoinDetermination as join } from './join.js';

const base = join.example.facts as Record<string, unknown>;
const facts = (over: Record<string, unknown>) => ({ ...base, ...over });
const est = (over: Record<string, unknown> = {}) => ({ addressGiven: true, jsicCodes: ['2464'], inManufacturingField: true, shippedInLastYear: true, ...over });

describe('council-join determination', () => {
  it('worked example on 2025-06-01: a complete category (iii) notification is accepted', () => {
    const d = determine(join, join.example.facts, join.example.asOf);
    expect(d.outcome).toBe('accept');
    expect(d.trace.map((s) => s.citation)).toEqual([
      'council-operating-rules art.10(1)',
      'council-operating-rules art.10(2)',
      'council-operating-rules art.10(3)',
      'council-operating-rules art.10(4)(i)',
      'council-operating-rules art.10(4)(ii)',
      'council-operating-rules art.10(4)(iii)',
    ]);
  });

  it('10(4)(iii) on 2025-06-24, 2025-06-25, 2025-06-26: notifications from the JAIM registration day are refused', () => {
    expect(determine(join, facts({ notificationDate: '2025-06-24' }), '2025-06-24').outcome).toBe('accept');
    const refused = determine(join, facts({ notificationDate: '2025-06-25' }), '2025-06-25');
    expect(refused.outcome).toBe('refuse');
    expect(refused.reasons[0]?.en).toContain('2025-06-25');
    expect(determine(join, facts({ notificationDate: '2025-06-26' }), '2025-06-26').outcome).toBe('refuse');
  });

  it('10(4)(ii) on 2025-06-01: refused within a year of expulsion for fraud', () => {
    const d = determine(join, facts({ lastExpulsion: { date: '2024-09-01', ground: 'iii' } }), '2025-06-01');
    expect(d.outcome).toBe('refuse');
    expect(determine(join, facts({ lastExpulsion: { date: '2024-05-31', ground: 'iii' } }), '2025-06-01').outcome).toBe('accept');
  });

  it('10(4)(i) on 2025-06-01: refused when an establishment is outside the field; unknown goes to review', () => {
    expect(determine(join, facts({ establishments: [est({ inManufacturingField: false })] }), '2025-06-01').outcome).toBe('refuse');
    const d = determine(join, facts({ establishments: [est({ inManufacturingField: 'unknown' })] }), '2025-06-01');
    expect(d.outcome).toBe(NEEDS_REVIEW);
    expect(d.reasons).toHaveLength(1);
  });

  it('10(1)(2)(3) on 2025-06-01: missing items, declaration or add-on measures make it incomplete', () => {
    expect(determine(join, facts({ formItemsComplete: false }), '2025-06-01').outcome).toBe('incomplete');
    expect(determine(join, facts({ pledge: false }), '2025-06-01').outcome).toBe('incomplete');
    expect(determine(join, facts({ declarations: { nonDisqualification: false } }), '2025-06-01').outcome).toBe('incomplete');
    expect(determine(join, facts({ establishments: [est({ jsicCodes: ['1111'] })] }), '2025-06-01').outcome).toBe('incomplete');
    expect(determine(join, facts({ establishments: [] }), '2025-06-01').outcome).toBe('incomplete');
  });

  it('a refusal ground wins over gaps in the notification (2025-06-01)', () => {
    expect(determine(join, facts({ pledge: false, establishments: [est({ inManufacturingField: false })] }), '2025-06-01').outcome).toBe('refuse');
  });

  it('10(3) on 2024-09-29, 2024-09-30, 2024-10-01: add-on measures are required from 2024-09-30', () => {
    const textile = (n: string) => facts({ establishments: [est({ jsicCodes: ['1111'] })], notificationDate: n });
    expect(determine(join, textile('2024-09-29'), '2024-09-29').outcome).toBe('accept');
    expect(determine(join, textile('2024-09-30'), '2024-09-30').outcome).toBe('incomplete');
    expect(determine(join, textile('2024-10-01'), '2024-10-01').outcome).toBe('incomplete');
  });

  it('10(5) on 2025-06-01: a complete category (iv) notification goes to review; an incomplete one is incomplete', () => {
    const iv = { ...facts({ category: 'iv', establishments: [] }) };
    const d = determine(join, iv, '2025-06-01');
    expect(d.outcome).toBe(NEEDS_REVIEW);
    expect(d.reasons[0]?.ja).toContain('著しく適当でない');
    expect(determine(join, { ...iv, formItemsComplete: false }, '2025-06-01').outcome).toBe('incomplete');
  });

  it('10(6) on 2025-06-25: category (v) is accepted when registered, incomplete otherwise; before 2025-05-26 it is not in force', () => {
    expect(determine(join, facts({ category: 'v', registeredUnderKokujiArt4: true }), '2025-06-25').outcome).toBe('accept');
    expect(determine(join, facts({ category: 'v' }), '2025-06-25').outcome).toBe('incomplete');
    expect(() => determine(join, facts({ category: 'v', registeredUnderKokujiArt4: true }), '2025-05-25')).toThrow(NotInForce);
  });

  it('on 2019-03-25 the join rules are not in force and say so', () => {
    expect(() => determine(join, facts({ notificationDate: '2019-03-25' }), '2019-03-25')).toThrow(NotInForce);
  });

  it('invalid facts are named, not thrown as a trace', () => {
    try {
      determine(join, { ...base, category: 'vi', notificationDate: '2025-02-30', applicant: undefined }, '2025-06-01');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FactsInvalid);
      const facts = (error as FactsInvalid).issues.map((i) => i.fact);
      expect(facts).toEqual(expect.arrayContaining(['category', 'notificationDate', 'applicant']));
    }
  });

  it('is fast enough: well over 100,000 join determinations a second on parsed facts', () => {
    const parsed = parseFacts(join, join.example.facts);
    const asOf = legalDate('2025-06-01');
    for (let i = 0; i < 5_000; i++) determineParsed(join, parsed, asOf); // warm up the JIT
    let best = 0;
    for (let round = 0; round < 3; round++) {
      // CPU time, not wall time: other processes sharing the machine do not count against the rules.
      const n = 20_000;
      const c0 = process.cpuUsage();
      for (let i = 0; i < n; i++) determineParsed(join, parsed, asOf);
      const c = process.cpuUsage(c0);
      best = Math.max(best, n / ((c.user + c.system) / 1e6));
    }
    expect(best).toBeGreaterThan(100_000);
  });
});
