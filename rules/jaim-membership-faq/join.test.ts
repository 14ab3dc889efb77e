import { describe, expect, it } from 'vitest';
import { FactsInvalid, NEEDS_REVIEW, NotInForce, determine, isCompleteCitation, legalDate } from '../core/index.js';
import { SEEDED_LISTS, parseEligibleIndustriesCsv, withNewList } from '../eligible-industries/index.js';
import { instrument } from './index.js';
import { jaimJoinDetermination, makeJaimJoinDetermination } from './join.js';

type Facts = typeof jaimJoinDetermination.example.facts;
// Tests edit the example facts freely; determine() validates them.
const base = (): Record<string, any> => structuredClone(jaimJoinDetermination.example.facts as Facts) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const run = (facts: unknown, asOf = '2025-10-01') => determine(jaimJoinDetermination, facts, asOf);

describe('jaim-join determination', () => {
  it('runs its worked example: a printing establishment is accepted with every rule in the trace', () => {
    const { asOf, facts } = jaimJoinDetermination.example;
    const d = determine(jaimJoinDetermination, facts, asOf);
    expect(d.outcome).toBe('accept');
    expect(d.trace.map((s) => s.ruleId.split('/').pop())).toEqual([
      'applicant-identity',
      'establishment-identity',
      'non-disqualification',
      'pledges',
      'recent-expulsion',
      'operating-with-shipments',
      'jsic-coverage',
      'add-on-applicability',
      'printing-association',
      'evidence-templates',
      'shipment-evidence',
      'photo-evidence',
    ]);
    expect(d.trace.every((s) => s.citations.every(isCompleteCitation))).toBe(true);
  });
  it('Q2-1-3 on 2025-06-24 / 2025-06-25 / 2025-06-26: not in force before JAIM’s registration, then applies', () => {
    const f = base();
    expect(() => run(f, '2025-06-24')).toThrow(NotInForce);
    expect(run(f, '2025-06-25').outcome).toBe('accept');
    expect(run(f, '2025-06-26').outcome).toBe('accept');
  });
  it('ordinance art.2(1)(iv) on 2025-10-01: a declared disqualification refuses, with the reason', () => {
    const f = base();
    f.declarations.nu = 'applies';
    const d = run(f);
    expect(d.outcome).toBe('refuse');
    expect(d.reasons[0]?.ja).toContain('ヌ');
  });
  it('Q3-2-4 on 2025-10-01: a plant not yet operating is refused', () => {
    const f = base();
    f.establishment.operating = false;
    expect(run(f).outcome).toBe('refuse');
  });
  it('council 10(4)(ii) via Q2-1-3 on 2025-10-01: refused within a year of a council expulsion', () => {
    const f = base();
    f.lastExpulsion = { on: '2025-03-01', body: 'council', ground: 'art14_1_i' };
    expect(run(f).outcome).toBe('refuse');
  });
  it('Q2-1-3 on 2025-10-01: a missing corporate number, pledge or answer makes the application incomplete', () => {
    const f = base();
    f.applicant.corporateNumberPresent = false;
    f.pledges.codeOfConduct = false;
    delete f.declarations.ro;
    const d = run(f);
    expect(d.outcome).toBe('incomplete');
    expect(d.reasons).toHaveLength(3);
  });
  it('Q2-3-4 on 2025-10-01: an enrolment certificate instead of the 会員証 is incomplete; no membership refuses', () => {
    const f = base();
    f.addOn.associationMemberships[0].evidence = 'enrolment_certificate';
    expect(run(f).outcome).toBe('incomplete');
    f.addOn.associationMemberships = [];
    expect(run(f).outcome).toBe('refuse');
  });
  it('Q2-3-1 on 2025-10-01: packing (484) goes to review while its association is unset', () => {
    const f = base();
    f.establishment.jsicCodes = ['484'];
    f.establishment.evidence.templates = ['484'];
    const d = run(f);
    expect(d.outcome).toBe(NEEDS_REVIEW);
    expect(d.trace.some((s) => s.ruleId.endsWith('packing-association') && s.outcome === NEEDS_REVIEW)).toBe(true);
  });
  it('Q2-3-1 on 2025-10-01: textile applies all four conditions', () => {
    const f = base();
    f.establishment.jsicCodes = ['1121'];
    f.establishment.evidence.templates = ['11'];
    f.addOn = {
      textile: {
        humanRights: { kind: 'certified', scheme: 'OEKO-TEX STeP', validUntil: '2026-06-30' },
        attendanceSystemOnMetiList: true,
        partnershipDeclarationPublished: true,
        monthlySalary: true,
      },
    };
    const d = run(f);
    expect(d.outcome).toBe('accept');
    expect(d.trace.filter((s) => s.ruleId.includes('textile'))).toHaveLength(4);
    f.addOn.textile.monthlySalary = false;
    expect(run(f).outcome).toBe('refuse');
    delete f.addOn.textile;
    expect(run(f).outcome).toBe('incomplete');
  });
  it('jsic on 2025-10-01: a code our partial list cannot settle sends the application to review', () => {
    const f = base();
    f.establishment.jsicCodes = ['2194'];
    f.establishment.evidence.templates = ['other'];
    f.addOn = {};
    const d = run(f);
    expect(d.outcome).toBe(NEEDS_REVIEW);
    expect(d.reasons[0]?.en).toContain('inferred');
  });
  it('jsic with an official list loaded (2026-04-01): an unlisted code alone refuses; mixed with an eligible code is incomplete', () => {
    const loaded = parseEligibleIndustriesCsv('code,level,name,ssw1,ssw2\n15,中分類,印刷・同関連業,yes,no\n2194,細分類,鋳型製造業,yes,yes', legalDate('2026-04-01')).list!;
    const det = makeJaimJoinDetermination({ lists: withNewList(SEEDED_LISTS, loaded) });
    const f = base();
    f.applicationDate = '2026-04-01';
    f.establishment.jsicCodes = ['0911'];
    f.establishment.evidence.templates = ['other'];
    expect(determine(det, f, '2026-04-01').outcome).toBe('refuse');
    f.establishment.jsicCodes = ['1511', '0911'];
    f.establishment.evidence.templates = ['15', 'other'];
    expect(determine(det, f, '2026-04-01').outcome).toBe('incomplete');
    f.establishment.jsicCodes = ['2194'];
    f.establishment.evidence.templates = ['other'];
    expect(determine(det, f, '2026-04-01').outcome).toBe('accept');
  });
  it('refuse outranks incomplete and review', () => {
    const f = base();
    f.establishment.jsicCodes = ['1511', '484'];
    f.applicant.name = '';
    f.establishment.shipmentsInLastYear = false;
    const d = run(f);
    expect(d.outcome).toBe('refuse');
    expect(d.reasons).toHaveLength(1);
  });
  it('bad facts are named, not thrown as a trace', () => {
    const f = base();
    f.establishment.jsicCodes = ['abc'];
    delete f.pledges;
    try {
      run(f);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(FactsInvalid);
      expect((err as FactsInvalid).issues.map((i) => i.fact)).toEqual(expect.arrayContaining(['establishment.jsicCodes.0', 'pledges']));
    }
  });
});

describe('jaim-membership-faq instrument', () => {
  it('every rule version has a complete citation and a summary in both languages', () => {
    for (const rule of instrument.rules) {
      for (const v of rule.versions) {
        expect(isCompleteCitation(v.citation), rule.id).toBe(true);
        expect(v.summary.ja.length, rule.id).toBeGreaterThan(10);
        expect(v.summary.en.length, rule.id).toBeGreaterThan(10);
      }
      expect(rule.id.startsWith('jaim-membership-faq/')).toBe(true);
    }
  });
  it('every determination runs its worked example', () => {
    for (const d of instrument.determinations) expect(() => determine(d, d.example.facts, d.example.asOf)).not.toThrow();
  });
});
