import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, NotInForce, addMonths, defineParameter, legalDate, msg, period, cite } from '../core/index.js';
import {
  addOnApplicability,
  evidenceTemplatesProvided,
  makeAssociationRule,
  packingAssociation,
  printingAssociation,
  shipmentEvidence,
  templateFor,
  textileAttendance,
  textileHumanRights,
  textileMonthlySalary,
  textilePartnershipDeclaration,
} from './q2-3.js';

const e = (d = '2025-10-01') => new Evaluator(legalDate(d));
const own = { association: '全日本製本工業組合連合会', evidence: 'membership_certificate', heldBy: 'establishment' } as const;

describe('jaim-membership-faq Q2-3-1: which codes carry add-on requirements', () => {
  it('Q2-3-1 on 2025-06-24: not in force before JAIM', () => {
    expect(() => e('2025-06-24').apply(addOnApplicability, { jsicCodes: ['11'] })).toThrow(NotInForce);
  });
  it('Q2-3-1 on 2025-06-25 / 2025-06-26: 11, 15 and 484 carry add-ons; 18 does not', () => {
    const ev = e('2025-06-25');
    expect(ev.apply(addOnApplicability, { jsicCodes: ['1121', '4841'] })).toBe('applies');
    expect(ev.steps[0]?.used).toEqual({ groups: ['textile', 'packing'] });
    expect(e('2025-06-26').apply(addOnApplicability, { jsicCodes: ['18', '2464'] })).toBe('none');
  });
});

describe('jaim-membership-faq Q2-3 textile (JSIC 11)', () => {
  const applicationDate = legalDate('2025-10-01');
  it('on 2025-10-01: certification valid until 2026-01-01 (three months) is met; 2025-12-31 is not', () => {
    expect(e().apply(textileHumanRights, { evidence: { kind: 'certified', scheme: 'GOTS', validUntil: legalDate('2026-01-01') }, applicationDate })).toBe('met');
    expect(e().apply(textileHumanRights, { evidence: { kind: 'certified', scheme: 'JASTI', validUntil: legalDate('2025-12-31') }, applicationDate })).toBe('not_met');
  });
  it('property: met exactly when validity reaches three months after the application', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: -200, max: 200 }), (start, offset) => {
        const app = legalDate(new Date(Date.UTC(2025, 6, 1 + start)).toISOString().slice(0, 10));
        const until = legalDate(new Date(Date.UTC(2025, 6, 1 + start + 92 + offset)).toISOString().slice(0, 10));
        const r = e().apply(textileHumanRights, { evidence: { kind: 'certified', scheme: 'bluesign', validUntil: until }, applicationDate: app });
        expect(r).toBe(until >= addMonths(app, 3) ? 'met' : 'not_met');
      }),
    );
  });
  it('Q2-3-6 on 2025-10-01: while certification is in progress the substitute document suffices', () => {
    expect(e().apply(textileHumanRights, { evidence: { kind: 'in_progress', substituteDocument: true }, applicationDate })).toBe('met');
    expect(e().apply(textileHumanRights, { evidence: { kind: 'in_progress', substituteDocument: false }, applicationDate })).toBe('missing');
    expect(e().apply(textileHumanRights, { evidence: { kind: 'none' }, applicationDate })).toBe('not_met');
    expect(e().apply(textileHumanRights, { evidence: null, applicationDate })).toBe('missing');
  });
  it('on 2025-10-01: an unlisted scheme goes to review', () => {
    expect(e().apply(textileHumanRights, { evidence: { kind: 'certified', scheme: 'other', validUntil: legalDate('2027-01-01') }, applicationDate })).toBe(NEEDS_REVIEW);
  });
  it('Q2-3-2 on 2025-10-01: attendance system on METI’s list; partnership declaration; monthly salary', () => {
    expect(e().apply(textileAttendance, { value: false })).toBe('not_met');
    expect(e().apply(textileAttendance, { value: true })).toBe('met');
    expect(e().apply(textilePartnershipDeclaration, { value: null })).toBe('missing');
    expect(e().apply(textileMonthlySalary, { value: true })).toBe('met');
  });
});

describe('jaim-membership-faq Q2-3-3/4/5 printing and packing associations', () => {
  it('Q2-3-5 on 2025-10-01: either federation suffices for printing', () => {
    expect(e().apply(printingAssociation, { memberships: [own] })).toBe('met');
    expect(e().apply(printingAssociation, { memberships: [{ ...own, association: '全日本印刷工業組合連合会' }] })).toBe('met');
    expect(e().apply(printingAssociation, { memberships: [{ ...own, association: '別の団体' }] })).toBe('not_met');
  });
  it('Q2-3-3 on 2025-10-01: a parent company’s membership does not count', () => {
    const ev = e();
    expect(ev.apply(printingAssociation, { memberships: [{ ...own, heldBy: 'parent_company' }] })).toBe('not_met');
    expect(ev.steps[0]?.message.en).toContain('parent');
  });
  it('Q2-3-4 on 2025-10-01: a certificate of enrolment is not accepted (only the 会員証)', () => {
    const ev = e();
    expect(ev.apply(printingAssociation, { memberships: [{ ...own, evidence: 'enrolment_certificate' }] })).toBe('missing');
    expect(ev.steps[0]?.message.ja).toContain('会員証');
    expect(e().apply(printingAssociation, { memberships: null })).toBe('missing');
  });
  it('packing on 2025-10-01: while the association is unset the check goes to review', () => {
    const ev = e();
    expect(ev.apply(packingAssociation, { memberships: [own] })).toBe(NEEDS_REVIEW);
    expect(ev.steps[0]?.parameters[0]?.status).toBe('uncertain');
  });
  it('packing on 2025-10-01: once the operator sets the association it decides', () => {
    const configured = defineParameter<readonly string[] | null>({
      id: 'jaim-membership-faq/packing-associations',
      description: msg('こん包業の団体', 'Packing association'),
      values: [{ period: period('2024-09-30'), value: ['日本こん包団体（例）'], citation: cite('jaim-membership-faq', 'Q2-3-3'), status: 'example' }],
    });
    const rule = makeAssociationRule('packing', configured);
    expect(e().apply(rule, { memberships: [{ ...own, association: '日本こん包団体（例）' }] })).toBe('met');
    expect(e().apply(rule, { memberships: [own] })).toBe('not_met');
  });
});

describe('jaim-membership-faq Q2-3-6/7 evidence', () => {
  it('Q2-3-6: templates by JSIC code', () => {
    expect(['1121', '1511', '1821', '4841', '2462', '2464', '2469', '2461', '2194'].map(templateFor)).toEqual([
      '11', '15', '18', '484', '2462-2464-2469', '2462-2464-2469', '2462-2464-2469', 'other', 'other',
    ]);
  });
  it('Q2-3-6 on 2025-10-01: a missing template is named; textile in progress also needs 11_02', () => {
    const ev = e();
    expect(ev.apply(evidenceTemplatesProvided, { jsicCodes: ['1511', '2464'], templatesProvided: ['15'], textileCertificationInProgress: false })).toBe('missing');
    expect(ev.steps[0]?.message.en).toContain('sample_2462-2464-2469');
    expect(e().apply(evidenceTemplatesProvided, { jsicCodes: ['11'], templatesProvided: ['11'], textileCertificationInProgress: true })).toBe('missing');
    expect(e().apply(evidenceTemplatesProvided, { jsicCodes: ['11'], templatesProvided: ['11', '11_02'], textileCertificationInProgress: true })).toBe('provided');
  });
  it('Q2-3-7 on 2025-10-01: intra-company deliveries count, but without amounts a reason is required', () => {
    const base = { documentKinds: ['delivery_note'] as const, withinLastYear: true, amountsShown: false, intraCompany: true, noAmountReason: false };
    expect(e().apply(shipmentEvidence, { ...base, documentKinds: [...base.documentKinds] })).toBe('insufficient');
    expect(e().apply(shipmentEvidence, { ...base, documentKinds: [...base.documentKinds], noAmountReason: true })).toBe('sufficient');
    expect(e().apply(shipmentEvidence, { ...base, documentKinds: [...base.documentKinds], withinLastYear: false, noAmountReason: true })).toBe('insufficient');
    expect(e().apply(shipmentEvidence, { ...base, documentKinds: [], noAmountReason: true })).toBe('insufficient');
    expect(e().apply(shipmentEvidence, { ...base, documentKinds: ['other'], amountsShown: true })).toBe(NEEDS_REVIEW);
  });
});
