import { describe, expect, it } from 'vitest';
import { Evaluator, NotInForce, legalDate } from '../core/index.js';
import { renewalByExpressedIntent } from './art-012.js';

const on = (d: string) => new Evaluator(legalDate(d));
const deadline = legalDate('2026-02-27');

describe('council-operating-rules art.12', () => {
  it('12(1) on 2026-03-02: intent expressed by the deadline renews membership', () => {
    const e = on('2026-03-02');
    expect(e.apply(renewalByExpressedIntent, { category: 'iii', deadline, intentExpressedOn: legalDate('2026-02-10') })).toBe('renewed');
    expect(e.apply(renewalByExpressedIntent, { category: 'iii', deadline, intentExpressedOn: deadline })).toBe('renewed');
    expect(e.steps[0]?.citation).toBe('council-operating-rules art.12(1)');
  });

  it('12(2) on 2026-02-26, 2026-02-27, 2026-02-28: without an answer membership lapses the day after the deadline', () => {
    const f = { category: 'iii' as const, deadline, intentExpressedOn: null };
    expect(on('2026-02-26').apply(renewalByExpressedIntent, f)).toBe('pending');
    expect(on('2026-02-27').apply(renewalByExpressedIntent, f)).toBe('pending');
    expect(on('2026-02-28').apply(renewalByExpressedIntent, f)).toBe('lapsed');
  });

  it('12(2) on 2026-03-02: intent expressed after the deadline does not renew', () => {
    expect(on('2026-03-02').apply(renewalByExpressedIntent, { category: 'iii', deadline, intentExpressedOn: legalDate('2026-02-28') })).toBe('lapsed');
  });

  it('12(1) on 2026-03-02: only category (iii) renews yearly', () => {
    expect(on('2026-03-02').apply(renewalByExpressedIntent, { category: 'iv', deadline, intentExpressedOn: null })).toBe('not-applicable');
  });

  it('12 on 2025-05-25, 2025-05-26, 2025-05-27: applied from the text we hold (2025-05-26)', () => {
    const f = { category: 'iii' as const, deadline: legalDate('2025-06-30'), intentExpressedOn: legalDate('2025-05-20') };
    expect(() => on('2025-05-25').apply(renewalByExpressedIntent, f)).toThrow(NotInForce);
    expect(on('2025-05-26').apply(renewalByExpressedIntent, f)).toBe('renewed');
    expect(on('2025-05-27').apply(renewalByExpressedIntent, f)).toBe('renewed');
  });
});
