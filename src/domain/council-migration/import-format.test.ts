import { describe, expect, it } from 'vitest';
import { findDuplicates, parseCouncilImport } from './import-format.js';

const HEADER = 'council_member_id,corporate_number,company_name,company_name_kana,establishment_name,address,prefecture,jsic_codes,listed_date,migration_choice';
const row = (id: string, extra: Partial<Record<string, string>> = {}) =>
  [id, extra.cn ?? '7123456789012', extra.company ?? '株式会社東海精機', 'トウカイセイキ', extra.est ?? `本社工場${id}`, '名古屋市中区1-1', extra.pref ?? '23', extra.jsic ?? '2592 2594', extra.date ?? '2024-04-01', extra.choice ?? 'full'].join(',');

describe('council import rows', () => {
  it('accepts a valid row and normalises prefecture names and date slashes', () => {
    const p = parseCouncilImport([HEADER, row('C1', { pref: '愛知県', date: '2024/04/01' })].join('\n'));
    expect(p.errors).toEqual([]);
    expect(p.rows[0]).toMatchObject({ line: 2, prefecture: '23', listedDate: '2024-04-01', jsicCodes: ['2592', '2594'], choice: 'full' });
  });
  it('reports every problem of a row with its line and field', () => {
    const p = parseCouncilImport([HEADER, row('C1', { cn: '7123456789013', pref: '99', jsic: 'x', date: '2026-01-01', choice: 'maybe' })].join('\n'));
    expect(p.rows).toEqual([]);
    expect(p.errors.map((e) => e.field).sort()).toEqual(['corporateNumber', 'jsicCodes', 'listedDate', 'migrationChoice', 'prefecture']);
    expect(p.errors.every((e) => e.line === 2)).toBe(true);
  });
  it('refuses a migration choice that only names an object property', () => {
    const p = parseCouncilImport([HEADER, row('C1', { choice: 'constructor' }), row('C2', { choice: '__proto__' }), row('C3', { choice: 'FULL' })].join('\n'));
    expect(p.errors.map((e) => [e.line, e.field])).toEqual([[2, 'migrationChoice'], [3, 'migrationChoice']]);
    expect(p.rows.map((r) => r.choice)).toEqual(['full']);
  });
  it('normalises full-width input before checking it', () => {
    const p = parseCouncilImport([HEADER, row('Ｃ１', { cn: '７１２３４５６７８９０１２', pref: '２３', date: '２０２４／０４／０１' })].join('\n'));
    expect(p.errors).toEqual([]);
    expect(p.rows[0]).toMatchObject({ councilMemberId: 'C1', corporateNumber: '7123456789012', prefecture: '23', listedDate: '2024-04-01' });
  });
  it('refuses a file without the required columns', () => {
    expect(parseCouncilImport('a,b\n1,2').headerProblem?.en).toContain('council_member_id');
  });
  it('finds duplicates in the file and against earlier imports', () => {
    const p = parseCouncilImport([HEADER, row('C1'), row('C1', { est: 'other' }), row('C2', { est: '本社工場C1' }), row('C3')].join('\n'));
    const d = findDuplicates(p.rows, new Set(['C3']));
    expect(d.unique.map((r) => r.councilMemberId)).toEqual(['C1']);
    expect(d.duplicates.map((x) => x.reason)).toEqual(['repeated_in_file', 'same_establishment_in_file', 'already_migrated']);
  });
});
