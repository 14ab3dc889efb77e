import { describe, expect, it } from 'vitest';
import { FactsInvalid, NEEDS_REVIEW, NotInForce, determine } from '../core/index.js';
import { activityPlanDetermination } from './determination-plan.js';

type Example = {
  applicationDate: string;
  company: Record<string, unknown>;
  project: Record<string, unknown>;
  employees: Record<string, unknown>[];
};
const example = activityPlanDetermination.example.facts as Example;
const withProject = (p: Record<string, unknown>): Example => ({ ...example, project: { ...example.project, ...p } });
const withEmployee = (e: Record<string, unknown>): Example => ({ ...example, employees: [{ ...example.employees[0], ...e }] });
const run = (facts: unknown, asOf = '2025-10-01') => determine(activityPlanDetermination, facts, asOf);

describe('activity-plan determination (req.1–23)', () => {
  it('the worked example (reviews recorded) is certifiable, with every requirement in the trace', () => {
    const r = run(example, activityPlanDetermination.example.asOf);
    expect(r.outcome).toBe('certifiable');
    const cited = new Set(r.trace.map((s) => s.citation));
    for (let n = 1; n <= 23; n++) expect(cited.has(`manufacturing-activity-plan-guide req.${n}`)).toBe(true);
  });
  it('req.3/4/13 on 2025-10-01: without recorded reviews the plan needs review, with the reasons', () => {
    const r = run(withProject({ purposeReview: undefined, transferReview: undefined, instructorReview: undefined }));
    expect(r.outcome).toBe(NEEDS_REVIEW);
    expect(r.reasons).toHaveLength(3);
  });
  it('a failed requirement outranks missing facts and judgements: not-certifiable', () => {
    const r = run({ ...withProject({ purposeReview: undefined }), company: { ...example.company, bearsReturnCosts: false, financialBaseForPay: undefined } });
    expect(r.outcome).toBe('not-certifiable');
    expect(r.reasons[0]?.en).toContain('return costs');
  });
  it('a missing fact outranks judgements: incomplete', () => {
    const r = run({ ...withProject({ purposeReview: undefined }), company: { ...example.company, financialBaseForPay: undefined } });
    expect(r.outcome).toBe('incomplete');
  });
  it('req.20 on 2025-10-01: pay clearly below the peer is left to a reviewer', () => {
    expect(run(withEmployee({ pay: { baseYen: 200_000 } })).outcome).toBe(NEEDS_REVIEW);
  });
  it('req.2 on 2025-10-01: voting facts are tested by corporate-relations (45% + board majority: subsidiary)', () => {
    const r = run(
      withProject({
        relation: undefined,
        foreignOffice: { totalVotes: 1000, votesHeldByA: 450, subsidiaryIndicators: { boardMajority: true } },
      }),
    );
    expect(r.outcome).toBe('certifiable');
    expect(r.trace.some((s) => s.ruleId === 'corporate-relations/art-008/subsidiary')).toBe(true);
  });
  it('req.2 on 2025-10-01: a foreign office with 10% of votes and no indicator is not related: not certifiable', () => {
    const r = run(withProject({ relation: undefined, foreignOffice: { totalVotes: 1000, votesHeldByA: 100 } }));
    expect(r.outcome).toBe('not-certifiable');
  });
  it('bad facts are named, not thrown as a trace', () => {
    expect(() => run({ ...example, applicationDate: '2025-02-30' })).toThrow(FactsInvalid);
    expect(() => run({ ...example, employees: [] })).toThrow(FactsInvalid);
  });
  it('on 2016-03-31 the plan rules are not in force; on 2016-04-01 and 2016-04-02 they are', () => {
    expect(() => run(example, '2016-03-31')).toThrow(NotInForce);
    expect(run(example, '2016-04-01').outcome).toBe('certifiable');
    expect(run(example, '2016-04-02').outcome).toBe('certifiable');
  });
});
