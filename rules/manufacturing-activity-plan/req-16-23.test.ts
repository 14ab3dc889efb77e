import { describe, expect, it } from 'vitest';
import { Evaluator, NEEDS_REVIEW, legalDate } from '../core/index.js';
import type { EmployeeFacts } from './facts.js';
import {
  req16PlannedStay,
  req17SkillsNotHeld,
  req18PreviousStay,
  req19PriorEmployment,
  req20PayParity,
  req21NoFamily,
  req22PostReturnRole,
  req23NoDismissalAfterReturn,
} from './req-16-23.js';

const d = legalDate;
const on = () => new Evaluator(d('2025-06-01'));
const emp = (e: Partial<EmployeeFacts>) => ({ applicationDate: d('2025-06-01'), employee: { name: 'A', ...e } as EmployeeFacts });
const pay = (baseYen: number, foreignerAllowancesYen = 0, freeHousingRentValueYen = 0) => ({ baseYen, foreignerAllowancesYen, freeHousingRentValueYen });

describe('manufacturing-activity-plan req.16–23 (each employee)', () => {
  it('req.16 on 2025-06-01: from 2025-04-01 a stay through 2026-04-01 is one year; 2026-04-02 exceeds it', () => {
    expect(on().apply(req16PlannedStay, emp({ plannedStart: d('2025-04-01'), plannedEnd: d('2026-04-01') }))).toBe('met');
    expect(on().apply(req16PlannedStay, emp({ plannedStart: d('2025-04-01'), plannedEnd: d('2026-04-02') }))).toBe('not-met');
    expect(on().apply(req16PlannedStay, emp({ plannedStart: d('2025-04-01') }))).toBe('missing');
  });
  it('req.16 on 2025-06-01: from 2025-08-31 the year ends on 2026-08-31', () => {
    expect(on().apply(req16PlannedStay, emp({ plannedStart: d('2025-08-31'), plannedEnd: d('2026-08-31') }))).toBe('met');
    expect(on().apply(req16PlannedStay, emp({ plannedStart: d('2025-08-31'), plannedEnd: d('2026-09-01') }))).toBe('not-met');
  });
  it('req.17 on 2025-06-01: an employee who already has the skills does not qualify', () => {
    expect(on().apply(req17SkillsNotHeld, emp({ alreadyHasSkills: true }))).toBe('not-met');
    expect(on().apply(req17SkillsNotHeld, emp({ alreadyHasSkills: false }))).toBe('met');
  });
  it('req.18 on 2025-06-01: no earlier stay is met; the same skills again fails; otherwise "short period" needs review', () => {
    expect(on().apply(req18PreviousStay, emp({ previousStay: null }))).toBe('met');
    expect(on().apply(req18PreviousStay, emp({ previousStay: { returnDate: d('2023-01-10'), sameSkills: true } }))).toBe('not-met');
    const e = on();
    expect(e.apply(req18PreviousStay, emp({ plannedStart: d('2025-09-01'), previousStay: { returnDate: d('2025-03-01'), sameSkills: false } }))).toBe(NEEDS_REVIEW);
    expect(e.steps[0]?.used['daysSinceReturn']).toBe(184);
    expect(on().apply(req18PreviousStay, emp({ previousStay: { returnDate: d('2020-03-01'), sameSkills: false }, previousStayReview: 'satisfied' }))).toBe('met');
    expect(on().apply(req18PreviousStay, emp({}))).toBe('missing');
  });
  it('req.19 on 2025-06-01: employed from 2024-04-01, a transfer on 2025-04-01 is after a full year; on 2025-03-31 it is not', () => {
    expect(on().apply(req19PriorEmployment, emp({ foreignEmploymentStart: d('2024-04-01'), plannedStart: d('2025-04-01') }))).toBe('met');
    const e = on();
    expect(e.apply(req19PriorEmployment, emp({ foreignEmploymentStart: d('2024-04-01'), plannedStart: d('2025-03-31') }))).toBe('not-met');
    expect(e.steps[0]?.message.en).toContain('2025-04-01');
  });
  it('req.20 on 2025-06-01: allowances and free housing count toward pay; lower pay needs review ("明らかに低い" is a judgement)', () => {
    expect(on().apply(req20PayParity, emp({ pay: pay(250_000, 10_000, 40_000), japaneseComparatorPayYen: 300_000 }))).toBe('met');
    const e = on();
    expect(e.apply(req20PayParity, emp({ pay: pay(250_000, 0, 40_000), japaneseComparatorPayYen: 300_000 }))).toBe(NEEDS_REVIEW);
    expect(e.steps[0]?.message.en).toContain('¥10000');
    expect(on().apply(req20PayParity, emp({ pay: pay(150_000), japaneseComparatorPayYen: 300_000, payReview: 'not-satisfied' }))).toBe('not-met');
    expect(on().apply(req20PayParity, emp({ pay: pay(150_000) }))).toBe('missing');
  });
  it('req.21 and req.22 on 2025-06-01: alone, and a post using the skills after return', () => {
    expect(on().apply(req21NoFamily, emp({ familyAccompanying: true }))).toBe('not-met');
    expect(on().apply(req21NoFamily, emp({ familyAccompanying: false }))).toBe('met');
    expect(on().apply(req22PostReturnRole, emp({ postReturnRoleUsesSkills: false }))).toBe('not-met');
    expect(on().apply(req22PostReturnRole, emp({ postReturnRoleUsesSkills: true }))).toBe('met');
  });
  it('req.23 on 2025-06-01: no undertaking fails; a dismissal through the first anniversary of return needs review, after it does not', () => {
    expect(on().apply(req23NoDismissalAfterReturn, emp({ commitsNoDismissalWithinYear: false }))).toBe('not-met');
    expect(on().apply(req23NoDismissalAfterReturn, emp({ commitsNoDismissalWithinYear: true }))).toBe('met');
    const ret = d('2024-03-31');
    expect(on().apply(req23NoDismissalAfterReturn, emp({ commitsNoDismissalWithinYear: true, dismissal: { returnDate: ret, dismissalDate: d('2025-03-31') } }))).toBe(NEEDS_REVIEW);
    expect(on().apply(req23NoDismissalAfterReturn, emp({ commitsNoDismissalWithinYear: true, dismissal: { returnDate: ret, dismissalDate: d('2025-04-01') } }))).toBe('met');
    expect(on().apply(req23NoDismissalAfterReturn, emp({ commitsNoDismissalWithinYear: true, dismissal: { returnDate: ret, dismissalDate: d('2024-10-01') }, dismissalReview: 'satisfied' }))).toBe('met');
  });
});
