import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, NotInForce, legalDate } from '../core/index.js';
import type { ProjectFacts } from './facts.js';
import { req01MetiManufacturer, req02Relationship, req03PlanFitsPurpose, req04TransferNeed, req05SameProject } from './req-01-05.js';

const on = (date = '2025-06-01') => new Evaluator(legalDate(date));
const app = legalDate('2025-06-01');
const project = (p: ProjectFacts, employeeCount = 2) => ({ project: p, employeeCount });
const allTransfer = { skillsNotYetHeld: true, neededForLeadRole: true, candidatesWereSupervisors: true, ojtEffective: true };

describe('manufacturing-activity-plan req.1–5', () => {
  it('req.1 on 2025-06-01: a METI-jurisdiction manufacturer meets it; another ministry\'s business does not; unknown is missing', () => {
    expect(on().apply(req01MetiManufacturer, { applicationDate: app, company: { metiManufacturer: true } })).toBe('met');
    expect(on().apply(req01MetiManufacturer, { applicationDate: app, company: { metiManufacturer: false } })).toBe('not-met');
    const e = on();
    expect(e.apply(req01MetiManufacturer, { applicationDate: app, company: {} })).toBe('missing');
    expect(e.steps[0]?.citation).toBe('manufacturing-activity-plan-guide req.1');
    expect(e.steps[0]?.citations[0]?.confidence).toBe('secondary');
  });

  it('req.1 before 2016-04-01 (2016-03-31) is not in force; on 2016-04-01 and 2016-04-02 it applies', () => {
    expect(() => on('2016-03-31').apply(req01MetiManufacturer, { applicationDate: app, company: { metiManufacturer: true } })).toThrow(NotInForce);
    for (const date of ['2016-04-01', '2016-04-02']) {
      expect(on(date).apply(req01MetiManufacturer, { applicationDate: app, company: { metiManufacturer: true } })).toBe('met');
    }
  });

  it('req.2 on 2025-06-01: same entity, subsidiary or affiliate to the company or its subsidiary meet it', () => {
    for (const relation of ['same-entity', 'subsidiary', 'affiliate'] as const) {
      for (const destination of ['company', 'company-subsidiary'] as const) {
        expect(on().apply(req02Relationship, { relation, destination })).toBe('met');
      }
    }
  });
  it('req.2 on 2025-06-01: no relation, or a destination outside the group, fails; an unknown relation needs review', () => {
    expect(on().apply(req02Relationship, { relation: 'none', destination: 'company' })).toBe('not-met');
    expect(on().apply(req02Relationship, { relation: 'subsidiary', destination: 'other' })).toBe('not-met');
    expect(on().apply(req02Relationship, { relation: 'unknown', destination: 'company' })).toBe(NEEDS_REVIEW);
    expect(on().apply(req02Relationship, { relation: undefined, destination: 'company' })).toBe('missing');
  });

  it('req.3 on 2025-06-01: shrinking a domestic site fails; otherwise fit with the purpose needs review until recorded', () => {
    expect(on().apply(req03PlanFitsPurpose, project({ purpose: 'new-site-parts-export', reducesDomesticProduction: true }))).toBe('not-met');
    const e = on();
    expect(e.apply(req03PlanFitsPurpose, project({ purpose: 'new-site-parts-export', reducesDomesticProduction: false }))).toBe(NEEDS_REVIEW);
    expect(e.steps[0]?.message.ja).toContain('判断');
    expect(on().apply(req03PlanFitsPurpose, project({ purpose: 'other', reducesDomesticProduction: false, purposeReview: 'satisfied' }))).toBe('met');
    expect(on().apply(req03PlanFitsPurpose, project({ purpose: 'other', reducesDomesticProduction: false, purposeReview: 'not-satisfied' }))).toBe('not-met');
    expect(on().apply(req03PlanFitsPurpose, project({}))).toBe('missing');
  });

  it('req.4 on 2025-06-01: any of the four transfer conditions false fails; all true needs review; a recorded review decides', () => {
    expect(on().apply(req04TransferNeed, project({ transfer: { ...allTransfer, candidatesWereSupervisors: false } }))).toBe('not-met');
    expect(on().apply(req04TransferNeed, project({ transfer: allTransfer }))).toBe(NEEDS_REVIEW);
    expect(on().apply(req04TransferNeed, project({ transfer: allTransfer, transferReview: 'satisfied' }))).toBe('met');
    expect(on().apply(req04TransferNeed, project({ transfer: { skillsNotYetHeld: true } }))).toBe('missing');
  });

  it('req.5 on 2025-06-01: several employees must share one project; one employee always does', () => {
    expect(on().apply(req05SameProject, project({ sameProject: true }, 10))).toBe('met');
    expect(on().apply(req05SameProject, project({ sameProject: false }, 10))).toBe('not-met');
    expect(on().apply(req05SameProject, project({}, 1))).toBe('met');
    expect(on().apply(req05SameProject, project({}, 2))).toBe('missing');
  });
});
