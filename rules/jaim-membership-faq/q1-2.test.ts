import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, legalDate } from '../core/index.js';
import { constructionNeedsJac, membershipsPerEstablishment, plantsAsOneEstablishment } from './q1-2.js';

const e = () => new Evaluator(legalDate('2025-10-01'));

describe('jaim-membership-faq Q1-2', () => {
  it('Q1-2-1 on 2025-10-01: two accepting establishments need two memberships', () => {
    expect(e().apply(membershipsPerEstablishment, { establishmentsEmployingSsw: 2, establishmentsJoined: 1 })).toBe('insufficient');
    expect(e().apply(membershipsPerEstablishment, { establishmentsEmployingSsw: 2, establishmentsJoined: 2 })).toBe('sufficient');
  });
  it('Q1-2-1 on 2025-10-01: establishments at one address with their own shipments each join', () => {
    expect(e().apply(plantsAsOneEstablishment, { sameAddress: true, adjacent: false, separateShipmentRecords: true, shipAsOnePlant: false })).toBe('separate');
  });
  it('Q1-2-4 on 2025-10-01: adjacent plants shipping as one go to review (個別の事情)', () => {
    const ev = e();
    expect(ev.apply(plantsAsOneEstablishment, { sameAddress: false, adjacent: true, separateShipmentRecords: false, shipAsOnePlant: true })).toBe(NEEDS_REVIEW);
    expect(ev.steps[0]?.message.en).toContain('circumstances');
    expect(e().apply(plantsAsOneEstablishment, { sameAddress: false, adjacent: true, separateShipmentRecords: true, shipAsOnePlant: false })).toBe('separate');
  });
  it('Q1-2-2 on 2025-10-01: construction-field workers need JAC as well', () => {
    expect(e().apply(constructionNeedsJac, { alsoAcceptsSswInConstruction: true })).toBe('jac_also_required');
    expect(e().apply(constructionNeedsJac, { alsoAcceptsSswInConstruction: false })).toBe('not_applicable');
  });
});
