import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FactsInvalid, NEEDS_REVIEW, NotInForce, addDays, determine, legalDate } from '../core/index.js';
import { assessFees, jaimFeeDetermination as d } from './determination.js';

const base = {
  fiscalYear: 2026,
  firstYear: false,
  smeOutcome: 'not-sme',
  jaimApplicationDate: '2025-08-01',
  establishments: [{ id: 'honsha', jsicCodes: ['2422'] }],
};

describe('jaim-fee determination', () => {
  it('runs its worked example on 2026-09-01: 2 establishments, SME + association, September notice → 2 × ¥40,833', () => {
    const r = determine(d, d.example.facts, d.example.asOf);
    expect(r.outcome).toBe('assessed');
    const a = assessFees(d.example.facts, d.example.asOf);
    expect(a.lines.map((l) => l.amountYen)).toEqual([40_833, 40_833]);
    expect(a.lines[0]?.discounts.map((x) => [x.kind, x.yen, x.citation.article])).toEqual([
      ['sme', 10_000, 'Q2-5-2'],
      ['association', 20_000, 'Q2-5-3'],
    ]);
    expect(a.lines[0]).toMatchObject({ baseYen: 100_000, fullYearYen: 70_000, firstYearTwelfths: 7 });
    expect(a.total).toBe(81_666);
    expect(a.paymentMethod).toBe('bank-transfer');
    expect(a.assessment).toMatchObject({ taxYen: 0, entranceFeeYen: 0, billedIn: '2026-09', amountsAreExamples: true });
    expect(a.determination.outcome).toBe('assessed');
    expect(a.determination.reasons[0]?.en).toContain('¥81666');
    expect(r.trace.map((s) => s.ruleId)).toEqual(a.determination.trace.map((s) => s.ruleId));
  });

  it('Q2-5-5 on 2026-02-10: the FY2026 renewal of 3 establishments of a non-SME is 3 × ¥100,000 by direct debit, billed around 2026-02', () => {
    const a = assessFees({ ...base, establishments: [{ id: 'a', jsicCodes: ['2422'] }, { id: 'b', jsicCodes: ['2422'] }, { id: 'c', jsicCodes: ['2691'] }] }, '2026-02-10');
    expect(a.total).toBe(300_000);
    expect(a.paymentMethod).toBe('direct-debit');
    expect(a.assessment.billedIn).toBe('2026-02');
    expect(a.determination.outcome).toBe('assessed');
  });

  it('Q2-5-6 on 2026-02-10: one establishment under two JSIC classes pays one fee', () => {
    expect(assessFees({ ...base, establishments: [{ id: 'a', jsicCodes: ['2422', '2691'] }] }, '2026-02-10').total).toBe(100_000);
  });

  it('Q2-5-2 on 2025-09-01: an SME in FY2025 (example half price) pays ¥45,000, "in the ¥40,000s"', () => {
    const a = assessFees({ ...base, fiscalYear: 2025, firstYear: true, feeNoticeDate: '2025-09-01', smeOutcome: 'sme', jaimApplicationDate: '2025-07-10' }, '2025-09-01');
    expect(a.total).toBe(45_000);
  });

  it('Q2-4-4 on 2026-09-01: SME facts that need review make the fee needs_review, computed without the SME discount', () => {
    const { smeOutcome: _, ...rest } = base;
    const a = assessFees({ ...rest, sme: { capitalYen: 1_000_000_000, regularEmployees: 295, uncertainStaff: 10 } }, '2026-09-01');
    expect(a.determination.outcome).toBe(NEEDS_REVIEW);
    expect(a.total).toBe(100_000);
    expect(a.assessment.pendingReview.length).toBe(2);
    expect(a.determination.trace.map((s) => s.ruleId)).toContain('sme/art-002/employee-test');
  });

  it('Q1-2-4 on 2026-09-01: adjacent plants claimed as one establishment need review (one fee as claimed)', () => {
    const a = assessFees({ ...base, establishments: [{ id: 'a', jsicCodes: ['2422'], plantsCombined: 2 }] }, '2026-09-01');
    expect(a.determination.outcome).toBe(NEEDS_REVIEW);
    expect(a.total).toBe(100_000);
    expect(a.determination.reasons[0]?.en).toContain('adjacent plants');
  });

  it('Q2-5-3 on 2026-09-01: association membership completed after the application gives no discount in the first year', () => {
    const a = assessFees(
      { ...base, firstYear: true, feeNoticeDate: '2026-04-20', jaimApplicationDate: '2026-04-01', associationMembershipCompletedOn: '2026-04-02' },
      '2026-09-01',
    );
    expect(a.lines[0]?.discounts).toEqual([]);
    expect(a.total).toBe(100_000);
  });

  it('before JAIM was registered (2025-06-24) the determination is not in force', () => {
    expect(() => determine(d, { ...base, fiscalYear: 2025 }, '2025-06-24')).toThrow(NotInForce);
  });

  it('rejects facts naming the fault: no SME information, first year without a notice date, notice outside the fiscal year, duplicate ids', () => {
    const { smeOutcome: _, ...noSme } = base;
    const issue = (facts: unknown) => {
      try {
        determine(d, facts, '2026-09-01');
      } catch (err) {
        expect(err).toBeInstanceOf(FactsInvalid);
        return (err as FactsInvalid).issues.map((i) => i.fact);
      }
      return [];
    };
    expect(issue(noSme)).toContain('sme');
    expect(issue({ ...base, firstYear: true })).toContain('feeNoticeDate');
    expect(issue({ ...base, firstYear: true, feeNoticeDate: '2027-04-01' })).toContain('feeNoticeDate');
    expect(issue({ ...base, establishments: [{ id: 'a', jsicCodes: ['2422'] }, { id: 'a', jsicCodes: ['2422'] }] })).toContain('establishments.1.id');
    expect(issue({ ...base, establishments: [] })).toContain('establishments');
  });
});

describe('jaim-fee properties', () => {
  const facts = fc.record({
    fiscalYear: fc.integer({ min: 2025, max: 2030 }),
    firstYear: fc.boolean(),
    noticeMonthIndex: fc.integer({ min: 0, max: 11 }),
    smeOutcome: fc.constantFrom('sme', 'not-sme', NEEDS_REVIEW),
    assocOffset: fc.option(fc.integer({ min: -400, max: 400 }), { nil: null }),
    establishments: fc.integer({ min: 1, max: 5 }),
    plants: fc.integer({ min: 1, max: 2 }),
  });
  const toFacts = (x: { fiscalYear: number; firstYear: boolean; noticeMonthIndex: number; smeOutcome: string; assocOffset: number | null; establishments: number; plants: number }) => {
    const month = ((x.noticeMonthIndex + 3) % 12) + 1;
    const year = month >= 4 ? x.fiscalYear : x.fiscalYear + 1;
    const notice = `${year}-${String(month).padStart(2, '0')}-15`;
    const application = `${x.fiscalYear}-04-01`;
    const assocDay = x.assocOffset === null ? null : addDays(legalDate(application), x.assocOffset);
    return {
      fiscalYear: x.fiscalYear,
      firstYear: x.firstYear,
      ...(x.firstYear ? { feeNoticeDate: notice } : {}),
      smeOutcome: x.smeOutcome,
      jaimApplicationDate: application,
      associationMembershipCompletedOn: assocDay,
      establishments: Array.from({ length: x.establishments }, (_, i) => ({ id: `e${i}`, jsicCodes: ['2422'], plantsCombined: i === 0 ? x.plants : 1 })),
    };
  };
  const asOf = (fy: number) => `${fy}-10-01`;

  it('property: total = Σ lines (+ entrance fee 0 + tax 0), all integers, never negative', () => {
    fc.assert(
      fc.property(facts, (x) => {
        const a = assessFees(toFacts(x), asOf(x.fiscalYear));
        let sum = 0;
        for (const l of a.lines) {
          expect(Number.isInteger(l.amountYen)).toBe(true);
          expect(l.amountYen).toBeGreaterThanOrEqual(0);
          expect(l.fullYearYen).toBeGreaterThanOrEqual(0);
          sum += l.amountYen;
        }
        expect(a.total).toBe(sum + a.assessment.entranceFeeYen + a.assessment.taxYen);
        expect(a.assessment.taxYen).toBe(0);
        expect(Number.isInteger(a.total)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('property: the first-year amount never exceeds the full-year amount; discounts never exceed the base', () => {
    fc.assert(
      fc.property(facts, (x) => {
        for (const l of assessFees(toFacts(x), asOf(x.fiscalYear)).lines) {
          expect(l.amountYen).toBeLessThanOrEqual(l.fullYearYen);
          expect(l.fullYearYen).toBeLessThanOrEqual(l.baseYen);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: the total is the same whatever order the establishments are listed in', () => {
    fc.assert(
      fc.property(facts, (x) => {
        const f = toFacts(x);
        const reversed = { ...f, establishments: [...f.establishments].reverse() };
        expect(assessFees(reversed, asOf(x.fiscalYear)).total).toBe(assessFees(f, asOf(x.fiscalYear)).total);
      }),
      { numRuns: 100 },
    );
  });
});
