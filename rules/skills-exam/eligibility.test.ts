import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Evaluator, NotInForce, addDays, ageOn, legalDate } from '../core/index.js';
import { candidateEligibility, examCategoryOffered } from './eligibility.js';
import type { CandidateMessage } from './messages.js';

const on = (d: string) => new Evaluator(legalDate(d));
const candidate = (birthDate: string, nationality: string) => ({ birthDate: legalDate(birthDate), nationality });

describe('skills-exam eligibility', () => {
  it('eligibility on 2026-02-15: a Vietnamese candidate turning 17 that day may sit; one turning 17 the next day may not', () => {
    expect(on('2026-02-15').apply(candidateEligibility, candidate('2009-02-15', 'VN'))).toBe('eligible');
    expect(on('2026-02-15').apply(candidateEligibility, candidate('2009-02-16', 'VN'))).toBe('under_minimum_age');
  });

  it('eligibility on 2026-02-15: an Indonesian candidate needs 18 (17 refused, 18 accepted)', () => {
    expect(on('2026-02-15').apply(candidateEligibility, candidate('2009-02-15', 'ID'))).toBe('under_minimum_age');
    expect(on('2026-02-15').apply(candidateEligibility, candidate('2008-02-15', 'ID'))).toBe('eligible');
  });

  it('eligibility on 2026-02-15: a Japanese national is excluded whatever the age', () => {
    const e = on('2026-02-15');
    expect(e.apply(candidateEligibility, candidate('1990-01-01', 'JP'))).toBe('japanese_national');
    expect(e.steps[0]?.citation).toBe('exam-implementation-guidelines eligibility');
  });

  it('eligibility on 2025-02-28 and 2025-03-01: a 29 February birthday counts from 1 March in common years', () => {
    expect(on('2025-02-28').apply(candidateEligibility, candidate('2008-02-29', 'PH'))).toBe('under_minimum_age');
    expect(on('2025-03-01').apply(candidateEligibility, candidate('2008-02-29', 'PH'))).toBe('eligible');
  });

  it('eligibility on 2019-03-31, 2019-04-01, 2019-04-02: in force from the SSW start', () => {
    expect(() => on('2019-03-31').apply(candidateEligibility, candidate('1990-01-01', 'VN'))).toThrow(NotInForce);
    expect(on('2019-04-01').apply(candidateEligibility, candidate('1990-01-01', 'VN'))).toBe('eligible');
    expect(on('2019-04-02').apply(candidateEligibility, candidate('1990-01-01', 'VN'))).toBe('eligible');
  });

  it('eligibility on 2026-02-15: the refusal message exists in ja, en, vi and id and the trace shows the age used', () => {
    const e = on('2026-02-15');
    const r = e.applyFull(candidateEligibility, candidate('2009-06-01', 'ID'));
    const m = r.message as CandidateMessage;
    expect(m.ja).toContain('18歳');
    expect(m.messages?.vi).toContain('18 tuổi');
    expect(m.messages?.id).toContain('18 tahun');
    expect(r.used).toMatchObject({ ageOnExamDay: 16, minimumAge: 18 });
  });

  it('eligibility (property): eligible exactly when the age on the exam day reaches 17 for non-Indonesian, non-Japanese candidates', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays(legalDate('2020-01-01'), n));
    const birth = fc.integer({ min: 0, max: 12000 }).map((n) => addDays(legalDate('1980-01-01'), n));
    fc.assert(
      fc.property(day, birth, (exam, born) => {
        const r = new Evaluator(exam).apply(candidateEligibility, { birthDate: born, nationality: 'VN' });
        expect(r).toBe(ageOn(born, exam) >= 17 ? 'eligible' : 'under_minimum_age');
      }),
    );
  });

  it('categories on 2024-03-28, 2024-03-29, 2024-03-30: RPF at level (i) is offered from the Cabinet decision', () => {
    expect(on('2024-03-28').apply(examCategoryOffered, { level: 'i', category: 'rpf' })).toBe('category_not_offered');
    expect(on('2024-03-29').apply(examCategoryOffered, { level: 'i', category: 'rpf' })).toBe('offered');
    expect(on('2024-03-30').apply(examCategoryOffered, { level: 'i', category: 'rpf' })).toBe('offered');
  });

  it('categories on 2025-06-01: RPF is not a level (ii) category; machining is', () => {
    expect(on('2025-06-01').apply(examCategoryOffered, { level: 'ii', category: 'rpf' })).toBe('category_not_offered');
    expect(on('2025-06-01').apply(examCategoryOffered, { level: 'ii', category: 'kikai_kinzoku' })).toBe('offered');
    expect(on('2025-06-01').apply(examCategoryOffered, { level: 'i', category: 'nonsense' })).toBe('category_not_offered');
  });

  it('categories on 2023-08-30, 2023-08-31, 2023-09-01: level (ii) categories from the level (ii) start', () => {
    expect(on('2023-08-30').apply(examCategoryOffered, { level: 'ii', category: 'kinzoku_hyomen' })).toBe('category_not_offered');
    expect(on('2023-08-31').apply(examCategoryOffered, { level: 'ii', category: 'kinzoku_hyomen' })).toBe('offered');
    expect(on('2023-09-01').apply(examCategoryOffered, { level: 'ii', category: 'kinzoku_hyomen' })).toBe('offered');
  });

  it('categories on 2022-07-31, 2022-08-01, 2022-08-02: not modelled before the consolidation', () => {
    expect(() => on('2022-07-31').apply(examCategoryOffered, { level: 'i', category: 'kikai_kinzoku' })).toThrow(NotInForce);
    expect(on('2022-08-01').apply(examCategoryOffered, { level: 'i', category: 'kikai_kinzoku' })).toBe('offered');
    expect(on('2022-08-02').apply(examCategoryOffered, { level: 'i', category: 'denki_denshi' })).toBe('offered');
  });
});
