import { describe, expect, it } from 'vitest';
import { Evaluator, NotInForce, legalDate, parameterAt } from '../core/index.js';
import { addOnIndustries, addOnIndustry, memberDuties } from './art-003.js';

const on = (d: string) => new Evaluator(legalDate(d));

describe('council-operating-rules art.3', () => {
  it('3(1)(ii) on 2025-06-01: textiles (11), printing (15) and packing (484) and codes beneath them need add-on measures', () => {
    const e = on('2025-06-01');
    for (const code of ['11', '1111', '15', '151', '1511', '484', '4841']) expect(e.apply(addOnIndustry, { jsicCodes: [code] })).toBe('add-on-required');
    for (const code of ['2464', '18', '48', '1411', '4851']) expect(e.apply(addOnIndustry, { jsicCodes: [code] })).toBe('no-add-on');
    expect(e.steps[0]?.parameters[0]?.status).toBe('inferred');
    expect(e.steps[0]?.citation).toBe('council-operating-rules art.3(1)(ii)');
  });

  it('3(1)(ii): the item-to-JSIC mapping is marked inferred', () => {
    const v = parameterAt(addOnIndustries, legalDate('2025-06-01'));
    expect(v.citation.confidence).toBe('inferred');
    expect(v.value.map((i) => [i.kokujiItem, i.jsic])).toEqual([[1, '11'], [11, '15'], [49, '484']]);
  });

  it('3(1)(ii) on 2024-09-29, 2024-09-30, 2024-10-01: the add-on list starts with the 2024-09-30 amendment', () => {
    expect(() => on('2024-09-29').apply(addOnIndustry, { jsicCodes: ['11'] })).toThrow(NotInForce);
    expect(on('2024-09-30').apply(addOnIndustry, { jsicCodes: ['11'] })).toBe('add-on-required');
    expect(on('2024-10-01').apply(addOnIndustry, { jsicCodes: ['11'] })).toBe('add-on-required');
    expect(on('2024-09-29').apply(memberDuties, { category: 'iii', jsicCodes: ['11'] })).toEqual(['cooperate-with-council']);
    expect(on('2024-09-30').apply(memberDuties, { category: 'iii', jsicCodes: ['11'] })).toEqual(['cooperate-with-council', 'take-add-on-measures']);
    expect(on('2024-10-01').apply(memberDuties, { category: 'iii', jsicCodes: ['11'] })).toEqual(['cooperate-with-council', 'take-add-on-measures']);
  });

  it('3(1)–(3) on 2025-06-01: duties by category', () => {
    const e = on('2025-06-01');
    expect(e.apply(memberDuties, { category: 'iii', jsicCodes: ['2464'] })).toEqual(['cooperate-with-council']);
    expect(e.apply(memberDuties, { category: 'iv', jsicCodes: [] })).toEqual(['endeavour-to-cooperate']);
    expect(e.apply(memberDuties, { category: 'v', jsicCodes: [] })).toEqual(['support-council-activities']);
    expect(e.apply(memberDuties, { category: 'i', jsicCodes: [] })).toEqual([]);
  });

  it('3(3) on 2025-05-25, 2025-05-26, 2025-05-27: category (v) duty starts with the 2025 amendment', () => {
    expect(on('2025-05-25').apply(memberDuties, { category: 'v', jsicCodes: [] })).toEqual([]);
    expect(on('2025-05-26').apply(memberDuties, { category: 'v', jsicCodes: [] })).toEqual(['support-council-activities']);
    expect(on('2025-05-27').apply(memberDuties, { category: 'v', jsicCodes: [] })).toEqual(['support-council-activities']);
  });

  it('3(1)(i) on 2019-03-25, 2019-03-26, 2019-03-27: duties start at enactment', () => {
    expect(() => on('2019-03-25').apply(memberDuties, { category: 'iii', jsicCodes: [] })).toThrow(NotInForce);
    expect(on('2019-03-26').apply(memberDuties, { category: 'iii', jsicCodes: [] })).toEqual(['cooperate-with-council']);
    expect(on('2019-03-27').apply(memberDuties, { category: 'iv', jsicCodes: [] })).toEqual(['endeavour-to-cooperate']);
  });
});
