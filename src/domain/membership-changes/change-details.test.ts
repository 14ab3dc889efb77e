import { describe, expect, it } from 'vitest';
import { legalDate } from '../../../rules/core/index.js';
import { determineChange, parseChangeDetails } from './change-details.js';

const asOf = legalDate('2026-06-01');
const base = { category: 'iii' as const, registeredJsicCodes: ['2691'], oldName: '本社工場' };

describe('change notice determination', () => {
  it('a name change is accepted for review under art.11(1)', () => {
    const d = determineChange({ ...base, kind: 'establishment_name', details: { newName: '第一工場' } }, asOf);
    expect(d.outcome).toBe('accept');
    expect(d.trace.map((s) => s.citation)).toEqual(['council-operating-rules art.11(1)']);
  });
  it('adding a JSIC class outside the registered ones needs a new application (Q3-2-1)', () => {
    const d = determineChange({ ...base, kind: 'jsic_addition', details: { jsicCode: '2422' } }, asOf);
    expect(d.outcome).toBe('refuse');
    expect(d.trace.map((s) => s.citation)).toContain('jaim-membership-faq Q3-2-1');
    expect(d.reasons.map((r) => r.ja).join()).toContain('新しい入会申請');
  });
  it('a plant not yet operating is refused (Q3-2-4)', () => {
    const d = determineChange({ ...base, kind: 'new_establishment', details: { newName: '新工場', operating: false, shipmentsInLastYear: false } }, asOf);
    expect(d.outcome).toBe('refuse');
    expect(d.trace.map((s) => s.citation)).toContain('jaim-membership-faq Q3-2-4');
  });
  it('a relocation before the new plant operates is listed side by side (Q3-2-2); once operating it is not', () => {
    const before = determineChange({ ...base, kind: 'relocation', details: { newName: '新工場', operatingFrom: '2026-09-01' } }, asOf);
    expect(before.sideBySide).toBe(true);
    const after = determineChange({ ...base, kind: 'relocation', details: { newName: '新工場', operatingFrom: '2026-05-01' } }, asOf);
    expect(after.sideBySide).toBe(false);
  });
  it('a merger names the new company by a real 法人番号 (check digit), typed with hyphens or full-width digits', () => {
    const problems: { field: string }[] = [];
    expect(parseChangeDetails('merger', { newCompanyName: '新会社', newCorporateNumber: '７１２３-４５６７-８９０１２' }, problems as never).newCorporateNumber).toBe('7123456789012');
    expect(problems).toEqual([]);
    parseChangeDetails('merger', { newCompanyName: '新会社', newCorporateNumber: '1123456789012' }, problems as never);
    expect(problems.map((p) => p.field)).toEqual(['newCorporateNumber']);
  });
  it('validates the fields of each kind', () => {
    const problems: { field: string }[] = [];
    parseChangeDetails('address', { newPrefecture: '99', newAddress: '', newPostalCode: 'abc' }, problems as never);
    expect(problems.map((p) => p.field).sort()).toEqual(['newAddress', 'newPostalCode', 'newPrefecture']);
  });
});
